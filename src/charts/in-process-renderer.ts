/**
 * Charts rendered in this thread with the PNG encoding off it (renderChartAsync): the drawing
 * (~6 ms at 1200×675) runs here and the encoding (~22 ms, most of a render) on libuv's thread
 * pool. No extra V8 heaps, unlike the worker pool (chart-pool.ts, ~45 MB per worker), but the
 * drawing still holds up acks under load (ack p99 224 ms vs 51 ms at 20 concurrent requests).
 */
import type { ChartSpec } from "../answer/answer.js";
import type { RenderChartOptions } from "./render-chart.js";
import {
  CHART_RENDERER_CLOSED,
  type ChartRenderer,
  DEFAULT_MAX_QUEUED_RENDERS,
  tooManyCharts,
} from "./renderer.js";

export function createInProcessChartRenderer(options: { readonly maxInFlight?: number } = {}): ChartRenderer {
  const maxInFlight = options.maxInFlight ?? DEFAULT_MAX_QUEUED_RENDERS;
  const inFlight = new Set<(error: Error) => void>();
  let closed = false;
  return {
    render(spec: ChartSpec, renderOptions: RenderChartOptions = {}): Promise<Buffer> {
      if (closed) return Promise.reject(new Error(CHART_RENDERER_CLOSED));
      if (inFlight.size >= maxInFlight) return Promise.reject(tooManyCharts(maxInFlight, spec));
      return new Promise<Buffer>((resolve, reject) => {
        inFlight.add(reject);
        // Loaded on the first render: chart.js and the canvas library are not needed before.
        import("./render-chart.js")
          .then(({ renderChartAsync }) => renderChartAsync(spec, renderOptions))
          .then(resolve, reject)
          .finally(() => inFlight.delete(reject));
      });
    },
    async close(): Promise<void> {
      closed = true;
      const closing = new Error(CHART_RENDERER_CLOSED);
      for (const reject of inFlight) reject(closing);
      inFlight.clear();
    },
  };
}
