/**
 * A tick's due digests, fanned out: 1,000 subscriptions due at 09:00 go out side by side, not
 * one after another. The slots are grouped by target (channel); each group is claimed in one
 * statement per round (claimSlots: replicas claiming at once queue on the rows, so a channel's
 * digests go to one replica; see rounds) and its digests are sent one after another, each post at least the
 * platform's `postGapMs` after the one before (Slack: about one message per second per
 * channel), waiting outside the delivery permits. CHANNELS_AT_ONCE channels are worked on at
 * once, each claimed when a worker takes it up; at most `concurrency` deliveries build and
 * send at once. Replicas walk the groups from different starting points, so two replicas
 * share the work instead of racing for the same channels. Identical questions are computed
 * once by the engine's answer cache (single flight), whichever digest asks first.
 */
import { QueryCap } from "../engine/query-cap.js";
import { type DeliverDeps, type DeliveryOutcome, deliverClaim } from "./deliver.js";
import { claimSlots } from "./delivery-ledger.js";
import type { Senders } from "./senders.js";
import type { Subscription } from "./subscription-store.js";
import { targetToText } from "./target.js";

/** Deliveries building and sending at once in one process (each holds a bot-state connection at times). */
export const DELIVERY_CONCURRENCY = 16;
/**
 * Channels worked on at once: more than the permits, since a channel's worker mostly waits out
 * the post gap; fewer than all, since a channel is claimed only when a worker takes it up (so a
 * replica that ticks a second later still finds channels to take).
 */
export const CHANNELS_AT_ONCE = 4 * DELIVERY_CONCURRENCY;

export interface DueSlot {
  readonly subscription: Subscription;
  readonly slot: Date;
}

export interface FanOutDeps extends DeliverDeps {
  readonly replicaId: string;
  /** DELIVERY_CONCURRENCY by default. */
  readonly concurrency?: number;
}

/** Where a replica starts walking the groups: spread by its id, so replicas start apart. */
export function startingGroup(replicaId: string, groups: number): number {
  if (groups === 0) return 0;
  let hash = 0;
  for (const char of replicaId) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % groups;
}

/** The senders with every digest post into this group's target recorded (when it started), for pacing. */
function recordingPosts(senders: Senders, platform: string, posted: { at: number }): Senders {
  const inner = senders[platform];
  if (!inner) return senders;
  const mark = () => {
    posted.at = performance.now();
  };
  return {
    ...senders,
    [platform]: {
      ...inner,
      digests: {
        send(target, digest, tag) {
          mark();
          return inner.digests.send(target, digest, tag);
        },
        sendNotice(target, text, tag) {
          mark();
          return inner.digests.sendNotice(target, text, tag);
        },
      },
    },
  };
}

/**
 * A channel's slots in claiming rounds: round r holds each subscription's r-th due slot. A
 * morning's fan-out is one round (one slot per subscription); a subscription's missed slots
 * (catch-up) are claimed one round at a time, so a replica that dies mid-send holds at most one
 * of them and the other replicas send the rest at once, as before.
 */
export function rounds(group: readonly DueSlot[]): DueSlot[][] {
  const result: DueSlot[][] = [];
  const seen = new Map<number, number>();
  for (const item of group) {
    const round = seen.get(item.subscription.id) ?? 0;
    seen.set(item.subscription.id, round + 1);
    const slots = result[round] ?? [];
    slots.push(item);
    result[round] = slots;
  }
  return result;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Claims and sends the due slots; outcomes in the order of `due`, and the slots another replica had. */
export async function fanOut(
  due: readonly DueSlot[],
  at: Date,
  deps: FanOutDeps,
): Promise<{ outcomes: DeliveryOutcome[]; claimsLost: number }> {
  const groups = new Map<string, DueSlot[]>();
  for (const item of due) {
    const key = targetToText(item.subscription.target);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const list = [...groups.values()];
  const first = startingGroup(deps.replicaId, list.length);
  const ordered = [...list.slice(first), ...list.slice(0, first)];
  const position = new Map(due.map((item, i) => [`${item.subscription.id}@${item.slot.getTime()}`, i]));
  const permits = new QueryCap(deps.concurrency ?? DELIVERY_CONCURRENCY);
  const outcomes: { index: number; outcome: DeliveryOutcome }[] = [];
  let claimsLost = 0;

  const deliverGroup = async (group: DueSlot[]) => {
    const platform = (group[0] as DueSlot).subscription.target.platform;
    const gapMs = deps.senders[platform]?.postGapMs ?? 0;
    const posted = { at: Number.NEGATIVE_INFINITY };
    const senders = recordingPosts(deps.senders, platform, posted);
    for (const round of rounds(group)) {
      const claims = await permits.run(() =>
        claimSlots(
          deps.db,
          round.map((item) => ({ subscriptionId: item.subscription.id, slot: item.slot })),
          deps.replicaId,
          at,
        ),
      );
      claimsLost += round.length - claims.length;
      for (const claim of claims) {
        const index = position.get(`${claim.subscriptionId}@${claim.slotAt.getTime()}`) ?? 0;
        const item = due[index] as DueSlot;
        const wait = posted.at + gapMs - performance.now();
        if (wait > 0) await sleep(wait);
        const outcome = await permits.run(() =>
          deliverClaim(claim, item.subscription, at, { ...deps, senders }),
        );
        outcomes.push({ index, outcome });
      }
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < ordered.length) await deliverGroup(ordered[next++] as DueSlot[]);
  };
  await Promise.all(Array.from({ length: Math.min(CHANNELS_AT_ONCE, ordered.length) }, worker));
  outcomes.sort((a, b) => a.index - b.index);
  return { outcomes: outcomes.map((o) => o.outcome), claimsLost };
}
