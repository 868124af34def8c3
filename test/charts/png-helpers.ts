/** PNG inspection for chart tests: header fields read from the bytes, pixels decoded with @napi-rs/canvas. */
import { createCanvas, loadImage } from "@napi-rs/canvas";

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which must be the first chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("not a PNG: bad signature");
  if (png.toString("latin1", 12, 16) !== "IHDR") throw new Error("not a PNG: first chunk is not IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export interface PixelStats {
  readonly distinctColours: number;
  /** Standard deviation of luminance over all pixels (0 for a blank image). */
  readonly luminanceStdDev: number;
  /** RGBA of the top-left pixel. */
  readonly corner: readonly number[];
}

export async function pixelStats(png: Buffer): Promise<PixelStats> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  const colours = new Set<number>();
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i] ?? 0;
    const g = data[i + 1] ?? 0;
    const b = data[i + 2] ?? 0;
    colours.add((r << 16) | (g << 8) | b);
    const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    sum += luminance;
    sumSquares += luminance * luminance;
  }
  const n = data.length / 4;
  const mean = sum / n;
  return {
    distinctColours: colours.size,
    luminanceStdDev: Math.sqrt(Math.max(0, sumSquares / n - mean * mean)),
    corner: [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0, data[3] ?? 0],
  };
}
