/**
 * Scheduled messages into Teams through stored conversation references (proactive
 * messages): a digest is one message with one Adaptive Card per area (at most one chart
 * each, dropped when the message would pass Teams' size limit); alerts and notes are text.
 * Failures are thrown as DeliveryErrors; an unknown conversation cannot be fixed by retrying.
 */
import type { Answer } from "../../answer/answer.js";
import { isUserError } from "../../errors.js";
import { coverText } from "../../schedule/alert-message.js";
import { DeliveryError } from "../../schedule/delivery-error.js";
import type { Digest } from "../../schedule/digest.js";
import type { PlatformSenders, SendResult } from "../../schedule/senders.js";
import type { AnswerMessage } from "./card/answer-message.js";
import { statusOf } from "./delivery/retry-policy.js";
import type { ProactiveMessage, ProactiveResult } from "./proactive/proactive-sender.js";

/** What the Teams senders use of the opened platform. */
export interface TeamsOutbox {
  /** Posts a message (text or activity) into a stored conversation (`teams:<conversation id>`). */
  sendProactive(conversationId: string, message: ProactiveMessage): Promise<ProactiveResult>;
  /** The card message for an answer (its charts drawn), ready for sendProactive. */
  messageForAnswer(answer: Answer): Promise<AnswerMessage>;
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

async function digestActivity(outbox: TeamsOutbox, digest: Digest, withCharts: boolean): Promise<object> {
  const cards = digest.answers.map(async (answer: Answer) => {
    const trimmed = { ...answer, charts: withCharts ? answer.charts.slice(0, 1) : [] };
    return (await outbox.messageForAnswer(trimmed)).activity.attachments[0];
  });
  const problems = digest.problems.map((p) => `\n\n**${p.area}**: ${p.message}`).join("");
  return {
    type: "message",
    text: `**${digest.heading}** · ${digest.title}${problems}`,
    attachmentLayout: "list",
    attachments: await Promise.all(cards),
  };
}

export function createTeamsSenders(outbox: TeamsOutbox): PlatformSenders {
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
      async send(target, digest) {
        let activity = await digestActivity(outbox, digest, true);
        if (Buffer.byteLength(JSON.stringify(activity)) > DIGEST_MAX_BYTES) {
          activity = await digestActivity(outbox, digest, false);
        }
        return send(target.id, activity);
      },
      sendNotice: (target, text) => send(target.id, text),
    },
    alerts: {
      sendAlert(target, alert) {
        const lines = alert.items.map(
          (i) =>
            `- **${i.product}** (${i.sku}): stock ${i.stock}, reorder level ${i.reorderLevel}, ${coverText(i.daysOfCover)}`,
        );
        const heading = `${alert.mention ? `${alert.mention} ` : ""}⚠️ ${alert.items.length} product(s) at or below reorder level`;
        return send(target.id, {
          type: "message",
          textFormat: "markdown",
          text: [heading, ...lines].join("\n\n"),
        });
      },
      sendRecovery: (target, _threadId, note) => send(target.id, note.text),
    },
  };
}
