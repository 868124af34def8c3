/**
 * The conversation context of each chat thread: the last query answered there (and the first
 * KPI of that answer `why` can explain), kept in bot_thread_context (db/schema/145) for 24 h
 * after the thread's last answer — in the database, not in memory, so a follow-up works after a
 * restart and on any replica. A thread is named by its key (`slack:<channel>:<thread ts>`,
 * `teams:<conversation id>`), stored only as its SHA-256. An expired row is never read; expired
 * rows are deleted now and then. A context that no longer checks (an area renamed since) is
 * treated as none. Reading or writing that fails is logged and treated as no context: the
 * question is still answered as asked.
 */
import { createHash } from "node:crypto";
import type { Query } from "../../answer/query.js";
import type { Area } from "../../areas/registry.js";
import { checkQuery } from "../../commands/parse.js";
import type { BotStateDb } from "../../db/bot-state/bot-state-db.js";
import { toSqlTime } from "../../db/bot-state/sql-time.js";
import type { Logger } from "../../log.js";

/** How long a thread's context lasts after its last answer. */
export const CONTEXT_KEEP_MS = 24 * 60 * 60 * 1000;
/** How often expired contexts are deleted, at most. */
const PRUNE_EVERY_MS = 10 * 60 * 1000;
const PRUNE_BATCH = 10_000;
const MAX_QUERY_JSON_CHARS = 4000;

/** What a thread remembers of its last answer. */
export interface ThreadContext<AreaName extends string = string> {
  readonly query: Query<AreaName>;
  /** The first KPI of the answer that `why` can explain, when it has one. */
  readonly headlineKpi?: string;
  /** Who asked last (recent questions for suggested prompts; never used for access). */
  readonly userId: string;
}

export interface ThreadContexts {
  /** The thread's context, or undefined (none, expired, unreadable). */
  recall(thread: string): Promise<ThreadContext<Area> | undefined>;
  /** Replaces the thread's context and restarts its 24 h. */
  remember(thread: string, platform: string, context: ThreadContext): Promise<void>;
}

/** The stored name of a thread key. */
export function threadHash(thread: string): string {
  return createHash("sha256").update(thread, "utf8").digest("hex");
}

export function createThreadContexts(db: BotStateDb, now: () => Date, log: Logger): ThreadContexts {
  let prunedAt = Number.NEGATIVE_INFINITY;
  const prune = (at: Date) => {
    if (at.getTime() - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = at.getTime();
    void deleteExpiredContexts(db, at).catch((err: unknown) =>
      log.warn({ err }, "expired thread contexts not deleted"),
    );
  };
  return {
    async recall(thread) {
      const at = now();
      try {
        const row = await db
          .selectFrom("bot_thread_context")
          .select(["query_json", "headline_kpi", "user_id"])
          .where("thread_hash", "=", threadHash(thread))
          .where("expires_at", ">", toSqlTime(at))
          .executeTakeFirst();
        prune(at);
        if (!row) return undefined;
        const query = checkQuery(JSON.parse(row.query_json) as Query);
        return { query, userId: row.user_id, ...(row.headline_kpi ? { headlineKpi: row.headline_kpi } : {}) };
      } catch (err) {
        log.warn({ err }, "thread context not read: answering without it");
        return undefined;
      }
    },
    async remember(thread, platform, context) {
      const at = now();
      const json = JSON.stringify(context.query);
      if (json.length > MAX_QUERY_JSON_CHARS) return;
      const values = {
        platform: platform.slice(0, 8),
        user_id: context.userId.slice(0, 100),
        query_json: json,
        headline_kpi: context.headlineKpi?.slice(0, 32) ?? null,
        updated_at: toSqlTime(at),
        expires_at: toSqlTime(new Date(at.getTime() + CONTEXT_KEEP_MS)),
      };
      try {
        await db
          .insertInto("bot_thread_context")
          .values({ thread_hash: threadHash(thread), ...values })
          .onDuplicateKeyUpdate(values)
          .execute();
      } catch (err) {
        log.warn({ err }, "thread context not stored: follow-ups there will not see this answer");
      }
    },
  };
}

/** Deletes contexts expired at `at` (a batch at most); returns how many went. */
export async function deleteExpiredContexts(db: BotStateDb, at: Date): Promise<number> {
  const result = await db
    .deleteFrom("bot_thread_context")
    .where("expires_at", "<=", toSqlTime(at))
    .limit(PRUNE_BATCH)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
