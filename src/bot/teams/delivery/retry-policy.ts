/**
 * Retrying the Bot Connector: 429 (throttled), 412 (precondition failed, a concurrent edit),
 * 502 and 504 are retried with exponential backoff and full jitter, a bounded number of
 * times, honouring Retry-After when the service sends one
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit).
 */

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 504]);

export interface RetryOptions {
  /** Attempts in all, the first included; default 4. */
  readonly maxAttempts?: number;
  /** Backoff base; attempt n waits a random time up to base × 2^(n−1); default 500 ms. */
  readonly baseDelayMs?: number;
  /** Cap of one backoff, and the longest Retry-After we are willing to wait; default 10 s. */
  readonly maxDelayMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 10_000 };

export interface RetryClock {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1), for jitter. */
  readonly random: () => number;
}

/** The HTTP status of a failed connector call (the SDK's HttpError has `status`). */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown; response?: { status?: unknown } } | null)?.status;
  if (typeof status === "number") return status;
  const nested = (error as { response?: { status?: unknown } } | null)?.response?.status;
  return typeof nested === "number" ? nested : undefined;
}

/** Retry-After of a failed call in ms (seconds or an HTTP date), or undefined. */
export function retryAfterMs(error: unknown, now: number): number | undefined {
  const headers = (error as { response?: { headers?: unknown } } | null)?.response?.headers;
  const value = headers instanceof Headers ? headers.get("retry-after") : undefined;
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full-jitter exponential backoff for the given (1-based) failed attempt. */
export function backoffMs(attempt: number, options: Required<RetryOptions>, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

/**
 * Runs `call` until it succeeds, fails with a status we do not retry, runs out of attempts,
 * or is told to wait longer than maxDelayMs. `beforeAttempt` runs before every attempt (pacing).
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  options: RetryOptions,
  clock: RetryClock,
  beforeAttempt: () => Promise<void> = async () => undefined,
): Promise<T> {
  const settings = { ...DEFAULT_RETRY, ...options };
  for (let attempt = 1; ; attempt++) {
    await beforeAttempt();
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      if (status === undefined || !RETRYABLE_STATUSES.has(status) || attempt >= settings.maxAttempts) {
        throw error;
      }
      const told = retryAfterMs(error, clock.now());
      if (told !== undefined && told > settings.maxDelayMs) throw error;
      // Retry-After is a floor; a little jitter on top keeps replicas from retrying in step.
      const wait =
        told !== undefined
          ? told + Math.round((clock.random() * settings.baseDelayMs) / 10)
          : backoffMs(attempt, settings, clock.random);
      await clock.sleep(wait);
    }
  }
}
