/**
 * What the bot does with each inbound activity (an ActivityHandler of the Agents SDK):
 * messages and card buttons (Action.Execute invokes: teams-invoke.ts; Action.Submit values of
 * cards posted before) are answered through the shared chat request (answers as
 * Adaptive Cards, CSV downloads as links, help and errors as short text; "the data source is
 * slow" first when the data takes long); installs,
 * membersAdded and every message store the conversation reference for proactive messages;
 * an uninstall forgets it.
 */

import { Activity } from "@microsoft/agents-activity";
import type { ActivityHandler, TurnContext } from "@microsoft/agents-hosting";
import type { ActionKind } from "../../answer/actions.js";
import { STALE_ACTION_TEXT } from "../../commands/action-payload.js";
import { admit } from "../admission.js";
import type { Ask } from "../chat-request.js";
import { noticeAfter, SLOW_DATA_TEXT } from "../delayed-notice.js";
import { askBackMessage } from "./card/ask-back-card.js";
import { decodeAlertSubmit } from "./card/metric-alert-card.js";
import { commandTextOf } from "./message-text.js";
import { conversationOf } from "./proactive/conversation-store.js";
import { type Asked, alertPressReply, askOfButton, placeOf } from "./teams-ask.js";
import { answerCardInvoke, TeamsHandler } from "./teams-invoke.js";
import type { TeamsTurnDeps } from "./teams-turn-deps.js";

export type { TeamsTurnDeps } from "./teams-turn-deps.js";

export const WELCOME_TEXT =
  "Hi! I answer marketing KPIs from the reporting database. Try `campaigns last-30d`, `orders mtd vs last-year` or `help`.";
export const STALE_BUTTON_TEXT = STALE_ACTION_TEXT;

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

/** What a message asks for: typed text, or the query a card button carries. */
function askOf(activity: Activity): Asked {
  const value = activity.value;
  if (value === undefined || value === null) return { ask: { text: commandTextOf(activity) } };
  return askOfButton(value);
}

async function answerMessageActivity(context: TurnContext, deps: TeamsTurnDeps): Promise<void> {
  const activity = context.activity;
  const press = decodeAlertSubmit(activity.value);
  if (press) {
    await context.sendActivity(await alertPressReply(activity, press, deps));
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
  const reply = await deps.chat({ ...asked.ask, ...placeOf(activity) }).finally(() => slow.done());
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
  const handler = new TeamsHandler((context, value) => answerCardInvoke(context, value, deps));
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
