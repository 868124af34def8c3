/** `kpi audit --since 7d [--json]`: the chat requests recorded in bot_audit (DATABASE_URL). */
import type { Command } from "commander";
import type { CliContext } from "./context.js";

export function registerAuditCommand(program: Command, context: CliContext): void {
  program
    .command("audit")
    .description("print the audit trail of chat requests: who asked what, where, and the outcome")
    .option("--since <when>", "7d, 12h, 30m or an ISO date/time", "7d")
    .option("--json", "one JSON object per line")
    .action(async (options: { since: string; json?: boolean }) => {
      // The database code loads only when the command runs, so other kpi commands start fast.
      const [{ auditLine, auditSince, parseSince }, { withBotState }] = await Promise.all([
        import("../security/audit-queries.js"),
        import("./with-bot-state.js"),
      ]);
      const since = parseSince(options.since, new Date());
      const rows = await withBotState(context, (db) => auditSince(db, since));
      for (const row of rows) context.out(options.json ? JSON.stringify(row) : auditLine(row));
      if (!options.json) context.out(`${rows.length} request(s) since ${since.toISOString()}.`);
    });
}
