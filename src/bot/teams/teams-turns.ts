/**
 * What the bot does with each inbound activity (an ActivityHandler of the Agents SDK):
 * messages and card buttons are answered through the shared chat request (answers as
 * Adaptive Cards, CSV downloads as links, help and errors as short text; "the data source is
 * slow" first when the data takes long); installs,
 * membersAdded and every message store the conversation reference for proactive messages;
 * an uninstall forgets it.
 */

import { Activity } from "@microsoft/agents-activity";
import { ActivityHandler, type TurnContext } from "@microsoft/agents-hosting";
import type { ActionKind } from "../../answer/actions.js";
import type { Answer } from "../../answer/answer.js";
import { STALE_ACTION_TEXT } from "../../commands/action-payload.js";
import { isUserError } from "../../errors.js";
import type { Logger } from "../../log.js";
import { type Admission, admit } from "../admission.js";
import type { AlertButtonHandler, AlertPress } from "../chat-platform.js";
import type { Ask, ChatHandler } from "../chat-request.js";
import { noticeAfter, SLOW_DATA_TEXT } from "../delayed-notice.js";
import type { AnswerMessage } from "./card/answer-message.js";
import { askBackMessage } from "./card/ask-back-card.js";
import { decodeSubmit, isCardSubmit } from "./card/card-actions.js";
import { decodeAlertSubmit, isAlertCardAction } from "./card/metric-alert-card.js";
import { baseConversationId, commandTextOf } from "./message-text.js";
import { type ConversationStore, conversationOf } from "./proactive/conversation-store.js";

export const WELCOME_TEXT =
  "Hi! I answer marketing KPIs from the reporting database. Try `campaigns last-30d`, `orders mtd vs last-year` or `help`.";
export const STALE_BUTTON_TEXT = STALE_ACTION_TEXT;

export interface TeamsTurnDeps {
  readonly chat: ChatHandler;
  /** Sheds what does not fit (told "busy" at once). */
  readonly admission: Admission;
  readonly log: Logger;
  readonly conversations: ConversationStore;
  readonly answerMessage: (answer: Answer) => Promise<AnswerMessage>;
  /** A message with links to the answer's tables as CSV (the "Download CSV" button). */
  readonly csvMessage: (answer: Answer) => Promise<object | string>;
  /** Background work (reference writes) that stop() waits for. */
  readonly track: (work: Promise<unknown>) => void;
  /** Wait before telling the asker the data source is slow (SLOW_DATA_NOTICE_MS). */
  readonly slowNoticeMs: number;
  /** Snooze 24 h or Mute pressed on an alert on a KPI; returns the reply for the presser. */
  readonly alertButton?: AlertButtonHandler;
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

/** A message's ask (and which button, if one was pressed), or a reply that ends the turn. */
type Asked =
  | { readonly ask: Ask; readonly button?: ActionKind; readonly keepCard?: boolean }
  | { readonly reply: string };

/** What a message asks for: typed text, or the query a card button carries. */
function askOf(activity: Activity): Asked {
  const value = activity.value;
  if (value === undefined || value === null) return { ask: { text: commandTextOf(activity) } };
  if (!isCardSubmit(value)) return { reply: STALE_BUTTON_TEXT };
  try {
    const action = decodeSubmit(value);
    if (!action) return { reply: STALE_BUTTON_TEXT };
    // A button on an alert's card answers in a new message: the alert stays as it was posted.
    return { ask: { query: action.query }, button: action.kind, keepCard: isAlertCardAction(value) };
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

/** An alert's Snooze 24 h or Mute button, for the conversation it was pressed in. */
async function pressAlertButton(
  context: TurnContext,
  press: Pick<AlertPress, "action" | "alertId">,
  deps: TeamsTurnDeps,
): Promise<void> {
  const activity = context.activity;
  if (!deps.alertButton) {
    await context.sendActivity(STALE_BUTTON_TEXT);
    return;
  }
  const userId = activity.from?.aadObjectId ?? activity.from?.id ?? "";
  deps.log.info(
    { platform: "teams", user: userId, alert: press.alertId, action: press.action },
    "alert button",
  );
  const channelId = baseConversationId(activity.conversation?.id ?? "");
  await context.sendActivity(await deps.alertButton({ ...press, platform: "teams", channelId, userId }));
}

async function answerMessageActivity(context: TurnContext, deps: TeamsTurnDeps): Promise<void> {
  const activity = context.activity;
  const press = decodeAlertSubmit(activity.value);
  if (press) {
    await pressAlertButton(context, press, deps);
    return;
  }
  const asked = askOf(activity);
  if ("reply" in asked) {
    await context.sendActivity(asked.reply);
    return;
  }
  await admit(deps.admission, {
    accept: async () => undefined,
    refuse: async (text) => {
      await context.sendActivity(text);
    },
    work: () => answerAsked(context, asked, deps),
  });
}

/** The ask through the shared chat request, and its reply as a message, a card or CSV links. */
async function answerAsked(
  context: TurnContext,
  asked: { readonly ask: Ask; readonly button?: ActionKind; readonly keepCard?: boolean },
  deps: TeamsTurnDeps,
): Promise<void> {
  const activity = context.activity;
  const slow = noticeAfter(deps.slowNoticeMs, SLOW_DATA_TEXT, (text) =>
    context.sendActivity(text).catch((err: unknown) => {
      deps.log.warn({ platform: "teams", err }, "could not tell the asker the data source is slow");
    }),
  );
  const reply = await deps
    .chat({
      ...asked.ask,
      platform: "teams",
      channelId: baseConversationId(activity.conversation?.id ?? ""),
      userId: activity.from?.aadObjectId ?? activity.from?.id ?? "",
      ...teamsPlace(activity),
      // The conversation as Teams names it: a channel's reply chain (`;messageid=…`) is a thread of its own.
      ...(activity.conversation?.id ? { thread: `teams:${activity.conversation.id}` } : {}),
    })
    .finally(() => slow.done());
  if (reply.kind === "error" && reply.actions && reply.actions.length > 0) {
    await context.sendActivity(Activity.fromObject(askBackMessage(reply.text, reply.actions)));
    return;
  }
  if (reply.kind !== "answer") {
    await context.sendActivity(reply.text);
    return;
  }
  if (asked.button === "csv") {
    const csv = await deps.csvMessage(reply.answer);
    await context.sendActivity(typeof csv === "string" ? csv : Activity.fromObject(csv));
    return;
  }
  const message = await deps.answerMessage(reply.answer);
  deps.log.debug(
    { platform: "teams", bytes: message.bytes, inline: message.inlineCharts, linked: message.linkedCharts },
    "Teams card",
  );
  // A re-run replaces the card it was pressed on; an explanation, and a press on an alert card, reply beside it.
  if (asked.button === "rerun" && activity.replyToId && !asked.keepCard) {
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
