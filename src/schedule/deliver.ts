/**
 * One delivery attempt for a claimed slot: build the digest at the slot, send it, and
 * record the outcome in the ledger. A failure is retried with backoff while attempts
 * remain and the error is retryable; after the last attempt the delivery is recorded
 * failed and one failure notice goes to ADMIN_CHANNEL (or the subscription's channel).
 * The ledger records that an attempt is posting before it posts; an attempt that takes over
 * after one did (its owner may have died between the post and the record) first looks for
 * the message by its delivery tag and records it as sent when found, instead of posting again.
 */

import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import { DataSourceUnavailableError, isUserError, referenceId } from "../errors.js";
import type { Logger } from "../log.js";
import { isDeliveryError } from "./delivery-error.js";
import {
  type Claim,
  lastSentSlot,
  markFailedAttempt,
  markNotified,
  markPosting,
  markQuiet,
  markSent,
} from "./delivery-ledger.js";
import { buildDigest, type DigestEngine, type DigestOptions } from "./digest.js";
import { type DeliverySettings, retryDelayMs } from "./retry-policy.js";
import {
  checkedResult,
  type DeliveryTag,
  deliveryTag,
  LOOKBACK_MARGIN_MS,
  type PlatformSenders,
  type Senders,
  type SendResult,
  sendersFor,
} from "./senders.js";
import type { Subscription } from "./subscription-store.js";
import { type Target, targetToText } from "./target.js";
import { formatWallInZone } from "./zone-time.js";

export interface DeliverDeps {
  readonly db: BotStateDb;
  /** Answers the digest's queries (the process's one engine). */
  readonly engine: DigestEngine;
  readonly senders: Senders;
  readonly settings: DeliverySettings;
  readonly log: Logger;
  /** Adds goals' progress to a digest's answers (src/goals), as of the slot. */
  readonly goals?: DigestOptions["goals"];
  /**
   * The access policy: a refusal when the target may not see an area (a promise where the
   * target's group, a Teams team, is looked up).
   */
  readonly refusal?: (area: string, target: Target) => string | undefined | Promise<string | undefined>;
}

export interface DeliveryOutcome {
  readonly subscriptionId: number;
  readonly slot: Date;
  /** lost: another replica took the claim over while this one was sending. */
  /** quiet: a quiet digest with nothing that moved, recorded and not sent. */
  readonly status: "sent" | "retrying" | "failed" | "lost" | "quiet";
  readonly attempts: number;
  readonly messageId?: string;
  readonly errorCode?: string;
  readonly nextAttemptAt?: Date;
}

interface Failure {
  readonly code: string;
  readonly message: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
}

function failureOf(error: unknown, log: Logger, claim: Claim): Failure {
  if (isDeliveryError(error)) {
    return {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      retryAfterMs: error.retryAfterMs,
    };
  }
  if (error instanceof DataSourceUnavailableError)
    return { code: error.code, message: error.message, retryable: true };
  if (isUserError(error)) return { code: error.code, message: error.message, retryable: false };
  const ref = referenceId();
  log.error({ ref, err: error, delivery: claim.deliveryId }, "digest delivery failed unexpectedly");
  return { code: "internal_error", message: `Unexpected error (ref ${ref}).`, retryable: true };
}

export function failureNoticeText(
  subscription: Subscription,
  slot: Date,
  attempts: number,
  code: string,
): string {
  const kind = subscription.schedule.kind === "cron" ? "" : `${subscription.schedule.kind} `;
  const when = formatWallInZone(slot, subscription.schedule.timeZone);
  const tries = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
  return (
    `The ${kind}digest #${subscription.id} (${subscription.areas.join(", ")}) due ${when} ` +
    `could not be delivered to ${targetToText(subscription.target)} after ${tries} (${code}).`
  );
}

/** The message an earlier attempt posted for this claim, when one may have and the platform can tell. */
async function earlierPost(
  claim: Claim,
  message: LedgerMessage,
  senders: PlatformSenders,
  log: Logger,
): Promise<SendResult | undefined> {
  if (!claim.postStartedAt) return undefined;
  if (!senders.sent) {
    log.warn(
      { delivery: claim.deliveryId, attempts: claim.attempts },
      `an earlier attempt may have posted this ${message.kind}; the platform cannot be checked, posting again`,
    );
    return undefined;
  }
  const since = new Date(claim.postStartedAt.getTime() - LOOKBACK_MARGIN_MS);
  return senders.sent.findSent(message.target, message.tag, since);
}

/**
 * One message of the ledger, whatever it says: a digest, an alert. The ledger sends it once:
 * `build` (which may read data) runs before the post is recorded as started, `post` sends it.
 */
export interface LedgerMessage {
  /** For logs: "digest", "alert". */
  readonly kind: string;
  readonly target: Target;
  /** Its delivery tag (delivery-metadata on Slack, a hidden block on Teams). */
  readonly tag: DeliveryTag;
  /** How to post it, or null when there is nothing to send this time (a quiet digest: recorded, not sent). */
  build(): Promise<((senders: PlatformSenders, tag: DeliveryTag) => Promise<SendResult>) | null>;
  /** The failure notice when it could not be delivered for good. */
  noticeText(attempts: number, code: string): string;
}

export type LedgerDeps = Pick<DeliverDeps, "db" | "senders" | "settings" | "log">;

async function notifyFailure(
  message: LedgerMessage,
  claim: Claim,
  code: string,
  at: Date,
  deps: LedgerDeps,
): Promise<void> {
  const target = deps.settings.adminTarget ?? message.target;
  const text = message.noticeText(claim.attempts, code);
  try {
    const tag = deliveryTag("notice", claim.deliveryId);
    checkedResult(await sendersFor(deps.senders, target).digests.sendNotice(target, text, tag));
    await markNotified(deps.db, claim.deliveryId, at);
  } catch (error) {
    deps.log.warn(
      { delivery: claim.deliveryId, target: targetToText(target), err: error },
      "failure notice not sent",
    );
  }
}

/** A quiet digest says "nothing unusual" when nothing was sent for this long (since it became active). */
export const QUIET_NOTE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The "nothing unusual" line a quiet digest with no movers sends when it has sent nothing for a
 * week (counted from its last message, or from when it became active), so silence is not taken
 * for failure; undefined otherwise (nothing is sent).
 */
async function quietNote(
  db: BotStateDb,
  subscription: Subscription,
  slot: Date,
): Promise<string | undefined> {
  const last = (await lastSentSlot(db, subscription.id)) ?? subscription.activeSince;
  const since = Math.max(last.getTime(), subscription.activeSince.getTime());
  if (slot.getTime() - since < QUIET_NOTE_AFTER_MS) return undefined;
  return `Nothing unusual in ${subscription.areas.join(", ")} this week (quiet digest #${subscription.id}: it posts only when a KPI moves).`;
}

/** Sends a claimed ledger message once and records what happened. Never throws for a failed send. */
export async function deliverLedgerMessage(
  claim: Claim,
  message: LedgerMessage,
  at: Date,
  deps: LedgerDeps,
): Promise<DeliveryOutcome> {
  const base = { subscriptionId: claim.subscriptionId, slot: claim.slotAt, attempts: claim.attempts };
  const log = deps.log.child({ subscription: claim.subscriptionId, slot: claim.slotAt.toISOString() });
  const what = message.kind;
  let failure: Failure;
  if (claim.slotAt.getTime() <= at.getTime() - deps.settings.catchUpMs) {
    failure = { code: "expired", message: "The slot is older than the catch-up window.", retryable: false };
  } else {
    try {
      const senders = sendersFor(deps.senders, message.target);
      const found = await earlierPost(claim, message, senders, log);
      if (found) {
        const messageId = checkedResult(found).messageId;
        if (await markSent(deps.db, claim, messageId, at)) {
          log.info({ attempts: claim.attempts, messageId }, `${what} found already posted; recorded sent`);
          return { ...base, status: "sent", messageId };
        }
        return { ...base, status: "lost", messageId };
      }
      const post = await message.build();
      if (post === null) {
        const recorded = await markQuiet(deps.db, claim, at);
        log.info({ attempts: claim.attempts }, `${what}: nothing to send this time (quiet)`);
        return { ...base, status: recorded ? "quiet" : "lost" };
      }
      if (!(await markPosting(deps.db, claim, at))) {
        log.warn({ attempts: claim.attempts }, "another replica took the claim over before the post");
        return { ...base, status: "lost" };
      }
      const { messageId } = checkedResult(await post(senders, message.tag));
      if (await markSent(deps.db, claim, messageId, at)) {
        log.info({ attempts: claim.attempts, messageId }, `${what} sent`);
        return { ...base, status: "sent", messageId };
      }
      log.warn({ attempts: claim.attempts }, `${what} sent, but another replica had taken the claim over`);
      return { ...base, status: "lost", messageId };
    } catch (error) {
      failure = failureOf(error, log, claim);
    }
  }
  const retry = failure.retryable && claim.attempts < deps.settings.maxAttempts;
  const nextAttemptAt = retry
    ? new Date(at.getTime() + retryDelayMs(claim.attempts, failure.retryAfterMs, deps.settings.retryBaseMs))
    : null;
  const recorded = await markFailedAttempt(deps.db, claim, { ...failure, nextAttemptAt }, at);
  if (!recorded) return { ...base, status: "lost", errorCode: failure.code };
  if (nextAttemptAt) {
    log.warn(
      { code: failure.code, attempts: claim.attempts, nextAttemptAt },
      `${what} attempt failed, will retry`,
    );
    return { ...base, status: "retrying", errorCode: failure.code, nextAttemptAt };
  }
  log.error({ code: failure.code, attempts: claim.attempts }, `${what} delivery failed`);
  await notifyFailure(message, claim, failure.code, at, deps);
  return { ...base, status: "failed", errorCode: failure.code };
}

/** A subscription's digest at the claimed slot, as a ledger message. */
function digestMessage(claim: Claim, subscription: Subscription, deps: DeliverDeps): LedgerMessage {
  const refusal = deps.refusal;
  return {
    kind: "digest",
    target: subscription.target,
    tag: deliveryTag("digest", claim.deliveryId),
    async build() {
      const digest = await buildDigest(subscription, claim.slotAt, deps.engine, {
        ...(refusal ? { refusal: (area: string) => refusal(area, subscription.target) } : {}),
        ...(deps.settings.moverThreshold !== undefined
          ? { moverThreshold: deps.settings.moverThreshold }
          : {}),
        ...(deps.goals ? { goals: deps.goals } : {}),
      });
      if (!subscription.quiet || digest.movers.length > 0) {
        return (senders, tag) => senders.digests.send(subscription.target, digest, tag);
      }
      const note = await quietNote(deps.db, subscription, claim.slotAt);
      return note === undefined
        ? null
        : (senders, tag) => senders.digests.sendNotice(subscription.target, note, tag);
    },
    noticeText: (attempts, code) => failureNoticeText(subscription, claim.slotAt, attempts, code),
  };
}

/** Sends the claimed slot's digest once and records what happened. Never throws for a failed send. */
export function deliverClaim(
  claim: Claim,
  subscription: Subscription,
  at: Date,
  deps: DeliverDeps,
): Promise<DeliveryOutcome> {
  return deliverLedgerMessage(claim, digestMessage(claim, subscription, deps), at, deps);
}
