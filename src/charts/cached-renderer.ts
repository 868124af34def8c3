/**
 * A chart renderer that draws each distinct chart once: renderChart is pure and deterministic
 * (the same spec and options give the same bytes), so PNGs are kept under a digest of the spec
 * and options, with no need to know the data version — a refresh that changes the figures
 * changes the spec, hence the key. Bounded by entries and bytes (least recently used first);
 * concurrent renders of one chart share one render (single flight).
 */
import { createHash } from "node:crypto";
import type { ChartSpec } from "../answer/answer.js";
import { BoundedCache, type CacheBounds, type CacheStats, stableKey } from "../cache/bounded-cache.js";
import type { RenderChartOptions } from "./render-chart.js";
import type { ChartRenderer } from "./renderer.js";

/** 200 charts or 16 MB of PNG: a 1200×675 chart is 20–60 KB. */
export const CHART_CACHE_BOUNDS: CacheBounds = { maxEntries: 200, maxBytes: 16 * 1024 * 1024 };

export interface CachedChartRenderer extends ChartRenderer {
  stats(): CacheStats;
}

export function createCachedChartRenderer(
  renderer: ChartRenderer,
  bounds: CacheBounds = CHART_CACHE_BOUNDS,
): CachedChartRenderer {
  const cache = new BoundedCache<Buffer>(bounds);
  return {
    render(spec: ChartSpec, options: RenderChartOptions = {}) {
      const key = createHash("sha256").update(stableKey({ spec, options })).digest("base64url");
      return cache.get(
        key,
        () => renderer.render(spec, options),
        (png) => png.length,
      );
    },
    close: () => renderer.close(),
    stats: () => cache.stats(),
  };
}
