/**
 * The seam between the scheduler and the chat platforms. The scheduler decides what is
 * sent when, exactly once; a platform sender only renders and posts. Each method resolves
 * with the platform's message id (Slack `ts`, Teams activity id) once the platform has
 * accepted the message, and throws a DeliveryError for anything else (Slack `ok:false`,
 * HTTP errors, timeouts). A sender bounds its own time (no 30-minute client retries):
 * well under DELIVERY_STALE_MINUTES, after which another replica takes the delivery over.
 */
import type { LowStockAlert, RecoveryNote } from "./alert-message.js";
import { DeliveryError } from "./delivery-error.js";
import type { Digest } from "./digest.js";
import { type Target, targetToText } from "./target.js";

export interface SendResult {
  /** Slack `ts` or Teams activity id: what a thread reply or an update refers to. */
  readonly messageId: string;
}

export interface DigestSender {
  /** Posts one digest as one message (one section per area, at most one chart each). */
  send(target: Target, digest: Digest): Promise<SendResult>;
  /** Posts a short plain-text notice (a digest that could not be delivered). */
  sendNotice(target: Target, text: string): Promise<SendResult>;
}

export interface AlertSender {
  /** Posts one low-stock alert listing its items, with a snooze (24 h) button where the platform has one. */
  sendAlert(target: Target, alert: LowStockAlert): Promise<SendResult>;
  /** Posts a recovery note as a reply in the alert's thread (threadId = the alert's message id). */
  sendRecovery(target: Target, threadId: string, note: RecoveryNote): Promise<SendResult>;
}

export interface PlatformSenders {
  readonly digests: DigestSender;
  readonly alerts: AlertSender;
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
