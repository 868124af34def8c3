/**
 * Charts rendered off the main thread, so that rendering (~30 ms a chart) never delays an
 * ack or another answer: a small pool of worker threads, each running the pure renderChart
 * (chart-worker.ts) and handing the PNG back without a copy. Workers start on the first
 * render. A render waits in a bounded queue for a free worker; it is rejected, never left
 * hanging, when it times out (its worker is replaced), when its worker dies (replaced too)
 * or when the pool closes. A busy worker keeps the process alive; an idle one does not.
 */
import { Worker } from "node:worker_threads";
import type { ChartSpec } from "../answer/answer.js";
import type { RenderReply, RenderRequest } from "./chart-worker.js";
import { MAX_CHART_WORKERS } from "./chart-workers.js";
import type { RenderChartOptions } from "./render-chart.js";
import {
  CHART_RENDERER_CLOSED,
  type ChartRenderer,
  DEFAULT_MAX_QUEUED_RENDERS,
  tooManyCharts,
} from "./renderer.js";

/** A render (worker start-up included) that takes longer is abandoned and its worker replaced. */
export const DEFAULT_RENDER_TIMEOUT_MS = 15_000;

/**
 * A worker's young generation: V8's default lets each worker's heap grow to ~50 MB; 8 MB
 * keeps ~25 MB per worker off the process's RSS at no measurable cost per render.
 */
export const WORKER_YOUNG_GENERATION_MB = 8;
/**
 * A worker's old generation: a render's live data is a few MB, but without a cap V8 lets
 * garbage pile up to the process-wide default before collecting it. A worker that runs out is
 * replaced like one that crashed (its render is rejected).
 */
export const WORKER_OLD_GENERATION_MB = 48;

/**
 * The worker's module: the compiled one beside this module in a build (`npm run build`), else a
 * .mjs bootstrap that loads the TypeScript worker through tsx (see the file).
 */
const WORKER_ENTRY = import.meta.url.endsWith(".js")
  ? new URL("./chart-worker.js", import.meta.url)
  : new URL("./chart-worker-entry.mjs", import.meta.url);

export interface ChartPoolOptions {
  /** Worker threads, 1..MAX_CHART_WORKERS (CHART_WORKERS). */
  readonly size: number;
  readonly maxQueued?: number;
  readonly timeoutMs?: number;
  /** Sees each worker as it starts (tests stop one mid-render). */
  readonly onWorker?: (worker: Worker) => void;
  /**
   * Start every worker now instead of on the first render (a worker's start, which loads
   * Chart.js and the canvas library, takes ~250 ms: the server's first chart should not).
   */
  readonly eager?: boolean;
}

interface Job {
  readonly request: RenderRequest;
  readonly resolve: (png: Buffer) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
  /** The worker's uncaught error, reported with its exit. */
  failure: Error | undefined;
}

/** The worker's error as the same kind of error, with the worker's stack. */
function errorFrom(reply: Extract<RenderReply, { ok: false }>): Error {
  const error =
    reply.name === "RangeError"
      ? new RangeError(reply.message)
      : reply.name === "TypeError"
        ? new TypeError(reply.message)
        : new Error(reply.message);
  if (reply.stack) error.stack = reply.stack;
  return error;
}

export function createChartPool(options: ChartPoolOptions): ChartRenderer {
  const { size } = options;
  if (!Number.isInteger(size) || size < 1 || size > MAX_CHART_WORKERS) {
    throw new RangeError(`Chart workers must be an integer from 1 to ${MAX_CHART_WORKERS}, got ${size}`);
  }
  const maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED_RENDERS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closing: Promise<void> | undefined;

  const chartName = (job: Job) => `"${job.request.spec.title}"`;

  /** Ends the slot's job (if any) and returns it; the worker becomes idle. */
  function release(slot: Slot): Job | undefined {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    slot.worker.unref();
    return job;
  }

  function start(): Slot {
    const worker = new Worker(WORKER_ENTRY, {
      resourceLimits: {
        maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
        maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB,
      },
    });
    const slot: Slot = { worker, job: undefined, timer: undefined, failure: undefined };
    worker.on("message", (reply: RenderReply) => {
      if (slot.job?.request.id !== reply.id) return;
      const job = release(slot);
      if (reply.ok) job?.resolve(Buffer.from(reply.png));
      else job?.reject(errorFrom(reply));
      pump();
    });
    worker.on("messageerror", (error) => {
      release(slot)?.reject(error);
      pump();
    });
    worker.on("error", (error) => {
      slot.failure = error;
    });
    worker.on("exit", (code) => {
      if (!slots.delete(slot)) return; // retired on purpose (timeout, close)
      const job = release(slot);
      const why = slot.failure ? `: ${slot.failure.message}` : "";
      job?.reject(
        new Error(`The chart worker stopped (exit code ${code}${why}) while rendering ${chartName(job)}`, {
          cause: slot.failure,
        }),
      );
      pump();
    });
    slots.add(slot);
    options.onWorker?.(worker);
    return slot;
  }

  function timedOut(slot: Slot): void {
    slots.delete(slot);
    const job = release(slot);
    void slot.worker.terminate();
    if (job) {
      job.reject(
        new Error(
          `Chart ${chartName(job)} was not rendered within ${timeoutMs} ms; its worker was restarted`,
        ),
      );
    }
    pump();
  }

  function pump(): void {
    while (queue.length > 0 && !closing) {
      let slot: Slot | undefined;
      for (const candidate of slots) if (!candidate.job) slot = candidate;
      if (!slot && slots.size < size) slot = start();
      if (!slot) return;
      const job = queue.shift() as Job;
      const busy = slot;
      busy.job = job;
      busy.worker.ref();
      busy.timer = setTimeout(() => timedOut(busy), timeoutMs);
      busy.worker.postMessage(job.request);
    }
  }

  if (options.eager) {
    // Idle workers are unref'd: starting them early does not keep a process alive.
    while (slots.size < size) start().worker.unref();
  }

  return {
    render(spec: ChartSpec, renderOptions: RenderChartOptions = {}): Promise<Buffer> {
      if (closing) return Promise.reject(new Error(CHART_RENDERER_CLOSED));
      if (queue.length >= maxQueued) return Promise.reject(tooManyCharts(maxQueued, spec));
      return new Promise<Buffer>((resolve, reject) => {
        queue.push({ request: { id: nextId++, spec, options: renderOptions }, resolve, reject });
        pump();
      });
    },
    close(): Promise<void> {
      if (closing) return closing;
      const closed = new Error(CHART_RENDERER_CLOSED);
      for (const job of queue.splice(0)) job.reject(closed);
      const stopping = [...slots].map((slot) => {
        slots.delete(slot);
        release(slot)?.reject(closed);
        return slot.worker.terminate();
      });
      closing = Promise.all(stopping).then(() => undefined);
      return closing;
    },
  };
}
