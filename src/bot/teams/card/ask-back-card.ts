/** "Did you mean …?" for a doubtful plain question, as a card: the line, and a button per reading that asks it. */
import type { AnswerAction } from "../../../answer/actions.js";
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION } from "./adaptive-card-types.js";
import { type CardMessage, cardMessage } from "./answer-message.js";
import { cardActions } from "./card-actions.js";

export function askBackMessage(text: string, actions: readonly AnswerAction[]): CardMessage {
  return cardMessage({
    type: "AdaptiveCard",
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    fallbackText: text,
    body: [{ type: "TextBlock", text, wrap: true }],
    actions: cardActions(actions),
  });
}
