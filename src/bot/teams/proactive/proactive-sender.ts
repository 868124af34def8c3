/**
 * Proactive messages (digests, alerts): look up the stored conversation reference and post
 * into that conversation through the adapter — a new message, not a reply to anything,
 * unless the message names the activity it answers (`replyToId`: an alert's resolved note).
 * In a channel such a reply goes into the thread of that message: the conversation is
 * addressed as `<channel id>;messageid=<root message id>`, as Teams names a channel thread
 * (https://learn.microsoft.com/dotnet/api/microsoft.teams.apps.teamsbotapplication.replyasync);
 * chats have no threads, so there it stays a message that names what it replies to.
 * A target may also name a team by its Entra group id (as Graph does): the message goes to the
 * team's stored channel; where the bot is not in that team and Graph installs are on, the app
 * is installed there first (graph/team-install.ts) and the send waits for Teams' installationUpdate.
 * Failures reach the caller (they are not turned into chat messages).
 */
import { Activity } from "@microsoft/agents-activity";
import { UserError } from "../../../errors.js";
import { DeliveryError } from "../../../schedule/delivery-error.js";
import { installInTeam, type TeamInstallDeps, waitForTeam } from "../graph/team-install.js";
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

const TEAM_ID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

export interface ProactiveDeps {
  readonly adapter: TeamsAdapter;
  readonly conversations: ConversationStore;
  /** Installs the app into a team it is not in (TEAMS_GRAPH_INSTALL=on). */
  readonly install?: TeamInstallDeps;
}

/** The stored conversation a target names: a conversation id, or a team's Entra group id. */
async function conversationFor(deps: ProactiveDeps, target: string): Promise<TeamsConversation> {
  const stored = await deps.conversations.find(target);
  if (stored) return stored;
  const team = TEAM_ID.test(target) ? await deps.conversations.findTeam(target) : undefined;
  if (team) return team;
  if (deps.install && TEAM_ID.test(target)) {
    await installInTeam(deps.install, target);
    const installed = await waitForTeam(deps.conversations, target, deps.install.install.waitMs);
    if (installed) return installed;
    throw new DeliveryError(
      "teams_install_pending",
      `The app was installed in team ${target}, but Teams has not told the bot yet; trying again later.`,
    );
  }
  throw new UserError(
    "teams_conversation_unknown",
    `No Teams conversation ${target} is known: install the bot there or message it first.`,
  );
}

export async function sendProactive(
  deps: ProactiveDeps,
  conversationId: string,
  message: ProactiveMessage,
): Promise<ProactiveResult> {
  const stored = await conversationFor(deps, conversationId);
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
