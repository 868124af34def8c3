/**
 * Bar charts: vertical grouped bars (one dataset per series) and horizontal bars for ranked
 * lists. A horizontal chart with more entries than fit keeps the first ones in the order the
 * command ranked them; the rest is summed as "Other" for additive units (count, currency)
 * and dropped otherwise.
 */
import type { ChartConfiguration } from "chart.js";
import { alignData, foldTail, hasValues, isAdditive } from "./chart-data.js";
import {
  categoryAxis,
  foldNote,
  legendPlugin,
  maxHorizontalBars,
  type RenderContext,
  titlePlugins,
  valueAxis,
} from "./chart-options.js";
import { backgroundPlugin, valueLabelsPlugin } from "./chart-plugins.js";
import { coloursFor, singleSeriesColours } from "./chart-theme.js";
import { formatCategoryLabels } from "./label-format.js";

export type BarConfig = ChartConfiguration<"bar", (number | null)[], string>;

/** Above this many bars, value labels are not even attempted. */
const MAX_VALUE_LABELS = 60;

export function barChartConfig(rc: RenderContext, horizontal: boolean): BarConfig | null {
  let data = alignData(rc.spec);
  if (!hasValues(data)) return null;
  const summed = isAdditive(rc.unit);
  if (horizontal) data = foldTail(data, maxHorizontalBars(rc), summed ? "sum" : "drop", "given");
  const labelChars = horizontal
    ? Math.round(30 * Math.max(0.7, rc.width / 1200))
    : columnChars(rc, data.labels.length);
  const multi = data.series.length > 1;
  const seriesColours = coloursFor(data.series.map((s) => s.name));
  const barColours = singleSeriesColours(data.labels);
  const { sizes } = rc;
  const bars = data.labels.length * data.series.length;
  const grace = bars <= MAX_VALUE_LABELS ? (horizontal ? "18%" : "10%") : "2%";
  const categories = categoryAxis(rc, horizontal ? 0 : 45);
  const values = valueAxis(rc, grace);
  return {
    type: "bar",
    data: {
      labels: formatCategoryLabels(data.labels, labelChars),
      datasets: data.series.map((s, i) => ({
        label: s.name,
        data: [...s.values],
        backgroundColor: multi ? seriesColours[i] : barColours,
        borderRadius: Math.round(4 * sizes.scale),
        maxBarThickness: Math.round((horizontal ? 48 : 110) * sizes.scale),
        categoryPercentage: 0.8,
        barPercentage: multi ? 0.92 : 0.85,
      })),
    },
    options: {
      indexAxis: horizontal ? "y" : "x",
      layout: { padding: sizes.padding },
      scales: horizontal
        ? { y: { ...categories, ticks: { ...categories.ticks, autoSkip: false } }, x: values }
        : { x: categories, y: values },
      plugins: {
        ...titlePlugins(rc, horizontal ? foldNote(data, summed) : undefined),
        legend: legendPlugin(rc, multi),
        kpiValueLabels: { unit: rc.unit, currency: rc.currency, fontSize: sizes.valueLabel },
      },
    },
    plugins: bars <= MAX_VALUE_LABELS ? [backgroundPlugin, valueLabelsPlugin] : [backgroundPlugin],
  };
}

/** Characters that fit under one column of a vertical bar chart (crowded charts rotate instead). */
function columnChars(rc: RenderContext, columns: number): number {
  const column = (rc.width - 2 * rc.sizes.padding - 6 * rc.sizes.tick) / Math.max(1, columns);
  return Math.max(12, Math.min(40, Math.floor(column / (rc.sizes.tick * 0.62))));
}
