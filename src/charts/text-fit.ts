/**
 * Labels cut by the width they take in the chart's font, not by a guessed character count:
 * "Microsoft Advertising" stays whole under a column it fits in, and only a label wider than
 * its room ends in "…". Measured on a 1×1 canvas in the bundled font (setupCharts registers it).
 */
import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import { FONT_FAMILY } from "./chart-theme.js";

let context: SKRSContext2D | undefined;

function measure(text: string, fontPx: number): number {
  context ??= createCanvas(1, 1).getContext("2d");
  context.font = `${fontPx}px ${FONT_FAMILY}`;
  return context.measureText(text).width;
}

/** `text` (whitespace collapsed) if it fits in `widthPx` at `fontPx`, else its longest start that fits, with "…". */
export function fitText(text: string, widthPx: number, fontPx: number): string {
  const whole = text.replace(/\s+/g, " ").trim();
  if (measure(whole, fontPx) <= widthPx) return whole;
  const chars = Array.from(whole);
  let lo = 1;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join("").trimEnd()}…`, fontPx) <= widthPx) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join("").trimEnd()}…`;
}
