/**
 * What every chat request passes through besides the engine: the rate limits and the
 * audit trail (bot_audit on the owner account, DATABASE_URL). The audit pool opens on
 * the first write, so commands that never answer chat open no connection.
 */
import type { Pool } from "mysql2/promise";
import type { Config } from "../config.js";
import { createScheduleDb } from "../schedule/schedule-db.js";
import { type AuditSink, createAuditSink } from "./audit-log.js";
import { type ChatRateLimits, createChatRateLimits } from "./rate-limiter.js";

export interface ChatGuard {
  readonly limits: ChatRateLimits;
  readonly audit: AuditSink;
  /** Wall clock for audit times (the engine's own clock may be a fixed "as of"). */
  readonly wallClock: () => Date;
  close(): Promise<void>;
}

export interface ChatGuardOptions {
  readonly wallClock?: () => Date;
  readonly monotonic?: () => number;
}

export function createChatGuard(config: Config, options: ChatGuardOptions = {}): ChatGuard {
  let pool: Pool | undefined;
  const audit = createAuditSink(() => {
    pool ??= createScheduleDb(config.databaseUrl, 2);
    return pool;
  });
  return {
    limits: createChatRateLimits(config.security, options.monotonic ?? (() => performance.now())),
    audit,
    wallClock: options.wallClock ?? (() => new Date()),
    async close() {
      await audit.flush();
      await pool?.end().catch(() => undefined);
    },
  };
}
