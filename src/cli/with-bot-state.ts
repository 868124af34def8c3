/** Runs a CLI command's work on its own bot-state db (one connection), closed when the work is done. */
import { type BotStateDb, createBotStateDb } from "../db/bot-state/bot-state-db.js";
import type { CliContext } from "./context.js";

export async function withBotState<T>(context: CliContext, work: (db: BotStateDb) => Promise<T>): Promise<T> {
  const db = createBotStateDb(context.config.databaseUrl, {
    connectionLimit: 1,
    statementTimeoutMs: context.config.statementTimeoutMs,
  });
  try {
    return await work(db);
  } finally {
    await db.destroy().catch(() => undefined);
  }
}
