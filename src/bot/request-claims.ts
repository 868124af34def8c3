/**
 * Chat requests a platform may deliver more than once — Slack re-sends an event whose ack it
 * did not get, and in Socket Mode an envelope left unacked on a connection that ended goes out
 * again, to another replica or to this one restarted — are answered once: the delivery that
 * gets to answer first claims the request's identity in bot_chat_requests (db/schema/130), and
 * a later delivery finds the claim and does nothing. The claim is taken after the ack, never
 * before: a replica that dies before acknowledging leaves no claim, so the re-delivery is
 * answered by whoever receives it. When the database cannot say, the request is answered (a
 * second answer is better than none). Claims older than an hour are deleted now and then;
 * Slack re-delivers within minutes.
 */
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import { isDuplicateKey } from "../db/bot-state/sql-errors.js";
import { toSqlTime } from "../db/bot-state/sql-time.js";
import type { Logger } from "../log.js";

export interface RequestClaims {
  /** True: this delivery answers the request; false: another delivery of it already claimed it. */
  claim(key: string): Promise<boolean>;
}

/** How long a claim is kept: far past Slack's last re-delivery (about 5 minutes). */
export const CLAIM_KEEP_MS = 60 * 60 * 1000;
/** How often old claims are deleted, at most. */
const PRUNE_EVERY_MS = 10 * 60 * 1000;
const PRUNE_BATCH = 10_000;
export const MAX_REQUEST_KEY_CHARS = 160;

export function createRequestClaims(
  db: BotStateDb,
  replicaId: string,
  now: () => Date,
  log: Logger,
): RequestClaims {
  let prunedAt = Number.NEGATIVE_INFINITY;
  const prune = (at: Date) => {
    if (at.getTime() - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = at.getTime();
    void db
      .deleteFrom("bot_chat_requests")
      .where("claimed_at", "<", toSqlTime(new Date(at.getTime() - CLAIM_KEEP_MS)))
      .limit(PRUNE_BATCH)
      .execute()
      .catch((error: unknown) => log.warn({ err: error }, "old chat request claims not deleted"));
  };
  return {
    async claim(key) {
      const at = now();
      try {
        await db
          .insertInto("bot_chat_requests")
          .values({
            request_key: key.slice(0, MAX_REQUEST_KEY_CHARS),
            claimed_by: replicaId.slice(0, 128),
            claimed_at: toSqlTime(at),
          })
          .execute();
        prune(at);
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        log.warn({ err: error }, "chat request claim failed: answering it anyway");
        return true;
      }
    },
  };
}
