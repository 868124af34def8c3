/**
 * The render context every chart builder receives, and the option blocks they share:
 * title and subtitle, legend, value axis and category axis, all in the theme.
 */
import type { ChartSpec, Unit } from "../answer/answer.js";
import { formatTick } from "../metrics/format.js";
import type { ChartData } from "./chart-data.js";
import {
  type ChartSizes,
  GRID_COLOUR,
  MUTED_TEXT_COLOUR,
  TEXT_COLOUR,
  ZERO_LINE_COLOUR,
} from "./chart-theme.js";
import { truncateLabel } from "./label-format.js";

export interface RenderContext {
  readonly spec: ChartSpec;
  readonly width: number;
  readonly height: number;
  readonly sizes: ChartSizes;
  /** The values' unit (the spec's; count when it has none). */
  readonly unit: Unit;
  readonly currency: string;
}

/** The title, and under it the spec's subtitle (period, filters) and the builder's note, joined. */
export function titlePlugins(rc: RenderContext, note?: string) {
  const { sizes } = rc;
  const parts = [rc.spec.subtitle, note].filter((p): p is string => p !== undefined && p.trim() !== "");
  const subtitle = parts.length > 0 ? parts.join(" · ") : undefined;
  const titleChars = Math.floor((rc.width - 2 * sizes.padding) / (sizes.title * 0.66));
  const subtitleChars = Math.floor((rc.width - 2 * sizes.padding) / (sizes.subtitle * 0.6));
  return {
    title: {
      display: rc.spec.title.trim() !== "",
      text: truncateLabel(rc.spec.title, titleChars),
      color: TEXT_COLOUR,
      font: { size: sizes.title, weight: "bold" as const },
      padding: { top: 0, bottom: Math.round(sizes.padding * 0.6) },
    },
    subtitle: {
      display: subtitle !== undefined,
      text: truncateLabel(subtitle ?? "", subtitleChars),
      color: MUTED_TEXT_COLOUR,
      font: { size: sizes.subtitle },
      padding: { top: 0, bottom: Math.round(sizes.padding * 0.8) },
    },
  };
}

export function legendPlugin(rc: RenderContext, display: boolean) {
  const { sizes } = rc;
  return {
    display,
    position: "top" as const,
    align: "end" as const,
    labels: {
      color: TEXT_COLOUR,
      font: { size: sizes.legend },
      boxWidth: sizes.legend,
      boxHeight: sizes.legend,
      padding: Math.round(sizes.legend * 1.1),
    },
  };
}

/** A linear value axis formatted by the chart's unit, with a darker zero line. */
export function valueAxis(rc: RenderContext, grace: string) {
  return {
    type: "linear" as const,
    beginAtZero: true,
    grace,
    border: { display: false },
    grid: {
      color: (context: { tick?: { value: number } }) =>
        context.tick?.value === 0 ? ZERO_LINE_COLOUR : GRID_COLOUR,
      lineWidth: Math.max(1, Math.round(rc.sizes.scale)),
    },
    ticks: {
      color: MUTED_TEXT_COLOUR,
      font: { size: rc.sizes.tick },
      padding: Math.round(rc.sizes.tick * 0.5),
      maxTicksLimit: 8,
      callback: (value: number | string) => formatTick(Number(value), rc.unit, rc.currency),
    },
  };
}

/** A category axis without grid lines; crowded labels are skipped, not overlapped. */
export function categoryAxis(rc: RenderContext, maxRotation: number) {
  return {
    type: "category" as const,
    grid: { display: false },
    border: { color: ZERO_LINE_COLOUR },
    ticks: {
      color: TEXT_COLOUR,
      font: { size: rc.sizes.tick },
      autoSkip: true,
      autoSkipPadding: Math.round(rc.sizes.tick * 1.2),
      maxRotation,
      minRotation: 0,
    },
  };
}

/** "14 of 200 shown · the other 186 summed as Other", or undefined when nothing was folded. */
export function foldNote(data: ChartData, summed: boolean): string | undefined {
  if (data.hidden === 0) return undefined;
  const shown = `${data.total - data.hidden} of ${data.total} shown`;
  return summed
    ? `${shown} · the other ${data.hidden} summed as Other`
    : `${shown} · ${data.hidden} more not listed`;
}

/** How many bars a horizontal chart shows before folding, from the image height. */
export function maxHorizontalBars(rc: RenderContext): number {
  return Math.max(5, Math.min(20, Math.floor(rc.height / 44)));
}
