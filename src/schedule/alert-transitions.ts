/**
 * The low-stock state machine, as a pure decision over the current states and the current
 * low-stock list (DESIGN.md "Scheduling and alerts"):
 *
 *   ok ──low──▶ firing (one alert) ──back above level──▶ ok (one recovery note in the thread)
 *   firing ──still low──▶ nothing         snoozed ──until passes, still low──▶ firing
 *   snoozed ──low──▶ nothing              any state with an alert thread ──recovered──▶ note
 *
 * Alerts on a KPI (decideMetricAlert, below) follow the same machine, one alert at a time.
 *
 * A firing product whose alert was never posted (the send failed, or the replica died
 * before posting: claim older than the stale window) is claimed again and re-alerted —
 * unless its alert may have been posted after all (earlierPost): then the check first looks
 * for that message by its tag.
 */
import type { AlertItem } from "./alert-message.js";
import type { AlertState, AlertStateName } from "./alert-state-store.js";

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

export const isSnoozed = (state: Pick<AlertState, "state" | "snoozedUntil">, now: Date): boolean =>
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

/** The messages of an alert on a KPI. */
export const METRIC_ALERT_EVENTS = ["firing", "resolved", "reminder", "no_data"] as const;
export type MetricAlertEvent = (typeof METRIC_ALERT_EVENTS)[number];

/** The state of one alert on a KPI (bot_alert_state, kind metric). */
export interface MetricAlertState {
  readonly state: AlertStateName;
  readonly firedAt: Date | null;
  readonly snoozedUntil: Date | null;
  readonly remindedAt: Date | null;
  /** The window checked last (alert-evaluation.ts rangeKey), and its value. */
  readonly lastWindow: string | null;
  readonly noDataWindows: number;
  readonly noDataReported: boolean;
}

/** Windows in a row without a value before "no data" is reported, once. */
export const NO_DATA_WINDOWS = 3;

export interface MetricAlertDecision {
  /** The message to send, if any. */
  readonly event: MetricAlertEvent | undefined;
  readonly next: MetricAlertState;
}

/**
 * One check of an alert on a KPI:
 *
 *   ok ──condition holds──▶ firing (one message)        firing ──holds──▶ nothing, or a reminder
 *   firing ──value back inside──▶ ok (one resolved message in the firing message's thread)
 *   snoozed ──until passes, still holds──▶ firing        snoozed ──back inside──▶ resolved message
 *   no value (no data, zero denominator, no base) ──▶ never fires; "no data" once after 3 windows
 *
 * A reminder goes at most every `reminderMs` (0: never), only for a window not checked before.
 */
export function decideMetricAlert(
  state: MetricAlertState,
  check: { readonly windowKey: string; readonly value: number | null; readonly met: boolean | null },
  now: Date,
  reminderMs: number,
): MetricAlertDecision {
  const newWindow = state.lastWindow !== check.windowKey;
  const seen = { ...state, lastWindow: check.windowKey };
  if (check.met === null) {
    const noDataWindows = check.value !== null ? 0 : state.noDataWindows + (newWindow ? 1 : 0);
    const report = noDataWindows >= NO_DATA_WINDOWS && !state.noDataReported;
    return {
      event: report ? "no_data" : undefined,
      next: { ...seen, noDataWindows, noDataReported: state.noDataReported || report },
    };
  }
  const valued = { ...seen, noDataWindows: 0, noDataReported: false };
  const snoozed = isSnoozed(state, now);
  if (check.met) {
    if (state.state === "ok" || (state.state === "snoozed" && !snoozed)) {
      return {
        event: "firing",
        next: { ...valued, state: "firing", firedAt: now, snoozedUntil: null, remindedAt: null },
      };
    }
    const lastNews = (state.remindedAt ?? state.firedAt)?.getTime() ?? 0;
    if (state.state === "firing" && reminderMs > 0 && newWindow && now.getTime() - lastNews >= reminderMs) {
      return { event: "reminder", next: { ...valued, remindedAt: now } };
    }
    return { event: undefined, next: valued };
  }
  if (state.state === "ok") return { event: undefined, next: valued };
  const fired = state.state === "firing" || state.firedAt !== null;
  return {
    event: fired ? "resolved" : undefined,
    next: snoozed
      ? { ...valued, firedAt: null }
      : { ...valued, state: "ok", firedAt: null, snoozedUntil: null, remindedAt: null },
  };
}
