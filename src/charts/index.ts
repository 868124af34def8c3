/** Chart rendering: ChartSpec (src/answer) → PNG. See render-chart.ts, and chart-pool.ts for the bot. */

export { type ChartPoolOptions, createChartPool } from "./chart-pool.js";
export { type ChartRenderer, createChartRenderer } from "./chart-renderer.js";
export { PLATFORM_COLOURS, platformColour } from "./chart-theme.js";
export { NO_DATA_MESSAGE } from "./empty-chart.js";
export { createInProcessChartRenderer } from "./in-process-renderer.js";
export {
  DEFAULT_CHART_HEIGHT,
  DEFAULT_CHART_WIDTH,
  DEFAULT_CURRENCY,
  MAX_CHART_SIDE,
  MIN_CHART_SIDE,
  type RenderChartOptions,
  renderChart,
  renderChartAsync,
} from "./render-chart.js";
