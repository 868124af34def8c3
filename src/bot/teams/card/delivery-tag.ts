/**
 * Scheduled Teams messages carry their delivery tag in an Adaptive Card: a hidden TextBlock
 * whose id names the tag. Microsoft Graph returns a bot message's card as the JSON text of
 * `chatMessage.attachments[].content`, so the tag is found again there (graph/sent-finder.ts).
 * https://learn.microsoft.com/graph/api/resources/chatmessageattachment
 */
import type { DeliveryTag } from "../../../schedule/senders.js";
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  type AdaptiveCard,
  type CardElement,
  type TextBlock,
} from "./adaptive-card-types.js";

const TAG_ID_PREFIX = "kpi-delivery:";

export function tagElement(tag: DeliveryTag): TextBlock {
  return { type: "TextBlock", id: `${TAG_ID_PREFIX}${tag}`, text: tag, isVisible: false };
}

/** A card attachment of `elements` with the tag hidden at its end. */
export function taggedCardAttachment(
  elements: readonly CardElement[],
  fallbackText: string,
  tag: DeliveryTag,
) {
  const card: AdaptiveCard = {
    type: "AdaptiveCard",
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    fallbackText,
    body: [...elements, tagElement(tag)],
  };
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

/** The tag's element added to an attachment's card (a copy). */
export function withTag<T extends { content: AdaptiveCard }>(attachment: T, tag: DeliveryTag): T {
  return {
    ...attachment,
    content: { ...attachment.content, body: [...attachment.content.body, tagElement(tag)] },
  };
}

/** Whether a Graph attachment (card JSON as text) carries `tag`. */
export function attachmentHasTag(attachment: { contentType?: unknown; content?: unknown }, tag: DeliveryTag) {
  if (attachment.contentType !== ADAPTIVE_CARD_CONTENT_TYPE || typeof attachment.content !== "string")
    return false;
  let card: { body?: unknown };
  try {
    card = JSON.parse(attachment.content) as { body?: unknown };
  } catch {
    return false;
  }
  const id = `${TAG_ID_PREFIX}${tag}`;
  return Array.isArray(card.body) && card.body.some((e) => (e as { id?: unknown } | null)?.id === id);
}
