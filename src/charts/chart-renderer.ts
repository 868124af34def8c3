/** The renderer CHART_WORKERS selects. */
import { createChartPool } from "./chart-pool.js";
import { createInProcessChartRenderer } from "./in-process-renderer.js";
import type { ChartRenderer } from "./renderer.js";

export type { ChartRenderer } from "./renderer.js";

/**
 * The bot's renderer for CHART_WORKERS: 0 draws in this thread and encodes the PNG on libuv's
 * thread pool (in-process-renderer.ts); 1..8 renders in that many worker threads (chart-pool.ts).
 */
export function createChartRenderer(workers: number, options: { eager?: boolean } = {}): ChartRenderer {
  return workers === 0
    ? createInProcessChartRenderer()
    : createChartPool({ size: workers, eager: options.eager ?? false });
}
