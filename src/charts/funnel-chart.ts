/**
 * Funnel charts (impressions → clicks → leads → conversions): one centred horizontal bar per
 * stage, joined by light connectors that carry the stage-to-stage conversion rate. Stage
 * counts span orders of magnitude, so bar widths follow log10(1 + count) relative to the
 * largest stage (said in the subtitle); the exact counts are printed on the bars.
 */
import type { ChartConfiguration } from "chart.js";
import { formatNumber } from "../metrics/format.js";
import { alignData } from "./chart-data.js";
import { type RenderContext, titlePlugins } from "./chart-options.js";
import { backgroundPlugin } from "./chart-plugins.js";
import { FUNNEL_PALETTE, TEXT_COLOUR } from "./chart-theme.js";
import { funnelPlugin } from "./funnel-plugin.js";
import { truncateLabel } from "./label-format.js";

export type FunnelConfig = ChartConfiguration<"bar", ([number, number] | null)[], string>;

/** Stages beyond this many (in the given order) are left out, with a note. */
export const MAX_FUNNEL_STAGES = 8;

/** Narrowest bar for a stage with a positive count, as a fraction of the widest. */
export const MIN_STAGE_WIDTH = 0.04;

/** Bar width per stage in [0, 1]: log-scaled, 1 for the largest stage, 0 for zero, null stays null. */
export function funnelWidths(values: readonly (number | null)[]): (number | null)[] {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  const top = Math.log1p(max);
  return values.map((v) => {
    if (v === null) return null;
    if (v <= 0 || top === 0) return 0;
    return MIN_STAGE_WIDTH + (1 - MIN_STAGE_WIDTH) * (Math.log1p(v) / top);
  });
}

export function funnelChartConfig(rc: RenderContext): FunnelConfig | null {
  const aligned = alignData(rc.spec);
  const data = { ...aligned, labels: aligned.labels.slice(0, MAX_FUNNEL_STAGES) };
  const values = (aligned.series[0]?.values ?? []).slice(0, MAX_FUNNEL_STAGES);
  // A funnel with nothing in any stage (no impressions at all) is "no data", not empty boxes.
  if (!values.some((v) => v !== null && v > 0)) return null;
  const widths = funnelWidths(values);
  const { sizes } = rc;
  const labelChars = Math.round(20 * Math.max(0.7, rc.width / 1200));
  return {
    type: "bar",
    data: {
      labels: data.labels.map((label) => truncateLabel(label, labelChars)),
      datasets: [
        {
          label: data.series[0]?.name ?? "",
          data: widths.map((w) => (w === null ? null : [-w / 2, w / 2])),
          backgroundColor: data.labels.map(
            (_, i) => FUNNEL_PALETTE[i % FUNNEL_PALETTE.length] ?? TEXT_COLOUR,
          ),
          borderRadius: Math.round(4 * sizes.scale),
          borderSkipped: false,
          categoryPercentage: 1,
          barPercentage: 0.6,
        },
      ],
    },
    options: {
      indexAxis: "y",
      layout: { padding: sizes.padding },
      scales: {
        x: { type: "linear", display: false, min: -0.5, max: 0.5 },
        y: {
          type: "category",
          grid: { display: false },
          border: { display: false },
          ticks: { color: TEXT_COLOUR, font: { size: sizes.tick + 1, weight: "bold" }, autoSkip: false },
        },
      },
      plugins: {
        ...titlePlugins(rc, funnelSubtitle(data.labels, values, aligned.total)),
        legend: { display: false },
        kpiFunnel: {
          values: [...values],
          unit: rc.unit,
          currency: rc.currency,
          fontSize: sizes.valueLabel,
        },
      },
    },
    plugins: [backgroundPlugin, funnelPlugin],
  };
}

function funnelSubtitle(
  labels: readonly string[],
  values: readonly (number | null)[],
  total: number,
): string {
  const notes = ["bar widths on a log scale"];
  if (total > labels.length) notes.push(`first ${labels.length} of ${total} stages`);
  const first = values[0] ?? null;
  const last = values[values.length - 1] ?? null;
  if (values.length >= 2 && first !== null && last !== null && first > 0) {
    notes.unshift(
      `${labels[0]} → ${labels[labels.length - 1]}: ${formatNumber(last / first, "percent", { currency: "" })} overall`,
    );
  }
  return notes.join(" · ");
}
