/**
 * Replay protection for POST /slack/events, mounted before Bolt's receiver. It reads the body
 * once (handed on as `req.rawBody`, which Bolt's ExpressReceiver reads instead of the stream),
 * checks the signature and age itself (slack-signature.ts) and answers 401 to anything that
 * fails, so only requests Slack signed in the last 5 minutes (or up to 1 minute ahead) reach
 * its memory. Each is remembered by (numeric timestamp, verified digest) until its timestamp
 * leaves the window, after which the signature check refuses it anyway; seen again, it is
 * answered 200 with nothing done.
 *
 * Memory bound: one entry (~150 bytes) per distinct request Slack signed for us within 6
 * minutes, and never more than `capacity` (default 100,000, ~15 MB). A full guard refuses new
 * requests with 503 (Slack retries) rather than forget one it has seen.
 */
import { defaultBodyLimit } from "@slack/bolt";
import express, { type RequestHandler } from "express";
import type { Logger } from "../../log.js";
import { checkSlackSignature, MAX_AGE_SECONDS } from "./slack-signature.js";

export const MAX_REMEMBERED_REQUESTS = 100_000;

export interface ReplayGuardOptions {
  readonly signingSecret: string;
  readonly log: Logger;
  /** Wall clock in milliseconds, the clock Slack's timestamps are on (injected for tests). */
  readonly now?: () => number;
  readonly capacity?: number;
}

/** The body as bytes, as Slack sent it (no decompression: Bolt's own reader does none either). */
const readBody = express.raw({ type: () => true, limit: defaultBodyLimit, inflate: false });

export function replayGuard(options: ReplayGuardOptions): RequestHandler {
  const now = options.now ?? Date.now;
  const capacity = options.capacity ?? MAX_REMEMBERED_REQUESTS;
  /** Request timestamp (seconds) -> digests of the requests signed with it. */
  const seen = new Map<number, Set<string>>();
  let size = 0;

  const forgetBefore = (oldest: number) => {
    for (const [timestamp, digests] of seen) {
      if (timestamp >= oldest) continue;
      size -= digests.size;
      seen.delete(timestamp);
    }
  };

  return (req, res, next) => {
    readBody(req, res, (error?: { status?: number }) => {
      if (error) {
        res.status(error.status ?? 400).end();
        return;
      }
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      Object.assign(req, { rawBody: raw });
      const nowSeconds = Math.floor(now() / 1000);
      const check = checkSlackSignature(
        options.signingSecret,
        { timestamp: req.get("x-slack-request-timestamp"), signature: req.get("x-slack-signature") },
        raw.toString(),
        nowSeconds,
      );
      if (!check.ok) {
        options.log.warn({ platform: "slack", reason: check.reason }, "Slack request refused");
        res.status(401).end();
        return;
      }
      forgetBefore(nowSeconds - MAX_AGE_SECONDS);
      const digests = seen.get(check.timestamp) ?? new Set<string>();
      if (digests.has(check.digest)) {
        options.log.warn(
          { platform: "slack", requestTimestamp: check.timestamp },
          "duplicate Slack request ignored",
        );
        res.status(200).end();
        return;
      }
      if (size >= capacity) {
        options.log.warn({ platform: "slack", remembered: size }, "Slack request refused: replay guard full");
        res.status(503).end();
        return;
      }
      seen.set(check.timestamp, digests.add(check.digest));
      size++;
      next();
    });
  };
}
