/**
 * Scheduled messages carry their delivery tag in Slack message metadata
 * (chat.postMessage `metadata`: event_type + event_payload), and are found again by it in
 * the channel's history (conversations.history with include_all_metadata, from `oldest`,
 * newest first). Reading history needs the channels:history / groups:history scopes.
 * https://docs.slack.dev/messaging/message-metadata
 */
import type { webApi } from "@slack/bolt";
import { DeliveryError } from "../../schedule/delivery-error.js";
import type { DeliveryTag, SendResult } from "../../schedule/senders.js";

export const DELIVERY_EVENT_TYPE = "kpi_delivery";
/** Messages read per history call, and calls at most per lookup (Slack allows up to 999 per page). */
export const HISTORY_PAGE = 200;
export const HISTORY_PAGES = 5;

export function deliveryMetadata(tag: DeliveryTag) {
  return { event_type: DELIVERY_EVENT_TYPE, event_payload: { delivery_id: tag } };
}

/** Slack `ts` for an instant: seconds with six decimals. */
const slackTs = (at: Date) => (at.getTime() / 1000).toFixed(6);

/**
 * The message in `channel` tagged `tag` posted since `since`, undefined when Slack lists
 * none; API errors are thrown as they come (the caller classifies them).
 */
export async function findTagged(
  client: webApi.WebClient,
  channel: string,
  tag: DeliveryTag,
  since: Date,
): Promise<SendResult | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page++) {
    const result = await client.conversations.history({
      channel,
      oldest: slackTs(since),
      limit: HISTORY_PAGE,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    });
    const hit = result.messages?.find(
      (m) =>
        m.metadata?.event_type === DELIVERY_EVENT_TYPE &&
        (m.metadata.event_payload as Record<string, unknown> | undefined)?.delivery_id === tag,
    );
    if (hit?.ts) return { messageId: hit.ts };
    cursor = result.response_metadata?.next_cursor;
    if (!result.has_more || !cursor) return undefined;
  }
  throw new DeliveryError(
    "lookup_incomplete",
    `More than ${HISTORY_PAGE * HISTORY_PAGES} messages since ${since.toISOString()}; not read to the end.`,
  );
}
