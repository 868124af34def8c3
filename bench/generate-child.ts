/**
 * Runs `kpi generate <args>` in its own process, exactly as the CLI registers it, and prints
 * the process's peak RSS as the last line (`peak-rss-bytes <n>`). The benchmark spawns this
 * so that the measured memory is the generator's alone. Usage:
 *   DATABASE_URL=mysql://... node --import tsx bench/generate-child.ts generate --scale 10 --quiet
 */
import { Command, CommanderError } from "commander";
import { registerGenerateCommand } from "../src/cli/generate-command.js";
import { loadConfig } from "../src/config.js";
import { isUserError } from "../src/errors.js";
import { createLogger } from "../src/log.js";

async function runChild(argv: readonly string[]): Promise<number> {
  const config = loadConfig();
  const context = {
    config,
    log: createLogger(config.logLevel),
    out: (line: string) => process.stdout.write(`${line}\n`),
  };
  const program = new Command("kpi").exitOverride();
  registerGenerateCommand(program, context);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    process.stderr.write(`${isUserError(error) ? "" : "internal error: "}${(error as Error).message}\n`);
    return 1;
  } finally {
    process.stdout.write(`peak-rss-bytes ${process.resourceUsage().maxRSS * 1024}\n`);
  }
}

process.exitCode = await runChild(process.argv);
