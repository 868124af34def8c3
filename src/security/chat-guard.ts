/**
 * What every chat request passes through besides the engine: the rate limits and the
 * audit trail (bot_audit, written through the process's one bot-state db). The guard
 * opens no pool of its own: the db connects on its first query, so commands that never
 * answer chat open no connection, and whoever made the db closes it.
 */
import type { SecurityConfig } from "../config-security.js";
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import { type AuditSink, createAuditSink } from "./audit-log.js";
import { type ChatRateLimits, createChatRateLimits } from "./rate-limiter.js";

export interface ChatGuard {
  readonly limits: ChatRateLimits;
  readonly audit: AuditSink;
  /** Wall clock for audit times (the engine's own clock may be a fixed "as of"). */
  readonly wallClock: () => Date;
  /** Waits for audit writes under way (the db stays open: its owner closes it). */
  close(): Promise<void>;
}

export interface ChatGuardOptions {
  readonly wallClock?: () => Date;
  readonly monotonic?: () => number;
}

export function createChatGuard(
  security: Pick<SecurityConfig, "userPerMinute" | "channelPerMinute">,
  botState: BotStateDb,
  options: ChatGuardOptions = {},
): ChatGuard {
  const audit = createAuditSink(botState);
  return {
    limits: createChatRateLimits(security, options.monotonic ?? (() => performance.now())),
    audit,
    wallClock: options.wallClock ?? (() => new Date()),
    async close() {
      await audit.flush();
    },
  };
}
