/**
 * Scheduled messages into Slack (digests, notices, low-stock alerts, recovery notes and alerts on a KPI).
 * The delivery ledger retries, so the Web API client does not: rate limits are rejected
 * at once with their Retry-After, and every failure (ok:false, HTTP, timeout) is thrown as
 * a DeliveryError, never returned as a success. Every message carries its delivery tag in
 * its metadata, and `sent` finds a tagged message again (delivery-metadata.ts).
 */
import { webApi } from "@slack/bolt";
import type { ChartRenderer } from "../../charts/chart-renderer.js";
import type { Logger } from "../../log.js";
import { DeliveryError } from "../../schedule/delivery-error.js";
import type { DeliveryTag, PlatformSenders, SendResult } from "../../schedule/senders.js";
import type { Target } from "../../schedule/target.js";
import { alertToBlocks } from "./alert-blocks.js";
import { chartFile, chartFiles } from "./chart-files.js";
import { webClientOptions } from "./client-options.js";
import { deliveryMetadata, findTagged } from "./delivery-metadata.js";
import { digestToBlocks } from "./digest-blocks.js";
import { metricAlertToBlocks } from "./metric-alert-blocks.js";
import type { SlackConfig } from "./slack-config.js";
import { slackErrorCode } from "./slack-errors.js";
import { type OutgoingFile, uploadFiles } from "./upload-files.js";

/** Errors no retry can fix: the delivery is recorded failed at once. */
const PERMANENT = new Set([
  "not_in_channel",
  "channel_not_found",
  "is_archived",
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "missing_scope",
  "invalid_blocks",
  "msg_too_long",
]);

/**
 * Scheduled posts into one channel are at least this far apart: chat.postMessage allows about
 * one message per second per channel (https://api.slack.com/methods/chat.postMessage#rate_limiting),
 * with a margin for the time a request takes to reach Slack.
 */
export const SLACK_CHANNEL_POST_GAP_MS = 1_250;

export function toDeliveryError(error: unknown): DeliveryError {
  const code = slackErrorCode(error);
  const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
  return new DeliveryError(code, `Slack: ${code}`, {
    retryable: !PERMANENT.has(code),
    ...(typeof retryAfter === "number" ? { retryAfterMs: retryAfter * 1000 } : {}),
    cause: error,
  });
}

export function createSlackSenders(
  slack: SlackConfig,
  currency: string,
  charts: ChartRenderer,
  log: Logger,
): PlatformSenders {
  const client = new webApi.WebClient(slack.botToken, {
    ...webClientOptions(slack.apiUrl, log),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const post = async (args: webApi.ChatPostMessageArguments, tag: DeliveryTag): Promise<SendResult> => {
    try {
      const result = await client.chat.postMessage({
        unfurl_links: false,
        unfurl_media: false,
        ...args,
        metadata: deliveryMetadata(tag),
      });
      if (!result.ok || !result.ts) throw new DeliveryError("no_ts", "Slack returned no message ts");
      return { messageId: result.ts };
    } catch (error) {
      throw error instanceof DeliveryError ? error : toDeliveryError(error);
    }
  };
  const channel = (target: Target) => target.id;

  return {
    postGapMs: SLACK_CHANNEL_POST_GAP_MS,
    digests: {
      async send(target, digest, tag) {
        const message = digestToBlocks(digest, currency);
        const posted = await post(
          { channel: channel(target), text: message.text, blocks: message.blocks },
          tag,
        );
        // At most one chart per area, in the digest's thread. The digest is delivered once
        // posted: charts that cannot be drawn or uploaded are logged, never a failed delivery.
        let files: OutgoingFile[];
        try {
          const perArea = digest.answers.map((answer) =>
            chartFiles({ ...answer, charts: answer.charts.slice(0, 1) }, currency, charts),
          );
          files = (await Promise.all(perArea)).flat();
        } catch (error) {
          log.error({ platform: "slack", channel: target.id, err: error }, "digest charts not rendered");
          return posted;
        }
        if (files.length > 0) {
          await uploadFiles(client, { channelId: channel(target), threadTs: posted.messageId }, files).catch(
            (error) =>
              log.warn(
                { platform: "slack", channel: target.id, slackError: slackErrorCode(error) },
                "digest charts not uploaded",
              ),
          );
        }
        return posted;
      },
      sendNotice: (target, text, tag) => post({ channel: channel(target), text }, tag),
    },
    alerts: {
      sendAlert: (target, alert, tag) => post({ channel: channel(target), ...alertToBlocks(alert) }, tag),
      sendRecovery: (target, threadId, note, tag) =>
        post({ channel: channel(target), thread_ts: threadId, text: note.text }, tag),
      async sendMetricAlert(target, message, tag) {
        const posted = await post(
          {
            channel: channel(target),
            ...(message.threadId ? { thread_ts: message.threadId } : {}),
            ...metricAlertToBlocks(message),
          },
          tag,
        );
        // The chart of the last windows, in the alert's thread; the alert is delivered once
        // posted, a chart that cannot be drawn or uploaded is logged.
        const chart = message.chart;
        if (chart) {
          await chartFile(chart, `alert-${message.alertId}.png`, currency, charts)
            .then((file) =>
              uploadFiles(client, { channelId: channel(target), threadTs: posted.messageId }, [file]),
            )
            .catch((error) =>
              log.warn(
                {
                  platform: "slack",
                  channel: target.id,
                  alert: message.alertId,
                  slackError: slackErrorCode(error),
                },
                "alert chart not posted",
              ),
            );
        }
        return posted;
      },
    },
    sent: {
      async findSent(target, tag, since) {
        try {
          return await findTagged(client, channel(target), tag, since);
        } catch (error) {
          throw error instanceof DeliveryError ? error : toDeliveryError(error);
        }
      },
    },
  };
}
