/**
 * Line charts for time series: ISO-date labels shown as "Nov 1", one line per series,
 * nulls drawn as gaps (never as zero), crowded tick labels thinned automatically.
 */
import type { ChartConfiguration } from "chart.js";
import { alignData, hasValues } from "./chart-data.js";
import { categoryAxis, legendPlugin, type RenderContext, titlePlugins, valueAxis } from "./chart-options.js";
import { backgroundPlugin, valueLabelsPlugin } from "./chart-plugins.js";
import { coloursFor } from "./chart-theme.js";
import { formatCategoryLabels } from "./label-format.js";

export type LineConfig = ChartConfiguration<"line", (number | null)[], string>;

/** Up to this many points, a single series gets value labels. */
const MAX_LABELLED_POINTS = 14;
/** Up to this many points, every point gets a marker; beyond, only points with no neighbour do. */
const MAX_MARKED_POINTS = 45;

export function lineChartConfig(rc: RenderContext): LineConfig | null {
  const data = alignData(rc.spec);
  if (!hasValues(data)) return null;
  const { sizes } = rc;
  const points = data.labels.length;
  const colours = coloursFor(data.series.map((s) => s.name));
  const multi = data.series.length > 1;
  const radius = (points === 1 ? 7 : 3.5) * Math.max(0.7, sizes.scale);
  const labelled = !multi && points <= MAX_LABELLED_POINTS;
  const x = categoryAxis(rc, 0);
  const right = rightAxisSeries(data.series);
  return {
    type: "line",
    data: {
      labels: formatCategoryLabels(data.labels, 16),
      datasets: data.series.map((s, i) => ({
        label: right.has(i) ? `${s.name} (right axis)` : s.name,
        data: [...s.values],
        yAxisID: right.has(i) ? "y1" : "y",
        borderColor: colours[i],
        backgroundColor: colours[i],
        borderWidth: Math.max(2, Math.round(3 * sizes.scale)),
        pointRadius: s.values.map((_, j) =>
          points <= MAX_MARKED_POINTS || isolated(s.values, j) ? radius : 0,
        ),
        pointHoverRadius: 0,
        spanGaps: false,
        tension: 0,
      })),
    },
    options: {
      layout: { padding: sidePadding(sizes.padding, Math.round(sizes.tick * 0.6)) },
      scales: {
        x: {
          ...x,
          offset: labelled,
          ticks: { ...x.ticks, maxTicksLimit: Math.max(4, Math.floor(rc.width / 110)) },
        },
        y: valueAxis(rc, labelled ? "12%" : "5%"),
        ...(right.size > 0 ? { y1: rightAxis(rc, colours[[...right][0] ?? 0]) } : {}),
      },
      plugins: {
        ...titlePlugins(rc),
        legend: legendPlugin(rc, multi),
        kpiValueLabels: { unit: rc.unit, currency: rc.currency, fontSize: sizes.valueLabel },
      },
    },
    plugins: labelled ? [backgroundPlugin, valueLabelsPlugin] : [backgroundPlugin],
  };
}

/** Magnitudes more than this many times apart do not share an axis. */
const SHARED_AXIS_RATIO = 10;

/**
 * The series drawn on a right-hand axis: those whose largest value is under a tenth of the
 * largest series' (new users under active users), so they are not flattened against zero.
 */
function rightAxisSeries(series: readonly { readonly values: readonly (number | null)[] }[]): Set<number> {
  const peaks = series.map((s) => Math.max(0, ...s.values.map((v) => Math.abs(v ?? 0))));
  const top = Math.max(0, ...peaks);
  const right = new Set<number>();
  peaks.forEach((peak, i) => {
    if (peak > 0 && peak * SHARED_AXIS_RATIO < top) right.add(i);
  });
  return right;
}

/** The right-hand value axis: no grid of its own, ticks in its series' colour. */
function rightAxis(rc: RenderContext, colour: string | undefined) {
  const axis = valueAxis(rc, "5%");
  return {
    ...axis,
    position: "right" as const,
    grid: { display: false },
    ticks: { ...axis.ticks, ...(colour ? { color: colour } : {}) },
  };
}

/** Extra room left and right (equal, so the title stays centred) for the first and last tick labels. */
function sidePadding(padding: number, extra: number) {
  return { top: padding, bottom: padding, left: padding + extra, right: padding + extra };
}

/** A value whose neighbours are both missing draws no line segment; it needs a marker to show. */
function isolated(values: readonly (number | null)[], index: number): boolean {
  return (
    values[index] !== null && (values[index - 1] ?? null) === null && (values[index + 1] ?? null) === null
  );
}
