/**
 * Draws what makes the funnel chart read as a funnel: a trapezoid connector between each
 * pair of stages with the conversion rate ("↓ 3.4%") on it, and each stage's count on its
 * bar (white inside the bar, or dark beside it when the bar is too narrow).
 */
import type { Chart, ChartType, Plugin } from "chart.js";
import type { Unit } from "../answer/answer.js";
import { formatChartValue, formatNumber } from "../metrics/format.js";
import { NO_VALUE } from "../metrics/units.js";
import { FONT_FAMILY, FUNNEL_CONNECTOR_COLOUR, TEXT_COLOUR } from "./chart-theme.js";

export interface FunnelOptions {
  readonly values: readonly (number | null)[];
  readonly unit: Unit;
  readonly currency: string;
  readonly fontSize: number;
}

declare module "chart.js" {
  interface PluginOptionsByType<TType extends ChartType> {
    kpiFunnel?: FunnelOptions;
  }
}

interface StageBox {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly y: number;
  readonly present: boolean;
}

function stageBoxes(chart: Chart<"bar">): StageBox[] {
  return chart.getDatasetMeta(0).data.map((element, i) => {
    const { x, y, base, height } = element.getProps(["x", "y", "base", "height"], true);
    const present = chart.data.datasets[0]?.data[i] != null;
    return {
      left: Math.min(x, base),
      right: Math.max(x, base),
      top: y - height / 2,
      bottom: y + height / 2,
      y,
      present,
    };
  });
}

export const funnelPlugin: Plugin<"bar", FunnelOptions> = {
  id: "kpiFunnel",
  beforeDatasetsDraw(chart) {
    const boxes = stageBoxes(chart);
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = FUNNEL_CONNECTOR_COLOUR;
    boxes.forEach((upper, i) => {
      const lower = boxes[i + 1];
      if (lower === undefined || !upper.present || !lower.present) return;
      ctx.beginPath();
      ctx.moveTo(upper.left, upper.bottom);
      ctx.lineTo(upper.right, upper.bottom);
      ctx.lineTo(lower.right, lower.top);
      ctx.lineTo(lower.left, lower.top);
      ctx.closePath();
      ctx.fill();
    });
    ctx.restore();
  },
  afterDatasetsDraw(chart, _args, options) {
    const boxes = stageBoxes(chart);
    const { ctx } = chart;
    const { fontSize, values } = options;
    const pad = Math.round(fontSize * 0.6);
    const centre = chart.chartArea.left + chart.chartArea.width / 2;
    ctx.save();
    ctx.textBaseline = "middle";
    boxes.forEach((box, i) => {
      const value = values[i] ?? null;
      ctx.font = `bold ${Math.round(fontSize * 1.1)}px ${FONT_FAMILY}`;
      const text = formatChartValue(value, options.unit, options.currency);
      const width = ctx.measureText(text).width;
      const barWidth = box.present ? box.right - box.left : 0;
      const inside = barWidth >= width + 2 * pad;
      const beside = !inside && barWidth > 0;
      ctx.fillStyle = inside ? "#ffffff" : TEXT_COLOUR;
      ctx.textAlign = beside ? "left" : "center";
      ctx.fillText(text, beside ? box.right + pad : centre, box.y);
      const lower = boxes[i + 1];
      const next = values[i + 1] ?? null;
      if (lower === undefined) return;
      ctx.font = `${fontSize}px ${FONT_FAMILY}`;
      ctx.fillStyle = TEXT_COLOUR;
      ctx.textAlign = "center";
      const rate =
        value !== null && next !== null && value > 0
          ? formatNumber(next / value, "percent", options)
          : NO_VALUE;
      ctx.fillText(`↓ ${rate}`, centre, (box.bottom + lower.top) / 2);
    });
    ctx.restore();
  },
};
