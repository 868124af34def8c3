/** A message typed to the bot (a DM, an assistant thread): admitted or told "busy", then answered as a mention is. */
import { admit } from "../../admission.js";
import { answerInSlack } from "../answer-flow.js";
import type { SlackDeps } from "../slack-deps.js";
import { type ReplyPlace, type SlackReplier, tellAsker } from "../slack-reply.js";
import { mentionText } from "./mention-listener.js";

/** Where a message event was typed: its channel, author, thread and workspace. */
export interface MessagePlace {
  readonly channel: string;
  readonly user: string;
  readonly threadTs: string | undefined;
  readonly team: string | undefined;
}

export async function answerMessage(
  text: string,
  from: MessagePlace,
  replier: SlackReplier,
  deps: SlackDeps,
): Promise<void> {
  const place: ReplyPlace = {
    channelId: from.channel,
    userId: from.user,
    ...(from.threadTs ? { threadTs: from.threadTs } : {}),
    ...(from.team ? { workspaceId: from.team } : {}),
  };
  await admit(deps.admission, {
    accept: async () => undefined,
    refuse: async (refusal) => {
      await tellAsker(replier, refusal, deps.log);
    },
    work: () => answerInSlack({ text: mentionText(text) }, place, replier, deps),
  });
}
