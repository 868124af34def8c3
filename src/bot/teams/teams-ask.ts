/**
 * What a Teams activity asks, shared by typed messages, Action.Submit values (cards posted
 * before Universal Actions) and Action.Execute invokes: the query a card button's data
 * carries (decoded and checked as typed text is), and who asks where (conversation, user,
 * tenant, team) for the access policy and the audit.
 */
import type { Activity } from "@microsoft/agents-activity";
import type { ActionKind } from "../../answer/actions.js";
import { STALE_ACTION_TEXT } from "../../commands/action-payload.js";
import { isUserError } from "../../errors.js";
import type { Logger } from "../../log.js";
import type { AlertButtonHandler, AlertPress } from "../chat-platform.js";
import type { Ask, ChatPlace } from "../chat-request.js";
import { decodeSubmit, isCardSubmit } from "./card/card-actions.js";
import { isAlertCardAction } from "./card/metric-alert-card.js";
import { baseConversationId } from "./message-text.js";

/** A message's ask (and which button, if one was pressed), or a reply that ends the turn. */
export type Asked =
  | { readonly ask: Ask; readonly button?: ActionKind; readonly keepCard?: boolean }
  | { readonly reply: string };

/** What a card button's data asks for, or the one line for the presser when it is not one of ours. */
export function askOfButton(value: unknown): Asked {
  if (!isCardSubmit(value)) return { reply: STALE_ACTION_TEXT };
  try {
    const action = decodeSubmit(value);
    if (!action) return { reply: STALE_ACTION_TEXT };
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

/** Who asks, and where: what the shared chat request checks the access policy against. */
export function placeOf(activity: Activity): ChatPlace {
  return {
    platform: "teams",
    channelId: baseConversationId(activity.conversation?.id ?? ""),
    userId: userOf(activity),
    ...teamsPlace(activity),
    // The conversation as Teams names it: a channel's reply chain (`;messageid=…`) is a thread of its own.
    ...(activity.conversation?.id ? { thread: `teams:${activity.conversation.id}` } : {}),
  };
}

/** The asker's Entra object id, else their Teams user id. */
export function userOf(activity: Activity): string {
  return activity.from?.aadObjectId ?? activity.from?.id ?? "";
}

/** An alert's Snooze 24 h or Mute button, for the conversation it was pressed in: the reply for the presser. */
export async function alertPressReply(
  activity: Activity,
  press: Pick<AlertPress, "action" | "alertId">,
  deps: { readonly alertButton?: AlertButtonHandler; readonly log: Logger },
): Promise<string> {
  if (!deps.alertButton) return STALE_ACTION_TEXT;
  const userId = userOf(activity);
  deps.log.info(
    { platform: "teams", user: userId, alert: press.alertId, action: press.action },
    "alert button",
  );
  const channelId = baseConversationId(activity.conversation?.id ?? "");
  return deps.alertButton({ ...press, platform: "teams", channelId, userId });
}
