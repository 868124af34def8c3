/**
 * Canvases reused across renders, one per image size (least recently used size dropped
 * beyond MAX_POOLED_SIZES). Rendering is synchronous, so a canvas is never shared by two
 * renders at once; each render repaints the whole canvas.
 */
import { type Canvas, createCanvas } from "@napi-rs/canvas";

export const MAX_POOLED_SIZES = 4;

const pool = new Map<string, Canvas>();

export function canvasFor(width: number, height: number): Canvas {
  const key = `${width}x${height}`;
  const pooled = pool.get(key);
  pool.delete(key);
  const canvas = pooled ?? createCanvas(width, height);
  pool.set(key, canvas);
  for (const oldest of pool.keys()) {
    if (pool.size <= MAX_POOLED_SIZES) break;
    pool.delete(oldest);
  }
  return canvas;
}

/** Forgets a canvas (after a failed render left it in an unknown state). */
export function discardCanvas(width: number, height: number): void {
  pool.delete(`${width}x${height}`);
}
