/**
 * Files into a channel (or thread) with files.uploadV2: files.getUploadURLExternal for
 * each file, the bytes POSTed to the upload URL Slack hands out, then one
 * files.completeUploadExternal sharing them into `channel_id` (and `thread_ts`).
 * Files go in groups, one message per group.
 */
import type { webApi } from "@slack/bolt";
import { MAX_ALT_TEXT_CHARS, truncate } from "./block-kit-limits.js";

/** Files shared per message; Slack's own client attaches at most 10 files to one message. */
export const MAX_FILES_PER_MESSAGE = 10;

export interface OutgoingFile {
  readonly filename: string;
  readonly title: string;
  readonly bytes: Buffer;
  /** Screen-reader description (images). */
  readonly altText?: string;
}

export interface FileDestination {
  readonly channelId: string;
  readonly threadTs?: string;
}

/** Uploads every file; throws the first Web API failure (ok: false, HTTP or network). */
export async function uploadFiles(
  client: webApi.WebClient,
  destination: FileDestination,
  files: readonly OutgoingFile[],
): Promise<void> {
  for (let i = 0; i < files.length; i += MAX_FILES_PER_MESSAGE) {
    const group = files.slice(i, i + MAX_FILES_PER_MESSAGE);
    const result = await client.filesUploadV2({
      channel_id: destination.channelId,
      ...(destination.threadTs ? { thread_ts: destination.threadTs } : {}),
      file_uploads: group.map((file) => ({
        file: file.bytes,
        filename: file.filename,
        title: file.title,
        ...(file.altText ? { alt_text: truncate(file.altText, MAX_ALT_TEXT_CHARS) } : {}),
      })),
    });
    if (!result.ok) throw new Error("files.uploadV2 did not complete");
  }
}
