/** What the bot's platforms need to draw an answer's charts, and the renderer CHART_WORKERS selects. */
import type { ChartSpec } from "../answer/answer.js";
import { createChartPool } from "./chart-pool.js";
import { createInProcessChartRenderer } from "./in-process-renderer.js";
import type { RenderChartOptions } from "./render-chart.js";

export interface ChartRenderer {
  /** The chart as PNG bytes, the same bytes renderChart gives; rejects with renderChart's error. */
  render(spec: ChartSpec, options?: RenderChartOptions): Promise<Buffer>;
  /** Stops rendering: renders not finished yet, and any later ones, are rejected. */
  close(): Promise<void>;
}

/**
 * The bot's renderer for CHART_WORKERS: 0 draws in this thread and encodes the PNG on libuv's
 * thread pool (in-process-renderer.ts); 1..8 renders in that many worker threads (chart-pool.ts).
 */
export function createChartRenderer(workers: number, options: { eager?: boolean } = {}): ChartRenderer {
  return workers === 0
    ? createInProcessChartRenderer()
    : createChartPool({ size: workers, eager: options.eager ?? false });
}
