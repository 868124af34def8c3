/** `kpi db migrate | reset --yes | refresh [--full] | check | grant-readonly`. */
import type { Command } from "commander";
import { redactUrl } from "../db/database-url.js";
import { UserError } from "../errors.js";
import { parseAtOption } from "./at-option.js";
import type { CliContext } from "./context.js";
import { registerGrantReadonlyCommand } from "./grant-readonly-command.js";

/** The migrator loads (with the database driver) only when a db command runs. */
const migrator = () => import("../db/migrate/migrator.js");

export function registerDbCommands(program: Command, context: CliContext): void {
  const db = program
    .command("db")
    .description("create, reset and refresh the reporting database (DATABASE_URL)");

  db.command("migrate")
    .description(
      "create the database if needed, apply new schema files, re-create procedures, triggers (none with DB_ROUTINES=off) and views",
    )
    .action(async () => {
      const { describeMigration, migrate } = await migrator();
      const report = await migrate(context.config.databaseUrl, { routines: context.config.databaseRoutines });
      context.out(describeMigration(report));
    });

  db.command("reset")
    .description("drop the database with all its data and migrate it afresh")
    .option("--yes", "confirm that all data in the database is to be deleted")
    .action(async (options: { yes?: boolean }) => {
      if (!options.yes) {
        throw new UserError(
          "reset_unconfirmed",
          `This deletes every row in ${redactUrl(context.config.databaseUrl)}. Run again with --yes to confirm.`,
        );
      }
      const { describeMigration, resetDatabase } = await migrator();
      const report = await resetDatabase(context.config.databaseUrl, {
        routines: context.config.databaseRoutines,
      });
      context.out(`Dropped database ${report.database}.`);
      context.out(describeMigration(report));
    });

  db.command("refresh")
    .description(
      "recompute derived figures: order totals, daily rollups, funnel metrics, ad and campaign budgets",
    )
    .option("--full", "rebuild every day's rollups, not only the days touched since the last refresh")
    .option(
      "--at <time>",
      "the instant alerts on a KPI are checked as of afterwards (ISO with zone; default now)",
    )
    .action(async (options: { full?: boolean; at?: string }) => {
      const full = options.full === true;
      const [{ connectionOpener, withConnection }, { refreshDerived }] = await Promise.all([
        import("../db/connect.js"),
        import("../db/refresh.js"),
      ]);
      const { databaseUrl, refreshConcurrency } = context.config;
      const report = await withConnection(databaseUrl, (c) =>
        refreshDerived(c, {
          full,
          concurrency: refreshConcurrency,
          openConnection: connectionOpener(databaseUrl),
        }),
      );
      context.out(
        `Refreshed ${report.full ? "all" : "changed"} derived figures: ${report.daysRefreshed} day(s) of rollups in ${report.seconds.toFixed(2)} s.`,
      );
      // Alerts on a KPI whose windows have recomputed days are checked now, with the bot's senders.
      if (report.changed) {
        const { alertsAfterRefresh } = await import("./schedule-actions.js");
        await alertsAfterRefresh(context, report.changed, parseAtOption(options.at));
      }
    });

  db.command("check")
    .description(
      "check the 13 tables against the data contract: foreign keys, CHECK constraints, events in the future, orders without lines; reads only",
    )
    .action(async () => {
      const [{ withConnection }, { checkData, describeDataCheck }, { wallOf }] = await Promise.all([
        import("../db/connect.js"),
        import("../db/data-check.js"),
        import("../schedule/zone-time.js"),
      ]);
      const zone = context.config.reportTimeZone;
      const now = new Date(wallOf(Date.now(), zone)).toISOString().slice(0, 19).replace("T", " ");
      const report = await withConnection(context.config.databaseUrl, (c) =>
        checkData(c, { now, timeZone: zone }),
      );
      for (const line of describeDataCheck(report)) context.out(line);
      if (report.problems.length > 0) process.exitCode = 1;
    });

  registerGrantReadonlyCommand(db, context);
}
