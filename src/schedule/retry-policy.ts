/**
 * When a failed delivery is tried again: exponential backoff from one minute (1, 2, 4, 8
 * minutes: five attempts span about 15 minutes), never sooner than the platform's
 * Retry-After. No jitter: only the replica holding the claim retries, so there is no herd.
 */
import type { Target } from "./target.js";

export const RETRY_BASE_MS = 60_000;

export interface DeliverySettings {
  /** Slots up to this old are still sent; older ones are recorded skipped. */
  readonly catchUpMs: number;
  /** A claim older than this whose owner did not finish is taken over. */
  readonly staleMs: number;
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** Where failure notices go; the subscription's own target when undefined. */
  readonly adminTarget: Target | undefined;
  /** DIGEST_MOVER_THRESHOLD: a relative change that makes a KPI a mover (src/schedule/movers.ts). */
  readonly moverThreshold?: number;
  /** First backoff step (tests may shorten it); RETRY_BASE_MS by default. */
  readonly retryBaseMs?: number;
}

/** Wait after the given failed attempt (1-based): base × 2^(attempt − 1), at least retryAfterMs. */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  baseMs = RETRY_BASE_MS,
): number {
  const backoff = baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.max(backoff, retryAfterMs ?? 0);
}
