/** `kpi generate`: fills the database with synthetic, reproducible data (see generator/). */
import type { Command } from "commander";
import { minuteIn, todayIn } from "../../generator/calendar.js";
import { parseGenerateOptions, type RawGenerateOptions } from "../../generator/options.js";
import { lineProgress, ttyProgress } from "../../generator/progress.js";
import { describeReport, describeStart } from "../../generator/report.js";
import { parseDatabaseUrl } from "../db/database-url.js";
import { InterruptedError } from "../errors.js";
import type { CliContext } from "./context.js";

export interface GenerateCommandDeps {
  /** The current instant (default: the system clock); sets the default --end-date and --end-time. */
  readonly now?: () => Date;
  /** Monotonic milliseconds for durations. */
  readonly monotonic?: () => number;
  /** Where the live progress bar is drawn when it is a terminal. */
  readonly terminal?: { write(text: string): unknown; readonly isTTY?: boolean };
}

const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

interface CommandOptions extends RawGenerateOptions {
  readonly quiet?: boolean;
}

export function registerGenerateCommand(
  program: Command,
  context: CliContext,
  deps: GenerateCommandDeps = {},
): void {
  const now = deps.now ?? (() => new Date());
  const monotonic = deps.monotonic ?? (() => performance.now());
  const terminal = deps.terminal ?? process.stderr;
  program
    .command("generate")
    .description(
      "fill all tables with realistic synthetic data (same seed and options = identical data), then derive totals and rollups",
    )
    .option("--seed <n>", "random seed (a whole number)", "42")
    .option(
      "--scale <x>",
      "size: 1 = 10k users, 1k products, 50k orders, ~1M rows; up to 100, fractions such as 0.05 for tests",
      "1",
    )
    .option("--end-date <YYYY-MM-DD>", "last day of generated activity (default: today in REPORT_TIMEZONE)")
    .option(
      "--end-time <HH:MM>",
      "no activity after this minute of --end-date (default: now when --end-date is today, else the whole day)",
    )
    .option("--days <n>", "days of activity ending on --end-date", "365")
    .option("--replace", "delete the data already in the database first (otherwise it is refused)")
    .option("--quiet", "no live progress bar: one line per table and the summary")
    .action(async (raw: CommandOptions) => {
      const instant = now();
      const zone = context.config.reportTimeZone;
      const options = parseGenerateOptions(raw, todayIn(zone, instant), minuteIn(zone, instant));
      const database = parseDatabaseUrl(context.config.databaseUrl).database;
      const progress =
        raw.quiet || terminal.isTTY !== true
          ? lineProgress(context.out)
          : ttyProgress(terminal, context.out, monotonic);
      // Ctrl-C or SIGTERM stops the run cleanly (tables emptied again); a second Ctrl-C ends it at once.
      const controller = new AbortController();
      const interrupt = (signal: NodeJS.Signals) => controller.abort(new InterruptedError(signal));
      for (const signal of STOP_SIGNALS) process.once(signal, interrupt);
      try {
        context.out(describeStart(options, database));
        // faker and the generator load only when generating, so other kpi commands start fast.
        const { generate } = await import("../../generator/generate.js");
        const report = await generate(context.config.databaseUrl, options, {
          now: monotonic,
          progress,
          signal: controller.signal,
          refreshConcurrency: context.config.refreshConcurrency,
        });
        for (const line of describeReport(report, process.resourceUsage().maxRSS * 1024)) context.out(line);
      } finally {
        for (const signal of STOP_SIGNALS) process.off(signal, interrupt);
      }
    });
}
