/** Wiring the KPI engine from configuration: the query database, the reporting source, the clock. */

import type { EngineDeps } from "../commands/run-command.js";
import type { Config } from "../config.js";
import { type BotStateDb, createBotStateDb } from "../db/bot-state/bot-state-db.js";
import { limitConcurrency, Semaphore } from "../db/reporting/concurrency-limit.js";
import { createDbReportingSource } from "../db/reporting/db-reporting-source.js";
import { createReportingDb, type ReportingDb } from "../db/reporting/reporting-db.js";
import { type ChatGuard, type ChatGuardOptions, createChatGuard } from "../security/chat-guard.js";

export interface Engine {
  readonly deps: EngineDeps;
  readonly db: ReportingDb;
  /** Rate limits and the audit trail of chat requests (src/security/chat-guard.ts). */
  readonly guard: ChatGuard;
  /** The cap on concurrent reporting queries (DB_MAX_CONCURRENT_QUERIES). */
  readonly queries: Semaphore;
  close(): Promise<void>;
}

/** The query path uses DATABASE_URL_READONLY when it is set, DATABASE_URL otherwise. */
export interface EngineOptions extends ChatGuardOptions {
  /** Sees every reporting query's SQL and parameters (tests). */
  readonly onQuery?: (sql: string, parameters: readonly unknown[]) => void;
  /**
   * The process's bot-state db, for the chat audit; the caller closes it. Without one the
   * engine makes its own and closes it: commands that never answer chat (ask, demo) then
   * open no connection, since the db connects on its first query.
   */
  readonly botState?: BotStateDb;
}

export function createEngine(
  config: Config,
  now: () => Date = () => new Date(),
  options: EngineOptions = {},
): Engine {
  const db = createReportingDb(config.readonlyDatabaseUrl ?? config.databaseUrl, {
    statementTimeoutMs: config.statementTimeoutMs,
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
  });
  const queries = new Semaphore(config.security.maxConcurrentQueries);
  const botState = options.botState ?? createBotStateDb(config.databaseUrl);
  const guard = createChatGuard(config, botState, options);
  return {
    db,
    guard,
    queries,
    deps: {
      source: limitConcurrency(createDbReportingSource(db), queries),
      now,
      timeZone: config.reportTimeZone,
    },
    async close() {
      await guard.close();
      if (botState !== options.botState) await botState.destroy();
      await db.destroy();
    },
  };
}
