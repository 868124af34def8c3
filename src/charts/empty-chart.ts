/**
 * The image shown when a chart has nothing to draw (no labels, no series, only nulls):
 * the chart title and a centred "No data for this period", in the theme, never an error.
 */
import type { Canvas } from "@napi-rs/canvas";
import type { RenderContext } from "./chart-options.js";
import { paintBackground } from "./chart-plugins.js";
import { FONT_FAMILY, GRID_COLOUR, MUTED_TEXT_COLOUR, TEXT_COLOUR } from "./chart-theme.js";
import { truncateLabel } from "./label-format.js";

export const NO_DATA_MESSAGE = "No data for this period";

export function drawEmptyChart(canvas: Canvas, rc: RenderContext): void {
  const { width, height, sizes } = rc;
  const ctx = canvas.getContext("2d");
  paintBackground(ctx, width, height);
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  ctx.fillStyle = TEXT_COLOUR;
  ctx.font = `bold ${sizes.title}px ${FONT_FAMILY}`;
  const titleChars = Math.floor((width - 2 * sizes.padding) / (sizes.title * 0.66));
  ctx.fillText(truncateLabel(rc.spec.title, titleChars), width / 2, sizes.padding);
  const top = sizes.padding * 2 + sizes.title * 1.6;
  const bottom = height - sizes.padding;
  ctx.strokeStyle = GRID_COLOUR;
  ctx.lineWidth = Math.max(1, Math.round(2 * sizes.scale));
  ctx.setLineDash([8 * sizes.scale, 6 * sizes.scale]);
  ctx.strokeRect(sizes.padding, top, width - 2 * sizes.padding, bottom - top);
  ctx.setLineDash([]);
  ctx.textBaseline = "middle";
  ctx.fillStyle = MUTED_TEXT_COLOUR;
  ctx.font = `${Math.round(sizes.subtitle * 1.4)}px ${FONT_FAMILY}`;
  ctx.fillText(NO_DATA_MESSAGE, width / 2, (top + bottom) / 2);
  ctx.restore();
}
