/** "Download CSV": the command run again and its tables uploaded as CSV files into the answer's thread. */
import { csvBytes, NO_TABLE_TEXT } from "../../render/answer-csv.js";
import type { Ask } from "../chat-request.js";
import { cannotPostText } from "./answer-flow.js";
import { runRequest } from "./run-request.js";
import type { SlackDeps } from "./slack-deps.js";
import { isNotInChannel, slackErrorCode } from "./slack-errors.js";
import { destinationOf, type ReplyPlace, type SlackReplier, tellAsker } from "./slack-reply.js";
import { uploadFiles } from "./upload-files.js";

export async function csvInSlack(
  ask: Ask,
  place: ReplyPlace,
  replier: SlackReplier,
  deps: SlackDeps,
): Promise<void> {
  const run = await runRequest(ask, place, replier, deps);
  if (!run) return;
  try {
    const files = csvBytes(run.answer);
    if (files.length === 0) {
      await tellAsker(replier, NO_TABLE_TEXT, deps.log);
      return;
    }
    await uploadFiles(replier.client, destinationOf(place), files);
    deps.log.info(
      { platform: "slack", channel: place.channelId, files: files.length },
      "slack CSV delivered",
    );
  } catch (error) {
    const code = slackErrorCode(error);
    deps.log.warn({ platform: "slack", channel: place.channelId, slackError: code }, "CSV not uploaded");
    const text = isNotInChannel(code)
      ? cannotPostText(code)
      : `The CSV could not be uploaded (Slack said \`${code}\`).`;
    await tellAsker(replier, text, deps.log);
  } finally {
    run.notice.done();
  }
}
