/**
 * Slack's Block Kit limits, named, with where they are documented, and the two text
 * helpers every Slack renderer needs: escaping for mrkdwn and cutting text to a limit.
 *
 * https://docs.slack.dev/reference/block-kit/blocks (50 blocks per message, 100 per Home tab)
 * https://docs.slack.dev/reference/block-kit/blocks/section-block (text 3,000, 10 fields of 2,000)
 * https://docs.slack.dev/reference/block-kit/blocks/header-block (150)
 * https://docs.slack.dev/reference/block-kit/blocks/context-block (10 elements)
 * https://docs.slack.dev/reference/block-kit/blocks/actions-block (25 elements)
 * https://docs.slack.dev/reference/block-kit/block-elements/button-element (text 75, value 2,000, action_id 255)
 */

export const MAX_BLOCKS_PER_MESSAGE = 50;
export const MAX_BLOCKS_PER_HOME_VIEW = 100;
export const MAX_SECTION_TEXT_CHARS = 3000;
export const MAX_SECTION_FIELDS = 10;
export const MAX_FIELD_TEXT_CHARS = 2000;
export const MAX_HEADER_CHARS = 150;
export const MAX_CONTEXT_ELEMENTS = 10;
/** A context element is a text object; we keep each one under the field limit to stay clear of the 3,000 cap. */
export const MAX_CONTEXT_TEXT_CHARS = 2000;
export const MAX_ACTIONS_ELEMENTS = 25;
export const MAX_BUTTON_TEXT_CHARS = 75;
export const MAX_BUTTON_VALUE_CHARS = 2000;
export const MAX_ACTION_ID_CHARS = 255;
/** chat.postMessage `text` (the notification and fallback text): https://docs.slack.dev/reference/methods/chat.postMessage */
export const MAX_MESSAGE_TEXT_CHARS = 40_000;
/** files.getUploadURLExternal `alt_text`: https://docs.slack.dev/reference/methods/files.getUploadURLExternal */
export const MAX_ALT_TEXT_CHARS = 1000;

const ELLIPSIS = "…";

/** `text` cut to at most `max` UTF-16 units (Slack's count), ending in "…" when cut; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - ELLIPSIS.length));
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}${ELLIPSIS}`;
}

/** Escapes the three characters Slack mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** Undoes Slack's escaping of incoming message text (`&amp;` → `&`). */
export function unescapeSlackText(text: string): string {
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

/**
 * Data text (titles, labels, notes) for mrkdwn: escaped and cut, escaping first so the
 * limit holds for what Slack receives; a stray ``` in the data cannot open a code block.
 */
export function mrkdwn(text: string, max: number): string {
  return truncateEscaped(escapeMrkdwn(text.replaceAll("```", "'''")), max);
}

/** Cuts escaped text without leaving half an entity (`&am…`) behind. */
export function truncateEscaped(escaped: string, max: number): string {
  const cut = truncate(escaped, max);
  if (cut === escaped) return cut;
  return cut.replace(/&[a-z]{0,3}…$/u, ELLIPSIS);
}
