/**
 * Canvases reused across renders: a few idle ones kept per image size (sizes beyond
 * MAX_POOLED_SIZES dropped, least recently used first). A render checks a canvas out while it
 * draws and encodes and returns it afterwards, so two renders in flight never share one; each
 * render repaints the whole canvas. A canvas whose render failed is simply not returned.
 */
import { type Canvas, createCanvas } from "@napi-rs/canvas";

export const MAX_POOLED_SIZES = 4;
/** Idle canvases kept per size (more are created while more renders are in flight). */
export const MAX_IDLE_PER_SIZE = 4;

const idle = new Map<string, Canvas[]>();
const keyOf = (width: number, height: number) => `${width}x${height}`;

export function checkOutCanvas(width: number, height: number): Canvas {
  const key = keyOf(width, height);
  const free = idle.get(key) ?? [];
  idle.delete(key);
  idle.set(key, free); // most recently used size last
  for (const oldest of idle.keys()) {
    if (idle.size <= MAX_POOLED_SIZES) break;
    idle.delete(oldest);
  }
  return free.pop() ?? createCanvas(width, height);
}

/** Gives a canvas back after its render (drawn and encoded) finished successfully. */
export function returnCanvas(canvas: Canvas): void {
  const free = idle.get(keyOf(canvas.width, canvas.height));
  if (free && free.length < MAX_IDLE_PER_SIZE) free.push(canvas);
}
