/**
 * The command in a Teams message: `kpi campaigns last-30d`, `@KPI Bot campaigns last-30d`
 * in a channel or group chat, or just `campaigns last-30d` in a 1:1 chat. The bot's own
 * mention is removed with the SDK's helper, leftover `<at>` tags and markup are dropped and
 * HTML entities decoded; the command parser accepts the optional `kpi` itself.
 */
import type { Activity } from "@microsoft/agents-activity";

const ENTITIES: Readonly<Record<string, string>> = {
  "&nbsp;": " ",
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&apos;": "'",
};

export function commandTextOf(activity: Activity): string {
  activity.removeRecipientMention();
  return (activity.text ?? "")
    .replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(?:nbsp|amp|lt|gt|quot|apos|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
}

/** A channel thread's conversation id is the channel's plus `;messageid=<root>`: the channel part. */
export function baseConversationId(conversationId: string): string {
  return conversationId.split(";messageid=")[0] ?? conversationId;
}
