/**
 * A command, mention or re-run after its ack: the command run (run-request.ts), the answer
 * posted to the channel (or thread) as Block Kit (its main table a native table block in the
 * message's attachment), then its charts — and the CSV of tables
 * too long to show — uploaded there as files. A failed upload leaves the answer up, with
 * a note added to it; a channel Slack will not post in gets the asker a hint.
 */
import type { Answer } from "../../answer/answer.js";
import { csvBytes } from "../../render/answer-csv.js";
import type { Ask } from "../chat-request.js";
import { contextOfAnswer } from "../conversation/follow-up-turn.js";
import { answerToBlocks } from "./answer-to-blocks.js";
import { chartFiles } from "./chart-files.js";
import { freshnessOf, runRequest, slackThreadOf } from "./run-request.js";
import type { SlackDeps } from "./slack-deps.js";
import { isNotInChannel, slackErrorCode } from "./slack-errors.js";
import { destinationOf, type ReplyPlace, type SlackReplier, tellAsker } from "./slack-reply.js";
import { type OutgoingFile, uploadFiles } from "./upload-files.js";

export function cannotPostText(code: string): string {
  return isNotInChannel(code)
    ? "I can't post in this conversation yet — add me with `/invite @kpi` and ask again."
    : `I couldn't post the answer here (Slack said \`${code}\`). Please try again in a minute.`;
}

/** Posts the answer; returns its ts, or undefined after telling the asker why it could not. */
async function postAnswer(answer: Answer, place: ReplyPlace, replier: SlackReplier, deps: SlackDeps) {
  const message = answerToBlocks(answer, { currency: deps.currency, freshness: await freshnessOf(deps) });
  try {
    const posted = await replier.client.chat.postMessage({
      channel: place.channelId,
      ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
      text: message.text,
      blocks: message.blocks,
      ...(message.attachments.length > 0 ? { attachments: message.attachments } : {}),
      unfurl_links: false,
      unfurl_media: false,
    });
    if (!posted.ok || !posted.ts) throw new Error("chat.postMessage returned no ts");
    return { ts: posted.ts, message };
  } catch (error) {
    const code = slackErrorCode(error);
    deps.log.warn({ platform: "slack", channel: place.channelId, slackError: code }, "answer not posted");
    await tellAsker(replier, cannotPostText(code), deps.log);
    return undefined;
  }
}

export async function answerInSlack(
  ask: Ask,
  place: ReplyPlace,
  replier: SlackReplier,
  deps: SlackDeps,
): Promise<void> {
  const started = performance.now();
  const run = await runRequest(ask, place, replier, deps);
  if (!run) return;
  const { answer } = run;
  const posted = await postAnswer(answer, place, replier, deps).finally(() => run.notice.done());
  if (!posted) return;
  // An answer posted in the channel starts a thread: replies to it are follow-ups of its query.
  if (!slackThreadOf(place) && deps.contexts) {
    const thread = slackThreadOf({ ...place, threadTs: posted.ts }) as string;
    await deps.contexts.remember(thread, "slack", contextOfAnswer(answer, answer.query, place.userId));
  }
  const postedMs = Math.round(performance.now() - started);

  const files: OutgoingFile[] = [];
  const warnings: string[] = [];
  try {
    files.push(...(await chartFiles(answer, deps.currency, deps.charts)));
  } catch (error) {
    deps.log.error({ platform: "slack", err: error }, "chart rendering failed");
    warnings.push("The charts could not be drawn.");
  }
  files.push(...csvBytes(answer, posted.message.cutTables));
  try {
    if (files.length > 0) await uploadFiles(replier.client, destinationOf(place), files);
  } catch (error) {
    const code = slackErrorCode(error);
    deps.log.warn({ platform: "slack", channel: place.channelId, slackError: code }, "files not uploaded");
    warnings.push(
      `The charts and files could not be uploaded (Slack said \`${code}\`); the numbers above are complete.`,
    );
  }
  if (warnings.length > 0) await addWarnings(answer, place, posted.ts, warnings, replier, deps);
  deps.log.info(
    {
      platform: "slack",
      channel: place.channelId,
      area: answer.area,
      files: files.length,
      warnings: warnings.length,
      postedMs,
    },
    "slack answer delivered",
  );
}

/** Re-renders the posted answer with the delivery warnings (chat.update); logged if even that fails. */
async function addWarnings(
  answer: Answer,
  place: ReplyPlace,
  ts: string,
  warnings: readonly string[],
  replier: SlackReplier,
  deps: SlackDeps,
): Promise<void> {
  const message = answerToBlocks(answer, {
    currency: deps.currency,
    warnings,
    freshness: await freshnessOf(deps),
  });
  try {
    await replier.client.chat.update({
      channel: place.channelId,
      ts,
      text: message.text,
      blocks: message.blocks,
      ...(message.attachments.length > 0 ? { attachments: message.attachments } : {}),
    });
  } catch (error) {
    deps.log.warn(
      { platform: "slack", slackError: slackErrorCode(error) },
      "answer not updated with its warning",
    );
  }
}
