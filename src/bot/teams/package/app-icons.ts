/**
 * The Teams app icons, drawn rather than committed: a 192×192 full-colour icon (bar chart
 * on the accent colour) and the 32×32 outline icon Teams requires to be white on a
 * transparent background (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons).
 * Deterministic: the same bytes on every run.
 */
import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;
export const ACCENT_COLOR = "#2563EB";

/** Bar heights of the chart mark, as fractions of the drawing area. */
const BARS = [0.45, 0.7, 0.55, 0.95];

function drawBars(ctx: SKRSContext2D, x: number, y: number, size: number, colour: string): void {
  const gap = size / 10;
  const width = (size - gap * (BARS.length - 1)) / BARS.length;
  ctx.fillStyle = colour;
  BARS.forEach((height, i) => {
    const h = Math.round(size * height);
    ctx.fillRect(Math.round(x + i * (width + gap)), y + size - h, Math.round(width), h);
  });
}

export function colorIcon(): Buffer {
  const size = COLOR_ICON_SIZE;
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = ACCENT_COLOR;
  ctx.beginPath();
  ctx.roundRect(0, 0, size, size, 36);
  ctx.fill();
  drawBars(ctx, 44, 44, 104, "#ffffff");
  return canvas.toBuffer("image/png");
}

export function outlineIcon(): Buffer {
  const size = OUTLINE_ICON_SIZE;
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext("2d");
  ctx.clearRect(0, 0, size, size);
  drawBars(ctx, 4, 4, 24, "#ffffff");
  return canvas.toBuffer("image/png");
}
