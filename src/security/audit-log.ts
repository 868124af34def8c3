/**
 * The audit trail of chat requests (`bot_audit`, owner account). Writing never blocks or
 * breaks an answer: `record` starts the INSERT and returns; a failed write is logged
 * (without the row's text) and forgotten. `flush` waits for writes still under way.
 */
import type { Pool, ResultSetHeader } from "mysql2/promise";
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
  readonly platform: "slack" | "teams";
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

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC, for DATETIME(3). */
export const auditTime = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");

const cut = (text: string, max: number) => Array.from(text).slice(0, max).join("");

export function createAuditSink(pool: () => Pool): AuditSink {
  const pending = new Set<Promise<void>>();
  return {
    record(entry, log) {
      const work = Promise.resolve()
        .then(() => pool())
        .then((p) =>
          p.query<ResultSetHeader>(
            `INSERT INTO bot_audit (at, platform, workspace_id, user_id, channel_id, command_text, area,
             outcome, duration_ms, ref_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [
              auditTime(entry.at),
              entry.platform,
              entry.workspaceId ? cut(entry.workspaceId, 100) : null,
              cut(entry.userId, 100),
              cut(entry.channelId, 300),
              cut(entry.text, MAX_AUDIT_TEXT_CHARS),
              entry.area ?? null,
              entry.outcome,
              Math.max(0, Math.round(entry.durationMs)),
              entry.ref ?? null,
            ],
          ),
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
