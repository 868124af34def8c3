/**
 * The shared first half of every Slack request after its ack: the command through the
 * shared chat request (answerChatRequest: logging, area restrictions, UserErrors), with
 * "Working on it…" armed. Help, errors and refusals go to the asker here; an answer is
 * handed back with the notice still armed, for the caller to cancel once it is out.
 */
import type { Freshness } from "../../areas/area-data.js";
import { answerChatRequest, type ChatReply } from "../chat-request.js";
import type { SlackDeps } from "./slack-deps.js";
import { type ReplyPlace, type SlackReplier, startWorkingNotice, tellAsker } from "./slack-reply.js";

export interface AnswerRun {
  readonly reply: Extract<ChatReply, { kind: "answer" }>;
  readonly notice: { done(): void };
}

export async function runRequest(
  text: string,
  place: ReplyPlace,
  replier: SlackReplier,
  deps: SlackDeps,
): Promise<AnswerRun | undefined> {
  const notice = startWorkingNotice(replier, deps.workingDelayMs, deps.log);
  const reply = await answerChatRequest(
    {
      text,
      platform: "slack",
      channelId: place.channelId,
      userId: place.userId,
      ...(place.workspaceId ? { workspaceId: place.workspaceId } : {}),
    },
    {
      engine: deps.engine,
      log: deps.log,
      access: deps.access,
      ...(deps.scheduleCommands ? { scheduleCommands: deps.scheduleCommands } : {}),
    },
  ).catch((error: unknown) => {
    notice.done();
    throw error;
  });
  if (reply.kind === "answer") return { reply, notice };
  notice.done();
  await tellAsker(replier, reply.text, deps.log);
  return undefined;
}

/** Data freshness for the answer's context line; left out when the database cannot say. */
export async function freshnessOf(deps: SlackDeps): Promise<Freshness | undefined> {
  return deps.engine.deps.source.freshness().catch(() => undefined);
}
