/**
 * Waterfall charts (what moved a KPI): the first bar is the previous total, each middle bar
 * floats from the running total by one member's contribution (green up, red down), and the
 * last bar is the new total. Totals stand on the axis; when every running total is far from
 * zero (a ROAS of 3.4× moving by 0.2×) the axis starts just below the lowest one instead of
 * at zero, said in the subtitle, so the steps are visible. Each bar carries its value:
 * totals as they read, steps signed ("+€1.2k", "−0.31×").
 */
import type { ChartConfiguration, ChartType, Plugin } from "chart.js";
import { formatChartValue } from "../metrics/format.js";
import { alignData } from "./chart-data.js";
import { categoryAxis, type RenderContext, titlePlugins, valueAxis } from "./chart-options.js";
import { backgroundPlugin } from "./chart-plugins.js";
import { FONT_FAMILY, TEXT_COLOUR, ZERO_LINE_COLOUR } from "./chart-theme.js";
import { formatCategoryLabels } from "./label-format.js";
import { fitText } from "./text-fit.js";

export type WaterfallConfig = ChartConfiguration<"bar", [number, number][], string>;

export const TOTAL_COLOUR = "#2563eb";
export const UP_COLOUR = "#16a34a";
export const DOWN_COLOUR = "#dc2626";

/** Floating bars [from, to] for each value: totals from `base`, steps from the running total. */
export function waterfallBars(values: readonly number[], base: number): [number, number][] {
  const last = values.length - 1;
  let running = values[0] ?? 0;
  return values.map((value, i) => {
    if (i === 0 || i === last) return [base, value];
    const from = running;
    running += value;
    return [from, running];
  });
}

/** Where totals stand: 0, or just below the lowest running total when all of them lie far above zero (or below it). */
export function waterfallBase(values: readonly number[]): number {
  const levels = waterfallBars(values, 0).flatMap(([a, b], i) =>
    i === 0 || i === values.length - 1 ? [b] : [a, b],
  );
  const [low, high] = [Math.min(...levels), Math.max(...levels)];
  const span = high - low;
  if (low > 0 && span < low * 0.5) return nice(low - Math.max(span * 0.6, low * 0.05), Math.floor);
  if (high < 0 && span < -high * 0.5) return nice(high + Math.max(span * 0.6, -high * 0.05), Math.ceil);
  return 0;
}

/** A round axis start near `value` (2.98 → 2.9, 118,300 → 110,000). */
function nice(value: number, round: (x: number) => number): number {
  const step = 10 ** Math.floor(Math.log10(Math.abs(value) / 10));
  return Number((round(value / step) * step).toPrecision(12));
}

interface WaterfallLabels {
  readonly texts: readonly string[];
  readonly fontSize: number;
}

/** Each bar's value above it (below a falling step). */
const waterfallLabelsPlugin: Plugin<"bar", WaterfallLabels> = {
  id: "kpiWaterfallLabels",
  afterDatasetsDraw(chart, _args, options) {
    const { ctx } = chart;
    const meta = chart.getDatasetMeta(0);
    const data = chart.data.datasets[0]?.data as [number, number][] | undefined;
    ctx.save();
    ctx.font = `${options.fontSize}px ${FONT_FAMILY}`;
    ctx.fillStyle = TEXT_COLOUR;
    ctx.textAlign = "center";
    const gap = Math.max(3, Math.round(options.fontSize * 0.35));
    meta.data.forEach((element, i) => {
      const bar = data?.[i];
      const text = options.texts[i];
      if (!bar || !text) return;
      const { x, y, base } = element.getProps(["x", "y", "base"], true) as {
        x: number;
        y: number;
        base: number;
      };
      const down = bar[1] < bar[0];
      ctx.textBaseline = down ? "top" : "bottom";
      ctx.fillText(text, x, down ? Math.max(y, base) + gap : Math.min(y, base) - gap);
    });
    ctx.restore();
  },
};

declare module "chart.js" {
  interface PluginOptionsByType<TType extends ChartType> {
    kpiWaterfallLabels?: WaterfallLabels;
  }
}

export function waterfallChartConfig(rc: RenderContext): WaterfallConfig | null {
  const data = alignData(rc.spec);
  const raw = data.series[0]?.values ?? [];
  if (raw.length < 2 || raw.some((v) => v === null)) return null;
  const values = raw as number[];
  const base = waterfallBase(values);
  const bars = waterfallBars(values, base);
  const last = values.length - 1;
  const colours = values.map((v, i) =>
    i === 0 || i === last ? TOTAL_COLOUR : v >= 0 ? UP_COLOUR : DOWN_COLOUR,
  );
  const texts = values.map((v, i) => {
    const text = formatChartValue(v, rc.unit, rc.currency);
    return i === 0 || i === last || v < 0 ? text : `+${text}`;
  });
  const { sizes } = rc;
  const axis = valueAxis(rc, "12%");
  const subtitle = base === 0 ? undefined : `Axis starts at ${formatChartValue(base, rc.unit, rc.currency)}`;
  const columns = (rc.width - 2 * sizes.padding) / Math.max(1, values.length);
  return {
    type: "bar",
    data: {
      labels: formatCategoryLabels(data.labels, (label) => fitText(label, columns * 0.92, sizes.tick)),
      datasets: [
        {
          label: data.series[0]?.name ?? "",
          data: bars,
          backgroundColor: colours,
          borderColor: ZERO_LINE_COLOUR,
          borderWidth: 0,
          borderSkipped: false,
          borderRadius: Math.round(3 * sizes.scale),
          maxBarThickness: Math.round(110 * sizes.scale),
          categoryPercentage: 0.8,
          barPercentage: 0.85,
        },
      ],
    },
    options: {
      layout: { padding: sizes.padding },
      scales: {
        x: { ...categoryAxis(rc, 30), ticks: { ...categoryAxis(rc, 30).ticks, autoSkip: false } },
        y: { ...axis, beginAtZero: base === 0, ...(base === 0 ? {} : { min: base }) },
      },
      plugins: {
        ...titlePlugins(rc, subtitle),
        legend: { display: false },
        kpiWaterfallLabels: { texts, fontSize: sizes.valueLabel },
      },
    },
    plugins: [backgroundPlugin, waterfallLabelsPlugin as Plugin<"bar">],
  };
}
