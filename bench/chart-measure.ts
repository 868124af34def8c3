/**
 * Chart rendering measurements shared by bench/chart-bench.ts and `npm run bench`: render
 * time per kind at the default size (1200×675) and RSS after 10 vs after 1,000 renders.
 * The RSS figure is only meaningful on a fresh process, before anything else was rendered.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { renderChart } from "../src/charts/index.js";
import { CHART_KINDS, SPECS_BY_KIND, scaled } from "../test/charts/chart-fixtures.js";
import { type Summary, summarize } from "./stats.js";

export interface RssGrowth {
  readonly after10Bytes: number;
  readonly after1000Bytes: number;
  readonly growthBytes: number;
}

export interface KindTiming {
  readonly kind: string;
  readonly ms: Summary;
}

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** RSS after GC; @napi-rs/canvas frees native memory in finalizers that run on a later turn. */
async function settledRss(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await nextTurn();
  }
  return process.memoryUsage().rss;
}

/** Renders every kind in turn, yielding to the event loop every 10 renders as a server would. */
export async function measureRssGrowth(): Promise<RssGrowth> {
  let rendered = 0;
  const renderNext = async () => {
    const kind = CHART_KINDS[rendered % CHART_KINDS.length] ?? "bar";
    renderChart(scaled(SPECS_BY_KIND[kind], 1 + (rendered % 13) / 10));
    rendered += 1;
    if (rendered % 10 === 0) await nextTurn();
  };
  while (rendered < 10) await renderNext();
  const after10Bytes = await settledRss();
  while (rendered < 1000) await renderNext();
  const after1000Bytes = await settledRss();
  return { after10Bytes, after1000Bytes, growthBytes: after1000Bytes - after10Bytes };
}

/** Render time per kind at the default size; 10 warm-up renders per kind are not counted. */
export function measureRenderTimes(rendersPerKind: number): KindTiming[] {
  return CHART_KINDS.map((kind) => {
    const spec = SPECS_BY_KIND[kind];
    for (let i = 0; i < 10; i++) renderChart(spec);
    const times: number[] = [];
    for (let i = 0; i < rendersPerKind; i++) {
      const input = scaled(spec, 1 + (i % 7) / 10);
      const started = performance.now();
      renderChart(input);
      times.push(performance.now() - started);
    }
    return { kind, ms: summarize(times) };
  });
}

/** PNG sizes in KB at 1200×675 and 800×450, for the human-readable chart report. */
export function pngSizesKb(kind: (typeof CHART_KINDS)[number]): { large: number; small: number } {
  const spec = SPECS_BY_KIND[kind];
  return {
    large: renderChart(spec).length / 1024,
    small: renderChart(spec, { width: 800, height: 450 }).length / 1024,
  };
}

export { CHART_KINDS };
