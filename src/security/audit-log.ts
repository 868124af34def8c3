/**
 * The audit trail of chat requests (`bot_audit`, on the process's bot-state db). Writing
 * never blocks or breaks an answer: `record` starts the INSERT and returns; a failed write
 * is logged (without the row's text) and forgotten. `flush` waits for writes still under way.
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
  /** Starts the write and returns at once; a failure is logged on `log`, never thrown. */
  record(entry: AuditEntry, log: Logger): void;
  flush(): Promise<void>;
}

const cut = (text: string, max: number) => Array.from(text).slice(0, max).join("");

export function createAuditSink(db: BotStateDb): AuditSink {
  const pending = new Set<Promise<void>>();
  return {
    record(entry, log) {
      // Inside then(): even a synchronous failure becomes a logged write failure, never the answer's.
      const work = Promise.resolve()
        .then(() =>
          db
            .insertInto("bot_audit")
            .values({
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
            })
            .execute(),
        )
        .then(
          () => undefined,
          (error: { code?: string; errno?: number }) => {
            log.warn(
              { code: error.code, errno: error.errno, outcome: entry.outcome },
              "audit row not written",
            );
          },
        );
      pending.add(work);
      void work.finally(() => pending.delete(work));
    },
    async flush() {
      await Promise.all([...pending]);
    },
  };
}
