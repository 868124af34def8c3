/**
 * The shared first half of every Slack request after its ack: the command through the
 * shared chat request (logging, access policy, rate limits, UserErrors), with "Working on
 * it…" armed, and "the data source is slow" while the data has not come. Help, errors and
 * refusals go to the asker here; an answer is handed back with "Working on it…" still armed,
 * for the caller to cancel once it is out.
 */
import type { AnswerAction } from "../../answer/actions.js";
import type { Answer } from "../../answer/answer.js";
import type { Freshness } from "../../engine/freshness.js";
import type { Ask } from "../chat-request.js";
import { SLOW_DATA_TEXT } from "../delayed-notice.js";
import { answerButtons } from "./answer-buttons.js";
import type { SlackDeps } from "./slack-deps.js";
import { slackErrorCode } from "./slack-errors.js";
import {
  noticeMessage,
  type ReplyPlace,
  type SlackReplier,
  startNotice,
  startWorkingNotice,
  tellAsker,
} from "./slack-reply.js";

/** The block id of the readings offered for a doubtful plain question. */
export const READINGS_BLOCK_ID = "kpi_readings";

export interface AnswerRun {
  readonly answer: Answer;
  readonly notice: { done(): void };
}

export async function runRequest(
  ask: Ask,
  place: ReplyPlace,
  replier: SlackReplier,
  deps: SlackDeps,
): Promise<AnswerRun | undefined> {
  const notice = startWorkingNotice(replier, deps.workingDelayMs, deps.log);
  const slow = startNotice(replier, deps.slowNoticeMs, SLOW_DATA_TEXT, deps.log);
  const reply = await deps
    .chat({
      ...ask,
      platform: "slack",
      channelId: place.channelId,
      userId: place.userId,
      ...(place.workspaceId ? { workspaceId: place.workspaceId } : {}),
      ...(slackThreadOf(place) ? { thread: slackThreadOf(place) } : {}),
    })
    .finally(() => slow.done())
    .catch((error: unknown) => {
      notice.done();
      throw error;
    });
  if (reply.kind === "answer") return { answer: reply.answer, notice };
  notice.done();
  if (reply.kind === "error" && reply.actions && reply.actions.length > 0) {
    await askBack(replier, reply.text, reply.actions, deps);
    return undefined;
  }
  await tellAsker(replier, reply.text, deps.log);
  return undefined;
}

/** "Did you mean …?" with a button per reading (each asks that query when pressed). */
async function askBack(
  replier: SlackReplier,
  text: string,
  actions: readonly AnswerAction[],
  deps: SlackDeps,
) {
  const message = noticeMessage(text);
  const buttons = answerButtons(actions, READINGS_BLOCK_ID);
  try {
    await replier.ephemeral({
      text: message.text,
      blocks: buttons ? [...message.blocks, buttons] : message.blocks,
    });
  } catch (error) {
    deps.log.warn({ platform: "slack", slackError: slackErrorCode(error) }, "could not reach the asker");
  }
}

/**
 * The thread key of a Slack place: `slack:<channel>:<thread ts>` in a thread; a direct message's
 * channel itself (`slack:<D…>`) outside one; undefined in a channel outside a thread (an answer
 * posted there starts a thread under its own ts, answer-flow.ts).
 */
export function slackThreadOf(place: ReplyPlace): string | undefined {
  if (place.threadTs) return `slack:${place.channelId}:${place.threadTs}`;
  return place.channelId.startsWith("D") ? `slack:${place.channelId}` : undefined;
}

/** Data freshness for the answer's context line; left out when the database cannot say. */
export async function freshnessOf(deps: SlackDeps): Promise<Freshness | undefined> {
  return deps.engine.freshness().catch(() => undefined);
}
