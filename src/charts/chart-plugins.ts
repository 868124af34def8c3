/**
 * Small inline Chart.js plugins shared by several kinds: an opaque white background and
 * formatted value labels at bar ends. Plugin objects are created once at module load and
 * passed per chart (never registered globally); their options are plain data.
 */
import type { Chart, ChartType, Plugin } from "chart.js";
import type { Unit } from "../answer/answer.js";
import { formatChartValue } from "../metrics/format.js";
import { NO_VALUE } from "../metrics/units.js";
import { BACKGROUND_COLOUR, FONT_FAMILY, TEXT_COLOUR } from "./chart-theme.js";

export interface ValueLabelOptions {
  readonly unit: Unit;
  readonly currency: string;
  readonly fontSize: number;
}

/** A dashed line across the plot at one value of the value axis, labelled at its end. */
export interface ReferenceLineOptions {
  readonly value: number;
  readonly label: string;
  readonly colour: string;
  readonly fontSize: number;
}

declare module "chart.js" {
  interface PluginOptionsByType<TType extends ChartType> {
    kpiValueLabels?: ValueLabelOptions;
    kpiReferenceLine?: ReferenceLineOptions;
  }
}

/** Draws `kpiReferenceLine` over the datasets (e.g. ROAS's break-even at 1×). */
export const referenceLinePlugin: Plugin = {
  id: "kpiReferenceLine",
  afterDatasetsDraw(chart) {
    const options = (chart.options.plugins as { kpiReferenceLine?: ReferenceLineOptions }).kpiReferenceLine;
    if (!options) return;
    const horizontal = chart.options.indexAxis === "y";
    const scale = horizontal ? chart.scales.x : chart.scales.y;
    if (!scale) return;
    const at = scale.getPixelForValue(options.value);
    const area = chart.chartArea;
    const { ctx } = chart;
    ctx.save();
    ctx.strokeStyle = options.colour;
    ctx.fillStyle = options.colour;
    ctx.lineWidth = Math.max(2, options.fontSize / 8);
    ctx.setLineDash([options.fontSize * 0.6, options.fontSize * 0.4]);
    ctx.beginPath();
    if (horizontal) {
      ctx.moveTo(at, area.top);
      ctx.lineTo(at, area.bottom);
    } else {
      ctx.moveTo(area.left, at);
      ctx.lineTo(area.right, at);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.font = `${options.fontSize}px ${FONT_FAMILY}`;
    if (horizontal) {
      ctx.textAlign = "left";
      ctx.textBaseline = "bottom";
      ctx.fillText(options.label, at + 4, area.bottom - 2);
    } else {
      ctx.textAlign = "right";
      ctx.textBaseline = "bottom";
      ctx.fillText(options.label, area.right, at - 3);
    }
    ctx.restore();
  },
};

/** Paints the whole canvas white before anything else, so PNGs are never transparent. */
export const backgroundPlugin: Plugin = {
  id: "kpiBackground",
  beforeDraw(chart) {
    paintBackground(chart.ctx, chart.width, chart.height);
  },
};

/** The part of a 2D context paintBackground needs (Chart.js's and @napi-rs/canvas's both fit). */
export interface PaintTarget {
  save(): void;
  restore(): void;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  fillRect(x: number, y: number, width: number, height: number): void;
  fillStyle: unknown;
  globalAlpha: number;
  globalCompositeOperation: string;
}

export function paintBackground(ctx: PaintTarget, width: number, height: number): void {
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.globalCompositeOperation = "source-over";
  ctx.fillStyle = BACKGROUND_COLOUR;
  ctx.fillRect(0, 0, width, height);
  ctx.restore();
}

interface LabelItem {
  readonly text: string;
  readonly negative: boolean;
  readonly x: number;
  readonly y: number;
  readonly thickness: number;
}

/**
 * Draws each bar's formatted value just beyond its end (below/left of it for negative
 * values) and "—" where a bar is missing, or each line point's value above it. Labels are
 * drawn for all bars or for none: when any label would not fit its slot, the chart keeps
 * only its axis. Charts that want labels list this plugin and set
 * options.plugins.kpiValueLabels.
 */
export const valueLabelsPlugin: Plugin<ChartType, ValueLabelOptions> = {
  id: "kpiValueLabels",
  afterDatasetsDraw(chart, _args, options) {
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === "y";
    ctx.save();
    ctx.font = `${options.fontSize}px ${FONT_FAMILY}`;
    const items = collectLabels(chart, options, horizontal);
    const gap = Math.max(3, Math.round(options.fontSize * 0.35));
    if (fits(chart, items, options.fontSize, horizontal)) {
      ctx.fillStyle = TEXT_COLOUR;
      for (const item of items) {
        if (horizontal) {
          ctx.textAlign = item.negative ? "right" : "left";
          ctx.textBaseline = "middle";
          ctx.fillText(item.text, item.x + (item.negative ? -gap : gap), item.y);
        } else {
          ctx.textAlign = "center";
          ctx.textBaseline = item.negative ? "top" : "bottom";
          ctx.fillText(item.text, item.x, item.y + (item.negative ? gap : -gap));
        }
      }
    }
    ctx.restore();
  },
};

function collectLabels(chart: Chart, options: ValueLabelOptions, horizontal: boolean): LabelItem[] {
  const items: LabelItem[] = [];
  chart.data.datasets.forEach((dataset, datasetIndex) => {
    const meta = chart.getDatasetMeta(datasetIndex);
    if (meta.hidden) return;
    meta.data.forEach((element, index) => {
      const value = dataset.data[index];
      const props = element.getProps(["x", "y", "base", "width", "height"], true);
      const thickness = horizontal ? props.height : props.width;
      if (typeof value !== "number") {
        // A missing bar gets a dash on the zero line, so a gap does not read as zero.
        if (meta.type !== "bar" || value !== null) return;
        const x = horizontal ? props.base : props.x;
        const y = horizontal ? props.y : props.base;
        if (Number.isFinite(x) && Number.isFinite(y))
          items.push({ text: NO_VALUE, negative: false, x, y, thickness });
        return;
      }
      items.push({
        text: formatChartValue(value, options.unit, options.currency),
        negative: value < 0,
        x: props.x,
        y: props.y,
        thickness,
      });
    });
  });
  return items;
}

function fits(chart: Chart, items: readonly LabelItem[], fontSize: number, horizontal: boolean): boolean {
  if (items.length === 0) return false;
  if (horizontal) return items.every((item) => item.thickness >= fontSize * 0.9);
  const categories = Math.max(1, chart.data.labels?.length ?? 1);
  const datasets = Math.max(1, chart.data.datasets.length);
  const slot = (chart.chartArea.width / categories / datasets) * 0.95;
  return items.every((item) => chart.ctx.measureText(item.text).width <= slot);
}
