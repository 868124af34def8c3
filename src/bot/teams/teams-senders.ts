/**
 * Scheduled messages into Teams through stored conversation references (proactive
 * messages): a digest is one message with one Adaptive Card per area (at most one chart
 * each, dropped when the message would pass Teams' size limit); an alert is its heading
 * and a card listing its products; notes are text. Digests and alerts carry their delivery
 * tag hidden in a card (card/delivery-tag.ts), which `sent` finds again through Microsoft
 * Graph (graph/sent-finder.ts) when one is configured.
 * Failures are thrown as DeliveryErrors; an unknown conversation cannot be fixed by retrying.
 */
import type { Answer } from "../../answer/answer.js";
import { isUserError } from "../../errors.js";
import { moverLine } from "../../render/mover-text.js";
import { DeliveryError } from "../../schedule/delivery-error.js";
import type { Digest } from "../../schedule/digest.js";
import type { DeliveryTag, PlatformSenders, SendResult, SentFinder } from "../../schedule/senders.js";
import type { AnswerMessage } from "./card/answer-message.js";
import { taggedCardAttachment, withTag } from "./card/delivery-tag.js";
import { metricAlertAnswer, withAlertButtons } from "./card/metric-alert-card.js";
import { stockAlertActivity } from "./card/stock-alert-card.js";
import { statusOf } from "./delivery/retry-policy.js";
import type { ProactiveMessage, ProactiveResult } from "./proactive/proactive-sender.js";

/** What the Teams senders use of the opened platform. */
export interface TeamsOutbox {
  /** Posts a message (text or activity) into a stored conversation (`teams:<conversation id>`). */
  sendProactive(conversationId: string, message: ProactiveMessage): Promise<ProactiveResult>;
  /** The card message for an answer (its charts drawn), ready for sendProactive. */
  messageForAnswer(answer: Answer): Promise<AnswerMessage>;
  /** ISO 4217 code for the figures written in text (a digest's movers). */
  readonly currency: string;
}

/** Teams' message size limit less room for the connector's envelope (see answer-message.ts). */
export const DIGEST_MAX_BYTES = 96 * 1024;

function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (isUserError(error))
    return new DeliveryError(error.code, error.message, { retryable: false, cause: error });
  const status = statusOf(error);
  const permanent = status === 401 || status === 403 || status === 404;
  return new DeliveryError(
    status ? `http_${status}` : "teams_error",
    `Teams: ${status ?? (error as Error).message}`,
    {
      retryable: !permanent,
      cause: error,
    },
  );
}

async function digestActivity(
  outbox: TeamsOutbox,
  digest: Digest,
  withCharts: boolean,
  tag: DeliveryTag,
): Promise<object> {
  const cards = await Promise.all(
    digest.answers.map(async (answer: Answer) => {
      const trimmed = { ...answer, charts: withCharts ? answer.charts.slice(0, 1) : [] };
      return (await outbox.messageForAnswer(trimmed)).activity.attachments[0];
    }),
  );
  const problems = digest.problems.map((p) => `\n\n**${p.area}**: ${p.message}`).join("");
  const movers = digest.movers
    .map((m) => {
      const { head, why } = moverLine(m, outbox.currency);
      return `\n\n- **${head}**${why ? ` ${why}` : ""}`;
    })
    .join("");
  const moved = movers === "" ? "" : `\n\n**What moved**${movers}`;
  const [first, ...rest] = cards;
  return {
    type: "message",
    text: `**${digest.heading}** · ${digest.title}${moved}${problems}`,
    attachmentLayout: "list",
    attachments: first ? [withTag(first, tag), ...rest] : [taggedCardAttachment([], digest.heading, tag)],
  };
}

export function createTeamsSenders(outbox: TeamsOutbox, sent?: SentFinder): PlatformSenders {
  const send = async (conversationId: string, message: ProactiveMessage): Promise<SendResult> => {
    try {
      const result = await outbox.sendProactive(conversationId, message);
      if (!result.id)
        throw new DeliveryError("no_message_id", "Teams returned no activity id", { retryable: false });
      return { messageId: result.id };
    } catch (error) {
      throw toDeliveryError(error);
    }
  };
  return {
    digests: {
      async send(target, digest, tag) {
        let activity = await digestActivity(outbox, digest, true, tag);
        if (Buffer.byteLength(JSON.stringify(activity)) > DIGEST_MAX_BYTES) {
          activity = await digestActivity(outbox, digest, false, tag);
        }
        return send(target.id, activity);
      },
      sendNotice: (target, text) => send(target.id, text),
    },
    alerts: {
      sendAlert: (target, alert, tag) => send(target.id, stockAlertActivity(alert, tag)),
      // The recovery note replies to the alert (in a channel: in the alert's thread).
      sendRecovery: (target, threadId, note) =>
        send(target.id, { type: "message", text: note.text, ...(threadId ? { replyToId: threadId } : {}) }),
      async sendMetricAlert(target, message, tag) {
        if (message.event !== "firing") {
          return send(target.id, {
            type: "message",
            textFormat: "markdown",
            text: message.heading,
            attachments: [taggedCardAttachment([], message.text, tag)],
            ...(message.threadId ? { replyToId: message.threadId } : {}),
          });
        }
        const card = (await outbox.messageForAnswer(metricAlertAnswer(message))).activity;
        const tagged = withAlertButtons(card, message.alertId);
        const [attachment] = tagged.attachments;
        return send(target.id, { ...tagged, text: message.heading, attachments: [withTag(attachment, tag)] });
      },
    },
    ...(sent ? { sent } : {}),
  };
}
