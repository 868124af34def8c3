/**
 * Proactive messages (digests, alerts): look up the stored conversation reference and post
 * into that conversation through the adapter — a new message, not a reply to anything,
 * unless the message names the activity it answers (`replyToId`: an alert's resolved note).
 * In a channel such a reply goes into the thread of that message: the conversation is
 * addressed as `<channel id>;messageid=<root message id>`, as Teams names a channel thread
 * (https://learn.microsoft.com/dotnet/api/microsoft.teams.apps.teamsbotapplication.replyasync);
 * chats have no threads, so there it stays a message that names what it replies to.
 * Failures reach the caller (they are not turned into chat messages).
 */
import { Activity } from "@microsoft/agents-activity";
import { UserError } from "../../../errors.js";
import type { TeamsAdapter } from "../teams-adapter.js";
import {
  type ConversationStore,
  type TeamsConversation,
  toConversationReference,
} from "./conversation-store.js";

export type ProactiveMessage = string | Partial<Activity> | object;

export interface ProactiveResult {
  /** The id the connector gave the new message. */
  readonly id: string | undefined;
}

export async function sendProactive(
  deps: { readonly adapter: TeamsAdapter; readonly conversations: ConversationStore },
  conversationId: string,
  message: ProactiveMessage,
): Promise<ProactiveResult> {
  const stored = await deps.conversations.find(conversationId);
  if (!stored) {
    throw new UserError(
      "teams_conversation_unknown",
      `No Teams conversation ${conversationId} is known: install the bot there or message it first.`,
    );
  }
  const replyTo =
    typeof message === "object" && typeof (message as { replyToId?: unknown }).replyToId === "string"
      ? (message as { replyToId: string }).replyToId
      : undefined;
  let id: string | undefined;
  let failure: unknown;
  await deps.adapter.continueStored(threadReference(stored, replyTo), async (context) => {
    // A continuation turn would make the message a reply to a made-up activity id.
    context.onSendActivities(async (_context, activities, next) => {
      for (const activity of activities) {
        if (replyTo) activity.replyToId = replyTo;
        else delete activity.replyToId;
      }
      return next();
    });
    try {
      const response = await context.sendActivity(
        typeof message === "string" ? message : Activity.fromObject(message),
      );
      id = response?.id;
    } catch (error) {
      failure = error;
    }
  });
  if (failure !== undefined) throw failure;
  return { id };
}

/** The conversation a message goes to: a channel's thread when it replies to the thread's root. */
export function threadReference(stored: TeamsConversation, replyTo: string | undefined) {
  const reference = toConversationReference(stored);
  if (!replyTo || stored.conversationType !== "channel") return reference;
  return {
    ...reference,
    conversation: { ...reference.conversation, id: `${stored.conversationId};messageid=${replyTo}` },
  };
}
