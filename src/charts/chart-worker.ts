/**
 * The chart worker thread, started by chart-pool.ts through chart-worker-entry.mjs: renders
 * each request with the pure renderChart and posts the PNG back with its memory transferred
 * (no copy between threads), or the error's name and message.
 */
import { parentPort } from "node:worker_threads";
import type { ChartSpec } from "../answer/answer.js";
import { type RenderChartOptions, renderChart } from "./render-chart.js";

export interface RenderRequest {
  readonly id: number;
  readonly spec: ChartSpec;
  readonly options: RenderChartOptions;
}

export type RenderReply =
  | { readonly id: number; readonly ok: true; readonly png: ArrayBuffer }
  | {
      readonly id: number;
      readonly ok: false;
      readonly name: string;
      readonly message: string;
      readonly stack?: string;
    };

/** The PNG's own memory when it has it alone (as @napi-rs/canvas returns it), else a copy made here. */
function transferable(png: Buffer): ArrayBuffer {
  const { buffer } = png;
  if (buffer instanceof ArrayBuffer && png.byteOffset === 0 && png.byteLength === buffer.byteLength) {
    return buffer;
  }
  const copy = new Uint8Array(png.byteLength);
  copy.set(png);
  return copy.buffer;
}

const port = parentPort;
if (!port) throw new Error("chart-worker.ts runs in a worker thread started by chart-pool.ts");

port.on("message", (request: RenderRequest) => {
  let reply: RenderReply;
  try {
    const png = transferable(renderChart(request.spec, request.options));
    reply = { id: request.id, ok: true, png };
    port.postMessage(reply, [png]);
  } catch (error) {
    const { name, message, stack } =
      error instanceof Error ? error : { name: "Error", message: String(error), stack: undefined };
    reply = { id: request.id, ok: false, name, message, ...(stack ? { stack } : {}) };
    port.postMessage(reply);
  }
});
