/**
 * Where a Slack request is answered and how to reach the asker alone. Answers go to the
 * channel (or thread); errors, help and "working on it…" go to the asker only — through
 * the slash command's or button's response_url, or chat.postEphemeral for mentions.
 */
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../log.js";
import { type DelayedNotice, noticeAfter } from "../delayed-notice.js";
import { escapeMrkdwn, MAX_SECTION_TEXT_CHARS, truncateEscaped } from "./block-kit-limits.js";
import type { SlackBlock } from "./block-types.js";
import { slackErrorCode } from "./slack-errors.js";

export interface ReplyPlace {
  readonly channelId: string;
  readonly userId: string;
  /** Reply in this thread (mentions, button re-runs); in the channel itself when unset. */
  readonly threadTs?: string;
  /** The workspace (team id), for the audit. */
  readonly workspaceId?: string;
}

export interface EphemeralMessage {
  readonly text: string;
  readonly blocks: SlackBlock[];
}

export interface SlackReplier {
  readonly client: webApi.WebClient;
  /** Shows a message to the asker only. */
  ephemeral(message: EphemeralMessage): Promise<unknown>;
  /** When the request was acknowledged (monotonic ms): a wait for a turn counts towards the notice. */
  readonly since?: number;
}

export const WORKING_TEXT = "Working on it…";
/** Default wait before "Working on it…" (the issue's ~1.5 s). */
export const WORKING_DELAY_MS = 1500;

/** A chat message (help, error, refusal) as an ephemeral message: escaped, one section, within limits. */
export function noticeMessage(text: string): EphemeralMessage {
  const escaped = truncateEscaped(escapeMrkdwn(text), MAX_SECTION_TEXT_CHARS);
  return { text: escaped, blocks: [{ type: "section", text: { type: "mrkdwn", text: escaped } }] };
}

/** Sends to the asker; a failure is logged with its Slack error code, never thrown. */
export async function tellAsker(replier: SlackReplier, text: string, log: Logger): Promise<boolean> {
  try {
    await replier.ephemeral(noticeMessage(text));
    return true;
  } catch (error) {
    log.warn({ platform: "slack", slackError: slackErrorCode(error) }, "could not reach the asker");
    return false;
  }
}

/** Tells the asker `text` if the work is still running after `delayMs`; `done()` cancels. */
export function startNotice(
  replier: SlackReplier,
  delayMs: number,
  text: string,
  log: Logger,
): DelayedNotice {
  return noticeAfter(delayMs, text, (notice) => tellAsker(replier, notice, log));
}

/**
 * Tells the asker "Working on it…" if the work is still running `delayMs` after the request was
 * acknowledged (a wait for a turn counts); `done()` cancels.
 */
export function startWorkingNotice(replier: SlackReplier, delayMs: number, log: Logger): DelayedNotice {
  const waited = replier.since === undefined ? 0 : performance.now() - replier.since;
  return startNotice(replier, Math.max(0, delayMs - waited), WORKING_TEXT, log);
}

/** Where files for this place go: the same channel and thread as the answer. */
export function destinationOf(place: ReplyPlace): { channelId: string; threadTs?: string } {
  return { channelId: place.channelId, ...(place.threadTs ? { threadTs: place.threadTs } : {}) };
}
