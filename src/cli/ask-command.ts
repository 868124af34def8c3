/** `kpi ask "<command text>" [--json] [--chart-dir DIR] [--as-of YYYY-MM-DD]`. */
import { mkdir, writeFile } from "node:fs/promises";
import { join, parse, resolve, sep } from "node:path";
import type { Command } from "commander";
import type { Answer } from "../answer/answer.js";
import { instantForDay } from "../calendar/as-of.js";
import { UserError } from "../errors.js";
import type { CliContext } from "./context.js";

interface AskOptions {
  json?: boolean;
  chartDir?: string;
  asOf?: string;
}

/** Writes each chart of the answer as `<area>-<chart key>.png`; returns the paths by chart key. */
export async function writeCharts(
  answer: Answer,
  dir: string,
  currency: string,
): Promise<Map<string, string>> {
  // Loaded here, not at start-up: chart.js and the canvas library cost ~28 MB that only this needs.
  const { renderChart } = await import("../charts/render-chart.js");
  try {
    await makeDirectory(dir);
    const files = new Map<string, string>();
    for (const chart of answer.charts) {
      const path = join(dir, `${answer.area}-${chart.key}.png`);
      await writeFile(path, renderChart(chart, { currency }));
      files.set(chart.key, path);
    }
    return files;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (!code) throw error;
    throw new UserError("chart_dir_unwritable", `Cannot write the charts to ${dir} (${code}).`, {
      cause: error,
    });
  }
}

/**
 * mkdir -p one level at a time: Node's recursive mkdir loops for ever on some paths
 * (/proc/nope), where a plain mkdir fails at once.
 */
async function makeDirectory(dir: string): Promise<void> {
  const absolute = resolve(dir);
  let path = parse(absolute).root;
  for (const part of absolute.slice(path.length).split(sep).filter(Boolean)) {
    path = join(path, part);
    await mkdir(path).catch((error: { code?: string }) => {
      if (error.code !== "EEXIST") throw error;
    });
  }
}

export function registerAskCommand(program: Command, context: CliContext): void {
  program
    .command("ask")
    .description('answer a command as the bot would, e.g. kpi ask "campaigns last-30d platform=meta"')
    .argument("<text...>", "the command text (quote it, or pass the words)")
    .option("--json", "print the Answer JSON only")
    .option("--chart-dir <dir>", "write the answer's charts as PNG files into this directory")
    .option("--as-of <date>", "answer as if today were this date (YYYY-MM-DD) in REPORT_TIMEZONE")
    .action(async (words: string[], options: AskOptions) => {
      const { config } = context;
      // The engine (Kysely, mysql2) loads only here, so other kpi commands start fast.
      const [{ createEngine }, { answerToText }] = await Promise.all([
        import("../engine/engine.js"),
        import("../render/terminal-answer.js"),
      ]);
      const at = options.asOf ? instantForDay(options.asOf, config.reportTimeZone) : undefined;
      const engine = createEngine(config, () => at ?? new Date());
      try {
        const outcome = await engine.run(words.join(" "));
        if (outcome.kind === "help") {
          context.out(options.json ? JSON.stringify({ help: outcome.text }) : outcome.text);
          return;
        }
        const { answer } = outcome;
        const files = options.chartDir
          ? await writeCharts(answer, options.chartDir, config.currency)
          : undefined;
        context.out(
          options.json
            ? JSON.stringify(answer)
            : answerToText(answer, { currency: config.currency, chartFiles: files }).trimEnd(),
        );
      } finally {
        await engine.close();
      }
    });
}
