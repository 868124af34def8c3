/** What the bot's platforms need to draw an answer's charts; chart-pool.ts renders off the main thread. */
import type { ChartSpec } from "../answer/answer.js";
import type { RenderChartOptions } from "./render-chart.js";

export interface ChartRenderer {
  /** The chart as PNG bytes, the same bytes renderChart gives; rejects with renderChart's error. */
  render(spec: ChartSpec, options?: RenderChartOptions): Promise<Buffer>;
  /** Stops rendering: renders not finished yet, and any later ones, are rejected. */
  close(): Promise<void>;
}
