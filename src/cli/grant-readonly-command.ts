/** `kpi db grant-readonly --user kpi_reader --password-env KPI_READER_PASSWORD [--host %]`. */
import type { Command } from "commander";
import { secretFromEnv } from "../config.js";
import { DEFAULT_READONLY_HOSTS } from "../db/readonly-hosts.js";
import type { CliContext } from "./context.js";

export function registerGrantReadonlyCommand(db: Command, context: CliContext): void {
  db.command("grant-readonly")
    .description(
      "create or update the read-only account for DATABASE_URL_READONLY: SELECT on the v_* views only",
    )
    .requiredOption("--user <name>", "account name, e.g. kpi_reader")
    .requiredOption("--password-env <variable>", "environment variable holding the password (never printed)")
    .option(
      "--host <host...>",
      `host part(s) of the account (default: ${DEFAULT_READONLY_HOSTS.map((h) => `'${h}'`).join(" ")})`,
    )
    .action(async (options: { user: string; passwordEnv: string; host?: string[] }) => {
      const password = secretFromEnv(options.passwordEnv);
      const [{ withConnection }, { grantReadonly }] = await Promise.all([
        import("../db/connect.js"),
        import("../db/grant-readonly.js"),
      ]);
      const report = await withConnection(context.config.databaseUrl, (connection, target) =>
        grantReadonly(connection, {
          database: target.database,
          user: options.user,
          password,
          ...(options.host ? { hosts: options.host } : {}),
        }),
      );
      const accounts = report.hosts.map((h) => `'${report.user}'@'${h}'`).join(", ");
      const created = report.created.length > 0 ? `created ${report.created.length}, ` : "";
      context.out(
        `Read-only account ${accounts} (${created}password from ${options.passwordEnv}): SELECT on ${report.views.length} views (${report.views.join(", ")}), nothing else.`,
      );
      context.out(
        `Set DATABASE_URL_READONLY=mysql://${report.user}:<password>@<host>:<port>/<database> for the bot's query path.`,
      );
    });
}
