/** A message typed to the bot (a DM, an assistant thread): admitted or told "busy", then answered as a mention is. */
import { admit } from "../../admission.js";
import { answerInSlack } from "../answer-flow.js";
import type { SlackDeps } from "../slack-deps.js";
import { type ReplyPlace, type SlackReplier, tellAsker } from "../slack-reply.js";
import { mentionText } from "./mention-listener.js";

export async function answerMessage(
  text: string,
  place: ReplyPlace,
  replier: SlackReplier,
  deps: SlackDeps,
): Promise<void> {
  await admit(deps.admission, {
    accept: async () => undefined,
    refuse: async (refusal) => {
      await tellAsker(replier, refusal, deps.log);
    },
    work: () => answerInSlack({ text: mentionText(text) }, place, replier, deps),
  });
}
