/**
 * Admission control for chat requests: at most `maxActive` requests in progress in this
 * process and at most `maxWaiting` waiting for a turn, each for at most `maxWaitMs`. Beyond
 * that a request is shed at once, and the platform tells the asker within its ack that the
 * bot is busy. A request is also shed at once when, at the pace requests have been finishing,
 * its turn would come after half of `maxWaitMs`: better told now than after half a minute. So a burst costs bounded memory and bounded work, and every acknowledged
 * question is either answered or told it was shed. Closing (shutdown) sheds everything new,
 * and `idle()` waits for the work already admitted.
 */
import type { AdmissionLimits } from "../config-security.js";
import type { Logger } from "../log.js";

export const BUSY_TEXT = "I'm busy with other questions right now. Please try again in a minute.";
export const CLOSING_TEXT = "I'm restarting. Please ask again in a minute.";

export interface AdmissionStats {
  readonly active: number;
  readonly waiting: number;
  readonly admitted: number;
  /** Shed at once (full or closing) plus shed after waiting too long. */
  readonly shed: number;
}

/** One admitted request: run it (when its turn comes), or give its place back. */
export interface Ticket {
  /** Runs `work` in its turn; false, with `work` not run, when the wait ran past maxWaitMs. */
  run(work: () => Promise<void>): Promise<boolean>;
  /** Gives the place back without running (the ack failed). */
  cancel(): void;
}

export interface Admission {
  /** A place for one request, or undefined when full or closing: tell the asker `refusal()`. */
  enter(): Ticket | undefined;
  /** What to tell a request that was not admitted. */
  refusal(): string;
  stats(): AdmissionStats;
  readonly closing: boolean;
  /** Admits nothing more (shutdown). */
  close(): void;
  /** Resolves true once nothing is in progress or waiting, or false after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean>;
}

/** Logs sheds at most once per interval, with the count since the last line. */
const SHED_LOG_INTERVAL_MS = 10_000;
/** Completions the pace is measured over. */
const PACE_SAMPLES = 32;
/**
 * A request is admitted to wait only if, at the current pace, its turn comes within this share
 * of maxWaitMs: the pace slows under a burst, and a wait that runs out is the worst answer.
 */
const PACE_HEADROOM = 0.5;

/**
 * The pace at which requests finish, over the last few: the expected wait of the n-th in line.
 * A pace older than `staleMs` (a quiet spell) is unknown, not slow.
 */
function finishPace(monotonic: () => number, staleMs: number) {
  const finished: number[] = [];
  return {
    record() {
      finished.push(monotonic());
      if (finished.length > PACE_SAMPLES) finished.shift();
    },
    /** Milliseconds until `ahead` more requests finish, or 0 while the pace is unknown. */
    expectedWaitMs(ahead: number): number {
      const first = finished[0] as number;
      const last = finished[finished.length - 1] as number;
      if (finished.length < PACE_SAMPLES || monotonic() - last > staleMs) return 0;
      return (ahead * (last - first)) / (finished.length - 1);
    },
  };
}

export function createAdmission(
  limits: AdmissionLimits,
  log: Logger,
  monotonic: () => number = () => performance.now(),
): Admission {
  let active = 0;
  let admitted = 0;
  let shed = 0;
  let closing = false;
  /** Tickets entered but without a slot yet: their turn is granted in order. */
  const waiters: Array<{ grant(): void }> = [];
  let waiting = 0;
  let idleWaiters: Array<() => void> = [];
  let unlogged = 0;
  let loggedAt = Number.NEGATIVE_INFINITY;
  const pace = finishPace(monotonic, limits.maxWaitMs);

  const countShed = () => {
    shed += 1;
    unlogged += 1;
    const at = monotonic();
    if (at - loggedAt < SHED_LOG_INTERVAL_MS) return;
    log.warn({ shed: unlogged, active, waiting, closing }, "chat requests shed: the bot is busy");
    loggedAt = at;
    unlogged = 0;
  };

  const settle = () => {
    if (active === 0 && waiting === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  };

  const release = () => {
    pace.record();
    active -= 1;
    const next = waiters.shift();
    if (next) {
      active += 1;
      next.grant();
    }
    settle();
  };

  return {
    enter() {
      const full =
        active >= limits.maxActive &&
        (waiting >= limits.maxWaiting || pace.expectedWaitMs(waiting + 1) > PACE_HEADROOM * limits.maxWaitMs);
      if (closing || full) {
        countShed();
        return undefined;
      }
      admitted += 1;
      let held = active < limits.maxActive;
      if (held) active += 1;
      else waiting += 1;
      let used = false;
      return {
        async run(work) {
          if (used) throw new Error("a ticket runs once");
          used = true;
          if (!held && active < limits.maxActive) {
            // A place freed up between enter() and run() (the ack is awaited in between).
            waiting -= 1;
            active += 1;
            held = true;
          }
          if (!held) {
            const granted = await new Promise<boolean>((resolve) => {
              const waiter = {
                grant: () => {
                  clearTimeout(timer);
                  resolve(true);
                },
              };
              const timer = setTimeout(() => {
                waiters.splice(waiters.indexOf(waiter), 1);
                resolve(false);
              }, limits.maxWaitMs);
              waiters.push(waiter);
            });
            waiting -= 1;
            if (!granted) {
              countShed();
              settle();
              return false;
            }
            held = true;
          }
          try {
            await work();
          } finally {
            release();
          }
          return true;
        },
        cancel() {
          if (used) return;
          used = true;
          if (held) release();
          else {
            waiting -= 1;
            settle();
          }
        },
      };
    },
    refusal: () => (closing ? CLOSING_TEXT : BUSY_TEXT),
    stats: () => ({ active, waiting, admitted, shed }),
    get closing() {
      return closing;
    },
    close() {
      closing = true;
    },
    idle(timeoutMs) {
      if (active === 0 && waiting === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        idleWaiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}

/** How a platform acknowledges a request and tells its asker it was shed. */
export interface AdmissionSteps {
  /** The platform's plain acknowledgement (Slack's ack); nothing for a platform without one. */
  accept(): Promise<void>;
  /** Tells the asker `text`: instead of the plain acknowledgement (`acked` false), or after it. */
  refuse(text: string, acked: boolean): Promise<void>;
  /** The request's work, run in its turn. */
  work(): Promise<void>;
}

/** One chat request under admission control: acknowledged and run in its turn, or refused. */
export async function admit(admission: Admission, steps: AdmissionSteps): Promise<void> {
  const ticket = admission.enter();
  if (!ticket) {
    await steps.refuse(admission.refusal(), false);
    return;
  }
  try {
    await steps.accept();
  } catch (error) {
    ticket.cancel();
    throw error;
  }
  if (!(await ticket.run(steps.work))) await steps.refuse(admission.refusal(), true);
}
