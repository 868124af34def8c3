/** `kpi audit --since 7d [--json]`: the chat requests recorded in bot_audit (DATABASE_URL). */
import type { Command } from "commander";
import { createBotStateDb } from "../db/bot-state/bot-state-db.js";
import { auditLine, auditSince, parseSince } from "../security/audit-queries.js";
import type { CliContext } from "./context.js";

export function registerAuditCommand(program: Command, context: CliContext): void {
  program
    .command("audit")
    .description("print the audit trail of chat requests: who asked what, where, and the outcome")
    .option("--since <when>", "7d, 12h, 30m or an ISO date/time", "7d")
    .option("--json", "one JSON object per line")
    .action(async (options: { since: string; json?: boolean }) => {
      const since = parseSince(options.since, new Date());
      const db = createBotStateDb(context.config.databaseUrl, { connectionLimit: 1 });
      try {
        const rows = await auditSince(db, since);
        for (const row of rows) context.out(options.json ? JSON.stringify(row) : auditLine(row));
        if (!options.json) context.out(`${rows.length} request(s) since ${since.toISOString()}.`);
      } finally {
        await db.destroy();
      }
    });
}
