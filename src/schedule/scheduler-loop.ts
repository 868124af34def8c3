/**
 * The server's scheduler: a tick at start (catch-up after downtime), then one at every
 * minute boundary, each with `at` = that boundary; the low-stock check on the ticks that
 * fall on its interval. Ticks never overlap: a tick that runs past the next boundary makes
 * the loop skip to the boundary after it (the skipped minute's slots are still inside the
 * catch-up window of the next tick, so nothing is lost).
 */
import type { Logger } from "../log.js";
import { MINUTE_MS } from "./zone-time.js";

export interface Timer {
  cancel(): void;
}

export interface SchedulerLoopOptions {
  readonly now: () => Date;
  readonly tick: (at: Date) => Promise<unknown>;
  /** The low-stock check; off when undefined. */
  readonly alertCheck?: (at: Date) => Promise<unknown>;
  readonly alertCheckMs: number;
  readonly log: Logger;
  /** Injected for tests; setTimeout by default. */
  readonly setTimer?: (run: () => void, delayMs: number) => Timer;
}

export interface SchedulerLoop {
  /** Stops scheduling and waits for a running tick to finish. */
  stop(): Promise<void>;
  /** Milliseconds since the loop last showed life: started, or finished a tick (readiness). */
  sinceLastTick(): number;
}

const defaultTimer = (run: () => void, delayMs: number): Timer => {
  const handle = setTimeout(run, delayMs);
  return { cancel: () => clearTimeout(handle) };
};

/** Whether a tick at `at` is one of the low-stock check times (every N minutes since the epoch). */
export function isAlertCheckDue(at: Date, alertCheckMs: number): boolean {
  const minute = Math.floor(at.getTime() / MINUTE_MS);
  return minute % Math.max(1, Math.round(alertCheckMs / MINUTE_MS)) === 0;
}

export function startSchedulerLoop(options: SchedulerLoopOptions): SchedulerLoop {
  const setTimer = options.setTimer ?? defaultTimer;
  let stopped = false;
  let timer: Timer | undefined;
  let running: Promise<void> = Promise.resolve();
  let lastTick = performance.now();

  const runOnce = async (at: Date, checkAlerts: boolean): Promise<void> => {
    try {
      await options.tick(at);
    } catch (error) {
      options.log.error({ err: error, at: at.toISOString() }, "scheduler tick failed");
    }
    lastTick = performance.now();
    if (!checkAlerts || !options.alertCheck) return;
    try {
      await options.alertCheck(at);
    } catch (error) {
      options.log.error({ err: error, at: at.toISOString() }, "low-stock check failed");
    }
    lastTick = performance.now();
  };

  const scheduleNext = (): void => {
    if (stopped) return;
    const now = options.now().getTime();
    const boundary = Math.floor(now / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
    timer = setTimer(() => {
      const at = new Date(boundary);
      running = runOnce(at, isAlertCheckDue(at, options.alertCheckMs)).then(scheduleNext);
    }, boundary - now);
  };

  running = runOnce(options.now(), true).then(scheduleNext);
  return {
    async stop() {
      stopped = true;
      timer?.cancel();
      await running;
    },
    sinceLastTick: () => performance.now() - lastTick,
  };
}
