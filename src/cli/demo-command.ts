/**
 * `kpi demo` (`npm run demo`): the newcomer's first command. Migrates the database,
 * generates a small shop (scale 0.1) when it is empty, prints the answer of every area
 * for the last 30 days and writes their charts to ./demo-output/.
 */
import type { Command } from "commander";
import type { CliContext } from "./context.js";

export const DEMO_SCALE = 0.1;
export const DEMO_SEED = 42;

export function registerDemoCommand(program: Command, context: CliContext): void {
  program
    .command("demo")
    .description(
      "migrate, generate a small shop if the database is empty, and answer every area (charts in ./demo-output)",
    )
    .option("--out <dir>", "where the chart images go", "demo-output")
    .action(async (options: { out: string }) => {
      const { config, out } = context;
      // Everything it runs loads here, so other kpi commands start fast.
      const [
        { minuteIn, todayIn },
        { firstNonEmptyTable },
        { parseGenerateOptions },
        { lineProgress },
        { describeReport },
        { AREA_NAMES },
        { withConnection },
        { describeMigration, migrate },
        { writeCharts },
      ] = await Promise.all([
        import("../../generator/calendar.js"),
        import("../../generator/load/database-state.js"),
        import("../../generator/options.js"),
        import("../../generator/progress.js"),
        import("../../generator/report.js"),
        import("../areas/registry.js"),
        import("../db/connect.js"),
        import("../db/migrate/migrator.js"),
        import("./ask-command.js"),
      ]);
      out(describeMigration(await migrate(config.databaseUrl, { routines: config.databaseRoutines })));
      const busy = await withConnection(config.databaseUrl, (c) => firstNonEmptyTable(c));
      if (busy === undefined) {
        const instant = new Date();
        const today = todayIn(config.reportTimeZone, instant);
        const generateOptions = parseGenerateOptions(
          { seed: DEMO_SEED, scale: DEMO_SCALE },
          today,
          minuteIn(config.reportTimeZone, instant),
        );
        out(
          `\nThe database is empty: generating a demo shop (seed ${DEMO_SEED}, scale ${DEMO_SCALE}, 365 days to ${today})...`,
        );
        const { generate } = await import("../../generator/generate.js");
        const report = await generate(config.databaseUrl, generateOptions, {
          now: () => performance.now(),
          progress: lineProgress(() => undefined),
          refreshConcurrency: config.refreshConcurrency,
        });
        out(describeReport(report).at(-1) ?? "");
      } else {
        out(`\nThe database already has data (${busy}); answering from it.`);
      }

      const [{ createEngine }, { answerToText }] = await Promise.all([
        import("../engine/engine.js"),
        import("../render/terminal-answer.js"),
      ]);
      const engine = createEngine(config);
      try {
        for (const area of AREA_NAMES) {
          const answer = await engine.answer({
            area,
            period: { kind: "relative", word: "last-30d" },
            comparison: "previous",
            filters: {},
          });
          const files = await writeCharts(answer, options.out, config.currency);
          out(`\n$ npx kpi ask "${area} last-30d"\n`);
          out(
            answerToText(answer, {
              currency: config.currency,
              chartFiles: files,
              maxRows: 5,
            }).trimEnd(),
          );
        }
      } finally {
        await engine.close();
      }
      out(
        [
          "",
          `Charts are in ./${options.out}/. Ask anything else with: npx kpi ask "campaigns last-90d vs last-year platform=meta"`,
          "Every command and metric: npx kpi ask help, npx kpi ask help metrics.",
          "Connect Slack: create the app from manifest.yml, set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode), run npm start.",
          "Connect Teams: set TEAMS_APP_ID, TEAMS_APP_PASSWORD, TEAMS_TENANT_ID, run npm run teams:package and npm start.",
          "The README's Slack and Microsoft Teams sections have every step.",
        ].join("\n"),
      );
    });
}
