/**
 * Replay protection for POST /slack/events, mounted before Bolt's receiver: a signed
 * request whose (timestamp, signature) pair was already seen in the last 5 minutes is
 * answered 200 with nothing done. Bolt rejects anything older than 5 minutes, so the
 * window covers every replay Bolt would still accept. The set is bounded in size.
 */
import { createHash } from "node:crypto";
import type { RequestHandler } from "express";
import type { Logger } from "../../log.js";

/** Slack's own limit on a request's age (DESIGN.md: requests older than 5 minutes are rejected). */
export const REPLAY_WINDOW_MS = 5 * 60_000;
export const MAX_REMEMBERED_REQUESTS = 100_000;

export interface ReplayGuardOptions {
  readonly log: Logger;
  /** Monotonic milliseconds (injected for tests). */
  readonly monotonic?: () => number;
  readonly windowMs?: number;
  readonly maxEntries?: number;
}

export function replayGuard(options: ReplayGuardOptions): RequestHandler {
  const clock = options.monotonic ?? (() => performance.now());
  const windowMs = options.windowMs ?? REPLAY_WINDOW_MS;
  const maxEntries = options.maxEntries ?? MAX_REMEMBERED_REQUESTS;
  /** key -> first seen; insertion order is time order, so expiry trims from the front. */
  const seen = new Map<string, number>();
  return (req, res, next) => {
    const timestamp = req.get("x-slack-request-timestamp");
    const signature = req.get("x-slack-signature");
    if (!timestamp || !signature) {
      next(); // unsigned: Bolt refuses it
      return;
    }
    const at = clock();
    for (const [key, first] of seen) {
      if (first > at - windowMs && seen.size < maxEntries) break;
      seen.delete(key);
    }
    const key = createHash("sha256").update(`${timestamp}:${signature}`).digest("base64url");
    if (seen.has(key)) {
      options.log.warn({ platform: "slack", requestTimestamp: timestamp }, "duplicate Slack request ignored");
      res.status(200).end();
      return;
    }
    seen.set(key, at);
    next();
  };
}
