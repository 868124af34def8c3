/** Teams-style inbound activities, shaped like what the Bot Connector posts to /api/messages. */
import { randomUUID } from "node:crypto";

export const TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
export const BOT = { id: "28:kpi-bot-app-id", name: "KPI Bot" } as const;
export const USER = {
  id: "29:1user-teams-id",
  name: "Ada Lovelace",
  aadObjectId: "00000000-0000-0000-0000-0000000000ad",
};
export const PERSONAL_CHAT = "a:1personal-chat-with-ada";
export const CHANNEL = "19:marketing-channel@thread.tacv2";
/** The team's Microsoft Entra group id: Graph's team id, sent on install and conversationUpdate. */
export const TEAM_AAD_GROUP_ID = "0f5c1b9e-5a3e-4d0b-9a51-7c1f0d2e3a44";

export interface ActivityOptions {
  readonly serviceUrl: string;
  readonly conversationId?: string;
  readonly conversationType?: "personal" | "channel" | "groupChat";
}

function base(type: string, options: ActivityOptions) {
  const conversationId = options.conversationId ?? PERSONAL_CHAT;
  const conversationType =
    options.conversationType ?? (conversationId.startsWith("19:") ? "channel" : "personal");
  return {
    type,
    id: `in-${randomUUID()}`,
    timestamp: "2026-11-26T09:00:00.000Z",
    channelId: "msteams",
    serviceUrl: options.serviceUrl,
    from: USER,
    recipient: BOT,
    conversation: {
      id: conversationId,
      conversationType,
      tenantId: TENANT_ID,
      ...(conversationType === "personal" ? {} : { isGroup: true }),
    },
    channelData: { tenant: { id: TENANT_ID } },
    locale: "en-US",
  };
}

/** A typed message; `mention: true` adds `<at>KPI Bot</at>` in front, as Teams does in channels. */
export function messageActivity(text: string, options: ActivityOptions & { readonly mention?: boolean }) {
  const mentionText = `<at>${BOT.name}</at>`;
  return {
    ...base("message", options),
    text: options.mention ? `${mentionText} ${text}` : text,
    textFormat: "plain",
    ...(options.mention
      ? { entities: [{ type: "mention", text: mentionText, mentioned: { id: BOT.id, name: BOT.name } }] }
      : {}),
  };
}

/** What Teams posts when someone presses an Action.Submit button on the card `replyToId`. */
export function submitActivity(value: unknown, options: ActivityOptions & { readonly replyToId?: string }) {
  return {
    ...base("message", options),
    value,
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
  };
}

/** Teams names the team (with its Entra group id) in these events' channelData, in team channels. */
function withTeam(activity: ReturnType<typeof base>) {
  if (activity.conversation.conversationType !== "channel") return activity;
  const team = {
    id: activity.conversation.id.split(";")[0],
    name: "Marketing",
    aadGroupId: TEAM_AAD_GROUP_ID,
  };
  return { ...activity, channelData: { ...activity.channelData, team } };
}

/** The bot added to a conversation (installed in a team or a 1:1 chat). */
export function botAddedActivity(options: ActivityOptions) {
  return { ...withTeam(base("conversationUpdate", options)), membersAdded: [{ id: BOT.id }] };
}

export function installationActivity(action: "add" | "remove", options: ActivityOptions) {
  return { ...withTeam(base("installationUpdate", options)), action };
}

/**
 * What Teams posts when someone presses an Action.Execute button (trigger "manual") on the
 * card `replyToId`, or when it refreshes a card (trigger "automatic"): an `adaptiveCard/action` invoke.
 */
export function invokeActivity(
  action: { readonly verb: string; readonly data: unknown },
  options: ActivityOptions & {
    readonly replyToId?: string;
    readonly trigger?: "manual" | "automatic";
    readonly from?: typeof USER;
  },
) {
  return {
    ...base("invoke", options),
    name: "adaptiveCard/action",
    value: { action: { type: "Action.Execute", ...action }, trigger: options.trigger ?? "manual" },
    ...(options.from ? { from: options.from } : {}),
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
  };
}
