/**
 * The seam between the scheduler and the chat platforms. The scheduler decides what is
 * sent when, exactly once; a platform sender only renders and posts. Each method resolves
 * with the platform's message id (Slack `ts`, Teams activity id) once the platform has
 * accepted the message, and throws a DeliveryError for anything else (Slack `ok:false`,
 * HTTP errors, timeouts). A sender bounds its own time (no 30-minute client retries):
 * well under DELIVERY_STALE_MINUTES, after which another replica takes the delivery over.
 * Every message carries its delivery tag where the platform can store one (Slack message
 * metadata), so that a replica taking a delivery over can find a message its dead owner
 * posted but never recorded, instead of posting a second copy.
 */
import type { LowStockAlert, RecoveryNote } from "./alert-message.js";
import { DeliveryError } from "./delivery-error.js";
import type { Digest } from "./digest.js";
import type { MetricAlertMessage } from "./metric-alert-message.js";
import { type Target, targetToText } from "./target.js";

export interface SendResult {
  /** Slack `ts` or Teams activity id: what a thread reply or an update refers to. */
  readonly messageId: string;
}

/** What identifies one scheduled message among the bot's messages: "digest-42", "notice-42". */
export type DeliveryTag = string;

export const deliveryTag = (
  kind: "digest" | "notice" | "alert" | "recovery" | "kpi-alert",
  id: string | number,
) => `${kind}-${id}`;

export interface DigestSender {
  /** Posts one digest as one message (one section per area, at most one chart each). */
  send(target: Target, digest: Digest, tag: DeliveryTag): Promise<SendResult>;
  /** Posts a short plain-text notice (a digest that could not be delivered). */
  sendNotice(target: Target, text: string, tag: DeliveryTag): Promise<SendResult>;
}

export interface AlertSender {
  /** Posts one low-stock alert listing its items, with a snooze (24 h) button where the platform has one. */
  sendAlert(target: Target, alert: LowStockAlert, tag: DeliveryTag): Promise<SendResult>;
  /** Posts a recovery note as a reply in the alert's thread (threadId = the alert's message id). */
  sendRecovery(target: Target, threadId: string, note: RecoveryNote, tag: DeliveryTag): Promise<SendResult>;
  /**
   * Posts a message of an alert on a KPI: the firing message (facts, the chart of its last
   * windows, Snooze 24 h / Mute / Open as question), a reminder or "no data" note, or the
   * resolved note as a reply to the firing message (`message.threadId`) where it has one.
   */
  sendMetricAlert(target: Target, message: MetricAlertMessage, tag: DeliveryTag): Promise<SendResult>;
}

/** How far before the first post a lookup reaches back: replicas' and the platform's clocks differ a little. */
export const LOOKBACK_MARGIN_MS = 5 * 60_000;

export interface SentFinder {
  /**
   * The top-level message tagged `tag` posted in `target` since `since`, or undefined when
   * the platform says there is none. Throws a DeliveryError when it cannot tell (missing
   * scope, rate limit, too many messages to read): never "not found" on a guess.
   */
  findSent(target: Target, tag: DeliveryTag, since: Date): Promise<SendResult | undefined>;
}

export interface PlatformSenders {
  readonly digests: DigestSender;
  readonly alerts: AlertSender;
  /** Absent when the platform lets the bot read nothing back (Teams): a takeover posts again. */
  readonly sent?: SentFinder;
  /**
   * The least time between two scheduled posts into one channel, for the platform's rate limit
   * (Slack: about one message per second per channel); a tick paces its digests to one target
   * by it. No pacing when absent.
   */
  readonly postGapMs?: number;
}

/** The senders of the platforms that are on, by platform name. */
export type Senders = Readonly<Record<string, PlatformSenders>>;

/** The senders for a target's platform, or a non-retryable DeliveryError `no_sender`. */
export function sendersFor(senders: Senders, target: Target): PlatformSenders {
  const found = Object.hasOwn(senders, target.platform) ? senders[target.platform] : undefined;
  if (!found) {
    throw new DeliveryError(
      "no_sender",
      `No ${target.platform} sender is configured for ${targetToText(target)}.`,
      { retryable: false },
    );
  }
  return found;
}

/** A sender's result must carry a message id; anything else is not a success. */
export function checkedResult(result: SendResult | undefined): SendResult {
  if (!result || typeof result.messageId !== "string" || result.messageId === "") {
    throw new DeliveryError("no_message_id", "The sender returned no message id.", { retryable: false });
  }
  return result;
}
