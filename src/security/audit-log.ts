/**
 * The audit trail of chat requests (`bot_audit`, on the process's bot-state db). Writing
 * never blocks or breaks an answer: `record` queues the row and returns; rows are written
 * in batches (one multi-row INSERT at a time), so a burst of requests costs one statement
 * per batch rather than one each. The queue is bounded: past `maxQueued` rows, new rows are
 * dropped and counted in a warning. A failed write is logged (without the rows' text) and
 * forgotten. `flush` waits until every queued row has been written or given up.
 */
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import { toSqlTime } from "../db/bot-state/sql-time.js";
import type { Logger } from "../log.js";

export const AUDIT_OUTCOMES = [
  "answered",
  "help",
  "refused",
  "user_error",
  "failed",
  "rate_limited",
] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Longest command text kept (the column's size). */
export const MAX_AUDIT_TEXT_CHARS = 500;

export interface AuditEntry {
  readonly at: Date;
  /** The platform's registry name. */
  readonly platform: string;
  readonly workspaceId: string | undefined;
  readonly userId: string;
  readonly channelId: string;
  readonly text: string;
  readonly area: string | undefined;
  readonly outcome: AuditOutcome;
  readonly durationMs: number;
  readonly ref: string | undefined;
}

export interface AuditSink {
  /** Queues the row and returns at once; a failure is logged on `log`, never thrown. */
  record(entry: AuditEntry, log: Logger): void;
  flush(): Promise<void>;
}

/** Rows written per INSERT at most. */
export const AUDIT_BATCH_ROWS = 200;
/** Rows waiting to be written at most; more are dropped (and counted). */
export const MAX_QUEUED_AUDIT_ROWS = 20_000;

const cut = (text: string, max: number) => Array.from(text).slice(0, max).join("");

function auditRow(entry: AuditEntry) {
  return {
    at: toSqlTime(entry.at),
    platform: entry.platform,
    workspace_id: entry.workspaceId ? cut(entry.workspaceId, 100) : null,
    user_id: cut(entry.userId, 100),
    channel_id: cut(entry.channelId, 300),
    command_text: cut(entry.text, MAX_AUDIT_TEXT_CHARS),
    area: entry.area ?? null,
    outcome: entry.outcome,
    duration_ms: Math.max(0, Math.round(entry.durationMs)),
    ref_id: entry.ref ?? null,
  };
}

export function createAuditSink(db: BotStateDb, options: { readonly maxQueued?: number } = {}): AuditSink {
  const maxQueued = options.maxQueued ?? MAX_QUEUED_AUDIT_ROWS;
  let queue: Array<{ row: ReturnType<typeof auditRow>; log: Logger }> = [];
  let writing: Promise<void> | undefined;
  let dropped = 0;

  async function writeAll(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, AUDIT_BATCH_ROWS);
      queue = queue.slice(batch.length);
      const log = (batch[0] as (typeof batch)[number]).log;
      try {
        await db
          .insertInto("bot_audit")
          .values(batch.map((item) => item.row))
          .execute();
      } catch (error) {
        const { code, errno } = error as { code?: string; errno?: number };
        log.warn({ code, errno, rows: batch.length }, "audit row not written");
      }
      if (dropped > 0) {
        log.warn({ dropped }, "audit rows dropped: too many waiting to be written");
        dropped = 0;
      }
    }
  }

  /** Starts the writer on a later turn, so rows recorded together go out in one statement. */
  function startWriting(): void {
    writing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(writeAll).finally(() => {
      writing = undefined;
      if (queue.length > 0) startWriting();
    });
  }

  return {
    record(entry, log) {
      if (queue.length >= maxQueued) {
        dropped += 1;
        return;
      }
      try {
        queue.push({ row: auditRow(entry), log });
      } catch (error) {
        log.warn({ err: error, outcome: entry.outcome }, "audit row not written");
        return;
      }
      startWriting();
    },
    async flush() {
      while (writing) await writing;
    },
  };
}
