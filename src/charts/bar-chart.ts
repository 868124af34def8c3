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
import { backgroundPlugin, referenceLinePlugin, valueLabelsPlugin } from "./chart-plugins.js";
import {
  coloursFor,
  LOSS_EDGE_COLOUR,
  LOSS_FILL_COLOUR,
  OTHER_COLOUR,
  singleSeriesColours,
} from "./chart-theme.js";
import { formatCategoryLabels } from "./label-format.js";
import { fitText } from "./text-fit.js";

export type BarConfig = ChartConfiguration<"bar", (number | null)[], string>;

/** Above this many bars, value labels are not even attempted. */
const MAX_VALUE_LABELS = 60;

export function barChartConfig(rc: RenderContext, horizontal: boolean): BarConfig | null {
  let data = alignData(rc.spec);
  if (!hasValues(data)) return null;
  const summed = isAdditive(rc.unit);
  if (horizontal) data = foldTail(data, maxHorizontalBars(rc), summed ? "sum" : "drop", "given");
  const labelWidth = horizontal ? rc.width * 0.3 : columnWidth(rc, data.labels.length);
  const multi = data.series.length > 1;
  const seriesColours = coloursFor(data.series.map((s) => s.name));
  const barColours = singleSeriesColours(data.labels);
  // Multiples (ROAS) have a break-even at 1×: a line there, and the bars below it marked as losses.
  const breakEven = rc.unit === "multiple";
  const loss = (v: number | null) => breakEven && v !== null && v < 1;
  const { sizes } = rc;
  const bars = data.labels.length * data.series.length;
  const grace = bars <= MAX_VALUE_LABELS ? (horizontal ? "18%" : "10%") : "2%";
  const categories = categoryAxis(rc, horizontal ? 0 : 45);
  const values = valueAxis(rc, grace);
  return {
    type: "bar",
    data: {
      labels: formatCategoryLabels(data.labels, (label) => fitText(label, labelWidth, sizes.tick)),
      datasets: data.series.map((s, i) => ({
        label: s.name,
        data: [...s.values],
        backgroundColor: s.values.map((v, j) =>
          loss(v) ? LOSS_FILL_COLOUR : ((multi ? seriesColours[i] : barColours[j]) ?? OTHER_COLOUR),
        ),
        borderColor: s.values.map((v) => (loss(v) ? LOSS_EDGE_COLOUR : "rgba(0,0,0,0)")),
        borderWidth: s.values.map((v) => (loss(v) ? Math.max(2, Math.round(2 * sizes.scale)) : 0)),
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
        ...(breakEven
          ? {
              kpiReferenceLine: {
                value: 1,
                label: "break-even 1×",
                colour: LOSS_EDGE_COLOUR,
                fontSize: sizes.valueLabel,
              },
            }
          : {}),
      },
    },
    plugins: [
      backgroundPlugin,
      ...(bars <= MAX_VALUE_LABELS ? [valueLabelsPlugin] : []),
      ...(breakEven ? [referenceLinePlugin] : []),
    ],
  };
}

/**
 * Pixels a label has under one column of a vertical bar chart (the value axis and padding
 * taken off); at least 12 ticks' worth, since crowded charts rotate their labels instead.
 */
function columnWidth(rc: RenderContext, columns: number): number {
  const column = (rc.width - 2 * rc.sizes.padding - 6 * rc.sizes.tick) / Math.max(1, columns);
  return Math.max(rc.sizes.tick * 7, column * 0.95);
}
