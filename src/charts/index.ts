/** Chart rendering: ChartSpec (src/answer) → PNG. See render-chart.ts, and chart-pool.ts for the bot. */

export { type ChartPoolOptions, createChartPool } from "./chart-pool.js";
export type { ChartRenderer } from "./chart-renderer.js";
export { PLATFORM_COLOURS, platformColour } from "./chart-theme.js";
export { NO_DATA_MESSAGE } from "./empty-chart.js";
export {
  DEFAULT_CHART_HEIGHT,
  DEFAULT_CHART_WIDTH,
  DEFAULT_CURRENCY,
  MAX_CHART_SIDE,
  MIN_CHART_SIDE,
  type RenderChartOptions,
  renderChart,
} from "./render-chart.js";
export { formatValue, type ValueStyle, valueStyleOf } from "./value-format.js";
