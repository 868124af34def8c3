/**
 * What the bot does with each inbound activity (an ActivityHandler of the Agents SDK):
 * messages and card buttons are answered through the shared chat request (answers as
 * Adaptive Cards, help and errors as short text); installs, membersAdded and every message
 * store the conversation reference for proactive messages; an uninstall forgets it.
 */
import { Activity } from "@microsoft/agents-activity";
import { ActivityHandler, type TurnContext } from "@microsoft/agents-hosting";
import type { Answer } from "../../answer/answer.js";
import type { QueryCommand } from "../../commands/parse.js";
import { isUserError } from "../../errors.js";
import type { Logger } from "../../log.js";
import { answerChatRequest, type ChatRequestDeps } from "../chat-request.js";
import type { AnswerMessage } from "./card/answer-message.js";
import { isCardSubmit, submittedCommand } from "./card/card-actions.js";
import { baseConversationId, commandTextOf } from "./message-text.js";
import { type ConversationStore, conversationOf } from "./proactive/conversation-store.js";

export const WELCOME_TEXT =
  "Hi! I answer marketing KPIs from the reporting database. Try `campaigns last-30d`, `orders mtd vs last-year` or `help`.";
export const STALE_BUTTON_TEXT =
  "That button belongs to a card I can no longer run. Ask again, e.g. `campaigns last-30d`.";

export interface TeamsTurnDeps extends ChatRequestDeps {
  readonly log: Logger;
  readonly conversations: ConversationStore;
  readonly answerMessage: (answer: Answer, query: QueryCommand) => Promise<AnswerMessage>;
  /** Background work (reference writes) that stop() waits for. */
  readonly track: (work: Promise<unknown>) => void;
}

/** Stores the activity's conversation reference; failures are logged, never shown. */
function remember(activity: Activity, deps: TeamsTurnDeps): Promise<void> {
  const conversation = conversationOf(activity);
  if (!conversation) return Promise.resolve();
  const work = deps.conversations.remember(conversation).catch((err: unknown) => {
    deps.log.warn(
      { platform: "teams", err, conversation: conversation.conversationId },
      "could not store the Teams conversation reference",
    );
  });
  deps.track(work);
  return work;
}

/** The command a message asks for: typed text, or the command a card button carries. */
function commandOf(activity: Activity): { text: string; fromButton: boolean } | { reply: string } {
  const value = activity.value;
  if (value === undefined || value === null) return { text: commandTextOf(activity), fromButton: false };
  if (!isCardSubmit(value)) return { reply: STALE_BUTTON_TEXT };
  try {
    const text = submittedCommand(value);
    return text ? { text, fromButton: true } : { reply: STALE_BUTTON_TEXT };
  } catch (error) {
    if (isUserError(error)) return { reply: error.message };
    throw error;
  }
}

/** The tenant (for the audit) and the team (for the access policy) of an activity, when known. */
function teamsPlace(activity: Activity): { workspaceId?: string; teamId?: string } {
  const data = (activity.channelData ?? {}) as { team?: { id?: unknown }; tenant?: { id?: unknown } };
  const tenant = activity.conversation?.tenantId ?? data.tenant?.id;
  const team = data.team?.id;
  return {
    ...(typeof tenant === "string" && tenant ? { workspaceId: tenant } : {}),
    ...(typeof team === "string" && team ? { teamId: team } : {}),
  };
}

async function answerMessageActivity(context: TurnContext, deps: TeamsTurnDeps): Promise<void> {
  const activity = context.activity;
  const command = commandOf(activity);
  if ("reply" in command) {
    await context.sendActivity(command.reply);
    return;
  }
  const reply = await answerChatRequest(
    {
      text: command.text,
      platform: "teams",
      channelId: baseConversationId(activity.conversation?.id ?? ""),
      userId: activity.from?.aadObjectId ?? activity.from?.id ?? "",
      ...teamsPlace(activity),
    },
    deps,
  );
  if (reply.kind !== "answer") {
    await context.sendActivity(reply.text);
    return;
  }
  const message = await deps.answerMessage(reply.answer, reply.query);
  deps.log.debug(
    { platform: "teams", bytes: message.bytes, inline: message.inlineCharts, linked: message.linkedCharts },
    "Teams card",
  );
  if (command.fromButton && activity.replyToId) {
    try {
      await context.updateActivity(Activity.fromObject({ ...message.activity, id: activity.replyToId }));
      return;
    } catch (err) {
      deps.log.warn({ platform: "teams", err }, "could not update the card in place; sending a new one");
    }
  }
  await context.sendActivity(Activity.fromObject(message.activity));
}

export function createTeamsHandler(deps: TeamsTurnDeps): ActivityHandler {
  const handler = new ActivityHandler();
  handler.onMessage(async (context, next) => {
    const stored = remember(context.activity, deps);
    await answerMessageActivity(context, deps);
    await stored;
    await next();
  });
  handler.onConversationUpdate(async (context, next) => {
    await remember(context.activity, deps);
    await next();
  });
  handler.onMembersAdded(async (context, next) => {
    const botId = context.activity.recipient?.id;
    if (botId && context.activity.membersAdded?.some((member) => member.id === botId)) {
      await context.sendActivity(WELCOME_TEXT);
    }
    await next();
  });
  handler.onInstallationUpdateAdd(async (context, next) => {
    await remember(context.activity, deps);
    await next();
  });
  handler.onInstallationUpdateRemove(async (context, next) => {
    const id = context.activity.conversation?.id;
    if (id) {
      const work = deps.conversations.forget(id).catch((err: unknown) => {
        deps.log.warn({ platform: "teams", err }, "could not forget the Teams conversation reference");
      });
      deps.track(work);
      await work;
    }
    await next();
  });
  return handler;
}
