/**
 * Checking alerts on a KPI, all at once: after each `kpi db refresh` that changed days of
 * their windows, and on each alert's daily check time (the scheduler's tick, `kpi schedule
 * tick`). Alerts whose KPIs read the same source with the same filters share ONE query over
 * the days all of them need (their windows, the 14 windows of the chart, change bases and the
 * 8 earlier windows of `unusual`), and filter values are looked up once per run — so a run
 * costs one query per (source, filters) group plus at most one per filter key.
 *
 * Then, in one transaction with the alerts' state rows locked, each alert's state machine
 * decides (alert-transitions.ts decideMetricAlert) and each message it decides on is claimed
 * in the delivery ledger in that same transaction. Every message then goes through the ledger
 * (deliver.ts): sent once across replicas and restarts, retried with backoff, a failure noticed
 * in ADMIN_CHANNEL and shown by `kpi alerts list`. Retries and claims of dead replicas are
 * taken over by the next run, which checks the alert again as of the message's slot.
 */

import type { FilterKey } from "../answer/query.js";
import type { DateRange } from "../areas/area-module.js";
import { loadFilterOptions } from "../areas/filters/filter-options.js";
import type { FilterOption } from "../areas/filters/filter-types.js";
import { loadDaySums } from "../areas/kpi-series/kpi-series-query.js";
import type { DaySums } from "../areas/kpi-series/kpi-sources.js";
import { todayInZone } from "../calendar/calendar.js";
import { filtersToText } from "../commands/command-text.js";
import { resolveFilters } from "../commands/filter-match.js";
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import type { Engine } from "../engine/engine.js";
import { isUserError } from "../errors.js";
import type { Logger } from "../log.js";
import { type AlertEvaluation, daysNeeded, evaluateAlert, rangeKey } from "./alert-evaluation.js";
import { decideMetricAlert, METRIC_ALERT_EVENTS, type MetricAlertEvent } from "./alert-transitions.js";
import { overlaps, spanOf, windowAt } from "./alert-window.js";
import { slotsBetween } from "./cron.js";
import { type DeliveryOutcome, deliverLedgerMessage, type LedgerMessage } from "./deliver.js";
import { type Claim, claimSlot, takeOver } from "./delivery-ledger.js";
import { dueRetries, lastSentEvent, staleClaims } from "./delivery-queries.js";
import type { Delivery } from "./delivery-row.js";
import { metricAlertMessage } from "./metric-alert-message.js";
import {
  ensureMetricStates,
  listMetricStates,
  saveMetricState,
  withLockedMetricStates,
} from "./metric-alert-state.js";
import { listMetricAlerts, type MetricAlert, metricAlertText } from "./metric-alert-store.js";
import type { DeliverySettings } from "./retry-policy.js";
import { deliveryTag, type Senders } from "./senders.js";
import { targetToText } from "./target.js";
import { formatWallInZone } from "./zone-time.js";

export interface MetricAlertDeps {
  readonly db: BotStateDb;
  /** Reads the reporting views under the process's query cap. */
  readonly engine: Pick<Engine, "read">;
  readonly senders: Senders;
  readonly settings: DeliverySettings;
  readonly replicaId: string;
  readonly log: Logger;
  /** CURRENCY, for the values in the messages. */
  readonly currency: string;
  /** KPI_ALERT_REMINDER_HOURS in ms (0: no reminders). */
  readonly reminderMs: number;
  /** The access policy: a refusal when the alert's channel may no longer see its KPI's area. */
  readonly refusal?: (area: string, alert: MetricAlert) => string | undefined;
}

/** Which alerts a run checks: those whose daily check time has come, or those a refresh touched. */
export type AlertCheckReason =
  | { readonly kind: "schedule" }
  /** A refresh recomputed these days (`all`: a full refresh). */
  | { readonly kind: "refresh"; readonly changed: DateRange | "all" };

export interface MetricAlertReport {
  readonly checked: number;
  /** (source, filters) groups, each read with one query. */
  readonly groups: number;
  /** Reporting queries this run made (group reads and filter value look-ups). */
  readonly queries: number;
  /** Messages decided now, by alert. */
  readonly events: readonly { readonly alertId: number; readonly event: MetricAlertEvent }[];
  /** What became of the messages this run sent or retried. */
  readonly outcomes: readonly DeliveryOutcome[];
}

interface Checked {
  readonly alert: MetricAlert;
  readonly today: string;
  readonly evaluation: AlertEvaluation;
}

/** The alert's latest check time at or before `at`, when it falls on today in its zone. */
function checkTimeToday(alert: MetricAlert, at: Date): boolean {
  const slots = slotsBetween(alert.cron, alert.timeZone, new Date(at.getTime() - 86_400_000), at);
  const last = slots.at(-1);
  return last !== undefined && todayInZone(last, alert.timeZone) === todayInZone(at, alert.timeZone);
}

function selected(
  alert: MetricAlert,
  at: Date,
  reason: AlertCheckReason,
  lastWindow: string | null,
): boolean {
  if (alert.paused) return false;
  const today = todayInZone(at, alert.timeZone);
  const window = windowAt(alert.spec.window, today);
  const timeCame = checkTimeToday(alert, at) && alert.activeSince.getTime() <= at.getTime();
  if (reason.kind === "schedule") return timeCame && lastWindow !== rangeKey(window);
  if (alert.spec.window === "today" && !timeCame) return false;
  return reason.changed === "all" || overlaps(window, reason.changed);
}

/** Evaluates alerts, one query per (source, filters) group; an alert whose data cannot be read is left out. */
async function evaluateAll(
  alerts: readonly { readonly alert: MetricAlert; readonly today: string }[],
  deps: MetricAlertDeps,
): Promise<{ checked: Checked[]; groups: number; queries: number }> {
  let queries = 0;
  const options = new Map<FilterKey, Promise<readonly FilterOption[]>>();
  const optionsFor = (key: FilterKey) => {
    let found = options.get(key);
    if (!found) {
      queries += 1;
      found = deps.engine.read((db) => loadFilterOptions(db, key));
      options.set(key, found);
    }
    return found;
  };
  const groups = new Map<string, { alert: MetricAlert; today: string }[]>();
  for (const entry of alerts) {
    const key = `${entry.alert.kpi.source}|${filtersToText(entry.alert.spec.filters)}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const checked: Checked[] = [];
  await Promise.all(
    [...groups.values()].map(async (members) => {
      const first = members[0] as { alert: MetricAlert };
      try {
        const filters = await resolveFilters(first.alert.spec.filters, optionsFor);
        const span = spanOf(members.map((m) => daysNeeded(m.alert.spec, m.today)));
        queries += 1;
        const days: Map<string, DaySums> = await deps.engine.read((db) =>
          loadDaySums(db, first.alert.kpi.source, span, filters),
        );
        for (const { alert, today } of members)
          checked.push({ alert, today, evaluation: evaluateAlert(alert.spec, alert.kpi, days, today) });
      } catch (error) {
        const reason = isUserError(error) ? error.message : String(error);
        deps.log.error(
          { alerts: members.map((m) => m.alert.id), reason, ...(isUserError(error) ? {} : { err: error }) },
          "alerts not checked: their data could not be read",
        );
      }
    }),
  );
  return { checked, groups: groups.size, queries };
}

/** One alert message as a ledger message: built from the check that decided it. */
function alertMessage(
  claim: Claim,
  event: MetricAlertEvent,
  checked: Checked,
  deps: MetricAlertDeps,
): LedgerMessage {
  const { alert, evaluation } = checked;
  return {
    kind: "alert",
    target: alert.target,
    tag: deliveryTag("kpi-alert", claim.deliveryId),
    async build() {
      const threadId =
        event === "resolved" ? await lastSentEvent(deps.db, alert.id, "firing", claim.slotAt) : undefined;
      const message = metricAlertMessage(
        event,
        {
          alertId: alert.id,
          spec: alert.spec,
          evaluation,
          currency: deps.currency,
          timeZone: alert.timeZone,
          ...(threadId ? { threadId } : {}),
        },
        alert.kpi.area,
      );
      return (senders, tag) => senders.alerts.sendMetricAlert(alert.target, message, tag);
    },
    noticeText: (attempts, code) =>
      `The ${event.replace("_", " ")} message of alert #${alert.id} (${metricAlertText(alert.spec)}) of ` +
      `${formatWallInZone(claim.slotAt, alert.timeZone)} could not be delivered to ${targetToText(alert.target)} ` +
      `after ${attempts === 1 ? "1 attempt" : `${attempts} attempts`} (${code}).`,
  };
}

/** Alert messages waiting for a retry, or claimed by a replica that died: taken over and sent again. */
async function takeOverMessages(
  at: Date,
  alerts: ReadonlyMap<number, MetricAlert>,
  deps: MetricAlertDeps,
): Promise<DeliveryOutcome[]> {
  const waiting: Delivery[] = [
    ...(await dueRetries(deps.db, at)),
    ...(await staleClaims(deps.db, at, deps.settings.staleMs)),
  ].filter((d) => d.event !== null && alerts.has(d.subscriptionId));
  const outcomes: DeliveryOutcome[] = [];
  for (const delivery of waiting) {
    const alert = alerts.get(delivery.subscriptionId) as MetricAlert;
    const event = METRIC_ALERT_EVENTS.find((e) => e === delivery.event);
    if (!event) continue;
    const today = todayInZone(delivery.slotAt, alert.timeZone);
    const { checked } = await evaluateAll([{ alert, today }], deps);
    const check = checked[0];
    if (!check) continue;
    const claim = await takeOver(deps.db, delivery, deps.replicaId, at, deps.settings.staleMs);
    if (!claim) continue;
    outcomes.push(await deliverLedgerMessage(claim, alertMessage(claim, event, check, deps), at, deps));
  }
  return outcomes;
}

/** Checks the alerts `reason` selects at instant `at`, sends what their state machines decide, and retries. */
export async function checkMetricAlerts(
  at: Date,
  reason: AlertCheckReason,
  deps: MetricAlertDeps,
): Promise<MetricAlertReport> {
  const all = await listMetricAlerts(deps.db, {}, (id, error) => {
    deps.log.error(
      { alert: id, reason: isUserError(error) ? error.message : String(error) },
      "alert unreadable; skipped",
    );
  });
  const states = await listMetricStates(deps.db);
  const due = all.filter((alert) => {
    if (!selected(alert, at, reason, states.get(alert.id)?.lastWindow ?? null)) return false;
    const refused = deps.refusal?.(alert.kpi.area, alert);
    if (refused)
      deps.log.warn({ alert: alert.id }, "alert not checked: its channel may no longer see its area");
    return !refused;
  });
  const { checked, groups, queries } = await evaluateAll(
    due.map((alert) => ({ alert, today: todayInZone(at, alert.timeZone) })),
    deps,
  );
  await ensureMetricStates(
    deps.db,
    checked.map((c) => c.alert.id),
    at,
  );
  const decided = await withLockedMetricStates(
    deps.db,
    checked.map((c) => c.alert.id),
    async (locked, trx) => {
      const claims: { claim: Claim; event: MetricAlertEvent; check: Checked }[] = [];
      for (const check of [...checked].sort((a, b) => a.alert.id - b.alert.id)) {
        const state = locked.get(check.alert.id);
        if (!state) continue;
        const { evaluation } = check;
        const { event, next } = decideMetricAlert(state, evaluation, at, deps.reminderMs);
        await saveMetricState(trx, check.alert.id, state, next, evaluation.value, at);
        if (!event) continue;
        const claim = await claimSlot(trx, check.alert.id, at, deps.replicaId, at, event);
        if (claim) claims.push({ claim, event, check });
      }
      return claims;
    },
  );
  const outcomes: DeliveryOutcome[] = [];
  for (const { claim, event, check } of decided)
    outcomes.push(await deliverLedgerMessage(claim, alertMessage(claim, event, check, deps), at, deps));
  outcomes.push(...(await takeOverMessages(at, new Map(all.map((a) => [a.id, a])), deps)));
  return {
    checked: checked.length,
    groups,
    queries,
    events: decided.map((d) => ({ alertId: d.claim.subscriptionId, event: d.event })),
    outcomes,
  };
}
