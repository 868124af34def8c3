/**
 * The bot's own state (subscriptions, delivery ledger, alert states, Teams conversations,
 * audit) through ONE Kysely over ONE small mysql2 pool on the owner account (DATABASE_URL).
 * A process makes one and hands it to every store; whoever made it destroys it, last.
 * The pool is created on the first query, so a command that never touches bot state opens
 * no connection. Every wait on it has the statement deadline (deadline-pool.ts).
 */
import { Kysely, MysqlDialect, type Transaction } from "kysely";
import { createPool } from "mysql2";
import { connectionOptions, parseDatabaseUrl } from "../database-url.js";
import { DEFAULT_STATEMENT_TIMEOUT_MS, withDeadlines } from "../deadline-pool.js";
import type { BotTables } from "./bot-tables.js";

export type BotStateDb = Kysely<BotTables>;
/** A transaction on the bot-state db: what functions that must run inside one take. */
export type BotStateTransaction = Transaction<BotTables>;

export interface BotStateDbOptions {
  /** Connections at most (default 4): scheduler, audit and conversation writes queue for them. */
  readonly connectionLimit?: number;
  /** Deadline of every wait for a connection and of every statement (DB_STATEMENT_TIMEOUT_MS). */
  readonly statementTimeoutMs?: number;
}

export const DEFAULT_BOT_STATE_CONNECTIONS = 4;

export function createBotStateDb(databaseUrl: string, options: BotStateDbOptions = {}): BotStateDb {
  // Parsed now, so a bad URL fails where the db is made rather than at the first query.
  const target = parseDatabaseUrl(databaseUrl);
  return new Kysely<BotTables>({
    dialect: new MysqlDialect({
      pool: async () =>
        withDeadlines(
          createPool({
            ...connectionOptions(target),
            connectionLimit: options.connectionLimit ?? DEFAULT_BOT_STATE_CONNECTIONS,
            waitForConnections: true,
            enableKeepAlive: true,
          }),
          options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
        ),
    }),
  });
}
