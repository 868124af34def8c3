/**
 * Doughnut charts for shares: the first series only, positive values only (a share cannot
 * be negative or missing), largest first, at most MAX_SLICES slices with the rest summed as
 * "Other". The legend on the right carries each slice's percentage; the total sits in the hole.
 */
import type { ChartConfiguration, ChartType, LegendItem, Plugin } from "chart.js";
import type { Unit } from "../answer/answer.js";
import { formatChartValue, formatNumber } from "../metrics/format.js";
import { alignData, foldTail, isAdditive } from "./chart-data.js";
import { foldNote, type RenderContext, titlePlugins } from "./chart-options.js";
import { backgroundPlugin } from "./chart-plugins.js";
import { BACKGROUND_COLOUR, coloursFor, FONT_FAMILY, MUTED_TEXT_COLOUR, TEXT_COLOUR } from "./chart-theme.js";
import { truncateLabel } from "./label-format.js";

export type DoughnutConfig = ChartConfiguration<"doughnut", number[], string>;

export const MAX_SLICES = 8;

interface CentreOptions {
  readonly total: string;
  readonly caption: string;
  readonly fontSize: number;
}

declare module "chart.js" {
  interface PluginOptionsByType<TType extends ChartType> {
    kpiDoughnutCentre?: CentreOptions;
  }
}

export function doughnutChartConfig(rc: RenderContext): DoughnutConfig | null {
  const aligned = alignData(rc.spec);
  const first = aligned.series[0];
  if (first === undefined) return null;
  const positive = aligned.labels
    .map((label, i) => ({ label, value: first.values[i] ?? null }))
    .filter((entry): entry is { label: string; value: number } => entry.value !== null && entry.value > 0);
  if (positive.length === 0) return null;
  const data = foldTail(
    {
      labels: positive.map((e) => e.label),
      series: [{ name: first.name, values: positive.map((e) => e.value) }],
      hidden: 0,
      total: positive.length,
    },
    MAX_SLICES,
    "sum",
    "largest",
  );
  const values = (data.series[0]?.values ?? []).map((v) => v ?? 0);
  const total = values.reduce((sum, v) => sum + v, 0);
  const { sizes } = rc;
  const labelChars = Math.round(22 * Math.max(0.7, rc.width / 1200));
  const legendText = data.labels.map((label, i) => {
    const value = values[i] ?? 0;
    const formatted = formatChartValue(value, rc.unit, rc.currency);
    return `${truncateLabel(label, labelChars)}  ${formatNumber(value / total, "percent", rc)} · ${formatted}`;
  });
  const colours = coloursFor(data.labels);
  return {
    type: "doughnut",
    data: {
      labels: [...data.labels],
      datasets: [
        {
          label: first.name,
          data: values,
          backgroundColor: colours,
          borderColor: BACKGROUND_COLOUR,
          borderWidth: Math.max(1, Math.round(3 * sizes.scale)),
        },
      ],
    },
    options: {
      cutout: "58%",
      layout: { padding: sizes.padding },
      plugins: {
        ...titlePlugins(rc, foldNote(data, true)),
        legend: {
          display: true,
          position: "right",
          labels: {
            color: TEXT_COLOUR,
            font: { size: sizes.legend },
            boxWidth: sizes.legend,
            boxHeight: sizes.legend,
            padding: Math.round(sizes.legend * 0.9),
            generateLabels: (): LegendItem[] =>
              legendText.map((text, index) => ({
                text,
                index,
                fillStyle: colours[index] ?? TEXT_COLOUR,
                strokeStyle: colours[index] ?? TEXT_COLOUR,
                lineWidth: 0,
                hidden: false,
                fontColor: TEXT_COLOUR,
              })),
          },
        },
        kpiDoughnutCentre: centreOptions(rc.unit, rc.currency, total, sizes.title),
      },
    },
    plugins: [backgroundPlugin, doughnutCentrePlugin],
  };
}

function centreOptions(unit: Unit, currency: string, total: number, fontSize: number): CentreOptions {
  return {
    total: isAdditive(unit) ? formatChartValue(total, unit, currency) : "",
    caption: "total",
    fontSize,
  };
}

/** Writes the total in the doughnut's hole (only for additive units, where a total means something). */
export const doughnutCentrePlugin: Plugin<"doughnut", CentreOptions> = {
  id: "kpiDoughnutCentre",
  afterDatasetsDraw(chart, _args, options) {
    const arc = chart.getDatasetMeta(0).data[0];
    if (options.total === "" || arc === undefined) return;
    const { x, y, innerRadius } = arc.getProps(["x", "y", "innerRadius"], true);
    const { ctx } = chart;
    const size = Math.min(options.fontSize * 1.3, innerRadius * 0.5);
    ctx.save();
    ctx.textAlign = "center";
    ctx.textBaseline = "alphabetic";
    ctx.fillStyle = TEXT_COLOUR;
    ctx.font = `bold ${Math.round(size)}px ${FONT_FAMILY}`;
    ctx.fillText(options.total, x, y + size * 0.25);
    ctx.fillStyle = MUTED_TEXT_COLOUR;
    ctx.font = `${Math.round(size * 0.5)}px ${FONT_FAMILY}`;
    ctx.fillText(options.caption, x, y + size * 0.95);
    ctx.restore();
  },
};
