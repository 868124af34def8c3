/** What the bot's platforms need to draw an answer's charts, whichever renderer CHART_WORKERS picks. */
import type { ChartSpec } from "../answer/answer.js";
import type { RenderChartOptions } from "./render-chart.js";

export interface ChartRenderer {
  /** The chart as PNG bytes, the same bytes renderChart gives; rejects with renderChart's error. */
  render(spec: ChartSpec, options?: RenderChartOptions): Promise<Buffer>;
  /** Stops rendering: renders not finished yet, and any later ones, are rejected. */
  close(): Promise<void>;
}

/** Renders waiting for a worker (or in flight) beyond which render() rejects at once. */
export const DEFAULT_MAX_QUEUED_RENDERS = 256;
/** What renders still queued or in flight at close(), and any later ones, are rejected with. */
export const CHART_RENDERER_CLOSED = "The chart renderer is closed";

/** What a render beyond a renderer's bound is refused with. */
export function tooManyCharts(max: number, spec: ChartSpec): Error {
  return new Error(`Too many charts waiting to be rendered (${max}): ${JSON.stringify(spec.title)} refused`);
}
