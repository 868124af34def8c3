/**
 * The low-stock state machine, as a pure decision over the current states and the current
 * low-stock list (DESIGN.md "Scheduling and alerts"):
 *
 *   ok ──low──▶ firing (one alert) ──back above level──▶ ok (one recovery note in the thread)
 *   firing ──still low──▶ nothing         snoozed ──until passes, still low──▶ firing
 *   snoozed ──low──▶ nothing              any state with an alert thread ──recovered──▶ note
 *
 * A firing product whose alert was never posted (the send failed, or the replica died
 * before posting: claim older than the stale window) is claimed again and re-alerted —
 * unless its alert may have been posted after all (earlierPost): then the check first looks
 * for that message by its tag.
 */
import type { AlertItem } from "./alert-message.js";
import type { AlertState } from "./alert-state-store.js";

export interface AlertTransitions {
  /** Products to alert about now, in one message. */
  readonly fire: readonly AlertItem[];
  /** Products back above their level: the next state and, with a thread, a recovery note. */
  readonly recover: readonly { readonly state: AlertState; readonly next: "ok" | "snoozed" }[];
}

/** What a check began posting for a product whose alert is not recorded: it may be in the channel. */
export interface EarlierPost {
  readonly tag: string;
  readonly startedAt: Date;
  readonly target: string;
}

export function earlierPost(state: AlertState | undefined): EarlierPost | undefined {
  if (state?.state !== "firing" || state.alertMessageId !== null) return undefined;
  if (!state.postTag || !state.postStartedAt || !state.alertTarget) return undefined;
  return { tag: state.postTag, startedAt: state.postStartedAt, target: state.alertTarget };
}

const isSnoozed = (state: AlertState, now: Date): boolean =>
  state.state === "snoozed" && (state.snoozedUntil?.getTime() ?? 0) > now.getTime();

function needsAlert(state: AlertState | undefined, now: Date, staleMs: number): boolean {
  if (!state || state.state === "ok") return true;
  if (state.state === "snoozed") return !isSnoozed(state, now);
  if (state.alertMessageId !== null) return false;
  const claimAge = now.getTime() - (state.firedAt?.getTime() ?? 0);
  return state.sendError !== null || claimAge > staleMs;
}

export function decideAlerts(
  states: readonly AlertState[],
  low: readonly AlertItem[],
  now: Date,
  staleMs: number,
): AlertTransitions {
  const bySku = new Map(states.map((s) => [s.sku, s]));
  const lowSkus = new Set(low.map((i) => i.sku));
  const fire = low.filter((item) => needsAlert(bySku.get(item.sku), now, staleMs));
  const recover: { state: AlertState; next: "ok" | "snoozed" }[] = [];
  for (const state of states) {
    if (lowSkus.has(state.sku)) continue;
    if (state.state === "firing") recover.push({ state, next: "ok" });
    else if (state.state === "snoozed" && !isSnoozed(state, now)) recover.push({ state, next: "ok" });
    else if (state.state === "snoozed" && state.alertMessageId !== null)
      recover.push({ state, next: "snoozed" });
  }
  return { fire, recover };
}
