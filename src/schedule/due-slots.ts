/**
 * Which slots a tick at instant `at` must act on, per subscription (pure; the ledger's
 * contents are passed in):
 * - due: slots in (max(at − catch-up window, active since), at] not yet in the ledger;
 * - missed: slots older than the window, after the subscription became active and after its
 *   latest ledger slot, never claimed: recorded `skipped` (at most MAX_SKIPPED per
 *   subscription and tick, the newest, looking back at most SKIP_LOOKBACK_MS).
 * Paused subscriptions have neither; after resume only slots after the resume count.
 */
import { slotsBetween } from "./cron.js";
import type { Subscription } from "./subscription-store.js";
import { DAY_MS } from "./zone-time.js";

export const SKIP_LOOKBACK_MS = 7 * DAY_MS;
export const MAX_SKIPPED = 100;

export interface DueSlot {
  readonly subscription: Subscription;
  readonly slot: Date;
}

export interface SlotPlan {
  /** Ascending by slot, then subscription id. */
  readonly due: readonly DueSlot[];
  readonly missed: ReadonlyMap<number, readonly Date[]>;
  /** Subscriptions whose schedule could not be read (logged by the caller). */
  readonly broken: readonly { readonly subscription: Subscription; readonly error: unknown }[];
}

export interface LedgerView {
  /** Slots in the ledger within the catch-up window, by subscription id (epoch ms). */
  readonly known: ReadonlyMap<number, ReadonlySet<number>>;
  /** The latest ledger slot per subscription id. */
  readonly last: ReadonlyMap<number, Date>;
}

const later = (...times: number[]): Date => new Date(Math.max(...times));

export function planSlots(
  subscriptions: readonly Subscription[],
  at: Date,
  catchUpMs: number,
  ledger: LedgerView,
): SlotPlan {
  const windowStart = at.getTime() - catchUpMs;
  const due: DueSlot[] = [];
  const missed = new Map<number, Date[]>();
  const broken: { subscription: Subscription; error: unknown }[] = [];
  for (const subscription of subscriptions) {
    if (subscription.paused) continue;
    const { cron, timeZone } = subscription.schedule;
    const active = subscription.activeSince.getTime();
    try {
      const known = ledger.known.get(subscription.id);
      for (const slot of slotsBetween(cron, timeZone, later(windowStart, active), at)) {
        if (!known?.has(slot.getTime())) due.push({ subscription, slot });
      }
      const last = ledger.last.get(subscription.id)?.getTime() ?? Number.NEGATIVE_INFINITY;
      const from = later(active, last, windowStart - SKIP_LOOKBACK_MS);
      if (from.getTime() < windowStart) {
        const old = slotsBetween(cron, timeZone, from, new Date(windowStart)).slice(-MAX_SKIPPED);
        if (old.length > 0) missed.set(subscription.id, old);
      }
    } catch (error) {
      broken.push({ subscription, error });
    }
  }
  due.sort((a, b) => a.slot.getTime() - b.slot.getTime() || a.subscription.id - b.subscription.id);
  return { due, missed, broken };
}
