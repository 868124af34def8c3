/**
 * One scheduler tick: everything due at instant `at`, done once. What the server runs
 * every minute and `kpi schedule tick --at` runs from outside. Any number of replicas may
 * tick at the same time against one database: each slot is claimed in the ledger before it
 * is sent, so each is sent by exactly one of them.
 *
 * 1. missed slots older than the catch-up window → recorded `skipped`;
 * 2. due slots (inside the window, after the subscription became active, not in the
 *    ledger) → claim → build the digest at the slot → send → record, side by side: a
 *    channel's slots claimed together and paced, channels in parallel (fan-out.ts);
 * 3. retries whose time has come, and claims gone stale (their replica died) → taken over
 *    with a conditional UPDATE → sent again;
 * 4. alerts on a KPI whose daily check time has come → checked, their messages sent through
 *    the same ledger (metric-alerts.ts).
 * `at` is the clock of the whole tick: claims, retries and staleness are judged by it.
 */
import { isUserError } from "../errors.js";
import { type DeliverDeps, type DeliveryOutcome, deliverClaim } from "./deliver.js";
import { recordSkipped, takeOver } from "./delivery-ledger.js";
import { dueRetries, lastLedgerSlots, ledgerSlots, staleClaims } from "./delivery-queries.js";
import type { Delivery } from "./delivery-row.js";
import { planSlots } from "./due-slots.js";
import { fanOut } from "./fan-out.js";
import { checkMetricAlerts, type MetricAlertDeps, type MetricAlertReport } from "./metric-alerts.js";
import { listSubscriptions, type Subscription } from "./subscription-store.js";

export interface TickDeps extends DeliverDeps {
  /** Names this process in claims (host:pid:random by default). */
  readonly replicaId: string;
  /** Alerts on a KPI; not checked when absent. */
  readonly kpiAlerts?: MetricAlertDeps;
  /** Due digests built and sent at once (DIGEST_CONCURRENCY); fan-out.ts's default when absent. */
  readonly concurrency?: number;
}

export interface TickReport {
  readonly at: Date;
  /** What this runner sent or tried, in order. */
  readonly outcomes: readonly DeliveryOutcome[];
  /** Slots this runner recorded as skipped (missed by more than the catch-up window). */
  readonly skipped: readonly { readonly subscriptionId: number; readonly slot: Date }[];
  /** Due slots another replica claimed first. */
  readonly claimsLost: number;
  /** The alerts on a KPI this tick checked, and their messages. */
  readonly kpiAlerts?: MetricAlertReport;
}

export async function runTick(at: Date, deps: TickDeps): Promise<TickReport> {
  const { db, settings, replicaId } = deps;
  const subscriptions = await listSubscriptions(db, {}, (subscription, error) => {
    const reason = isUserError(error) ? error.message : String(error);
    deps.log.error({ subscription, reason }, "subscription unreadable; skipped");
  });
  const byId = new Map(subscriptions.map((s) => [s.id, s]));
  const windowStart = new Date(at.getTime() - settings.catchUpMs);
  const [known, last] = await Promise.all([ledgerSlots(db, windowStart, at), lastLedgerSlots(db)]);
  const plan = planSlots(subscriptions, at, settings.catchUpMs, { known, last });
  for (const { subscription, error } of plan.broken) {
    const reason = isUserError(error) ? error.message : String(error);
    deps.log.error({ subscription: subscription.id, reason }, "subscription schedule unreadable; skipped");
  }

  const skipped: { subscriptionId: number; slot: Date }[] = [];
  for (const [subscriptionId, slots] of plan.missed) {
    if ((await recordSkipped(db, subscriptionId, slots, at)) > 0) {
      skipped.push(...slots.map((slot) => ({ subscriptionId, slot })));
      deps.log.warn({ subscription: subscriptionId, slots: slots.length }, "missed slots recorded skipped");
    }
  }

  const fanned = await fanOut(plan.due, at, deps);
  const outcomes: DeliveryOutcome[] = [...fanned.outcomes];
  let claimsLost = fanned.claimsLost;

  const takeOvers: Delivery[] = [
    ...(await dueRetries(db, at)),
    ...(await staleClaims(db, at, settings.staleMs)),
  ];
  for (const delivery of takeOvers) {
    const subscription: Subscription | undefined = byId.get(delivery.subscriptionId);
    if (!subscription || subscription.paused) continue;
    const claim = await takeOver(db, delivery, replicaId, at, settings.staleMs);
    if (!claim) {
      claimsLost++;
      continue;
    }
    if (delivery.status === "claimed") {
      deps.log.warn({ delivery: delivery.id, owner: delivery.claimedBy }, "stale claim taken over");
    }
    outcomes.push(await deliverClaim(claim, subscription, at, deps));
  }
  const kpiAlerts = deps.kpiAlerts
    ? await checkMetricAlerts(at, { kind: "schedule" }, deps.kpiAlerts)
    : undefined;
  return { at, outcomes, skipped, claimsLost, ...(kpiAlerts ? { kpiAlerts } : {}) };
}
