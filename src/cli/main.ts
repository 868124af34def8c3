/** The `kpi` command line: one program, sub-commands registered per concept. */
import { Command, CommanderError } from "commander";
import { ConfigError, loadConfig } from "../config.js";
import { isUserError, referenceId } from "../errors.js";
import { createLogger } from "../log.js";
import { registerAskCommand } from "./ask-command.js";
import { registerAuditCommand } from "./audit-command.js";
import type { CliContext } from "./context.js";
import { registerDbCommands } from "./db-commands.js";
import { registerDemoCommand } from "./demo-command.js";
import { registerGenerateCommand } from "./generate-command.js";
import { registerScheduleCommands } from "./schedule-command.js";
import { registerServeCommand } from "./serve-command.js";
import { registerSubscriptionsCommand } from "./subscriptions-command.js";

export async function main(argv: readonly string[]): Promise<number> {
  let context: CliContext;
  try {
    const config = loadConfig();
    context = {
      config,
      log: createLogger(config.logLevel),
      out: (line) => process.stdout.write(`${line}\n`),
    };
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }

  const program = new Command("kpi")
    .description("kpi-bot: marketing KPIs from the reporting database, in the terminal, Slack and Teams")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)");
  registerDbCommands(program, context);
  registerGenerateCommand(program, context);
  registerAskCommand(program, context);
  registerDemoCommand(program, context);
  registerServeCommand(program, context);
  registerSubscriptionsCommand(program, context);
  registerScheduleCommands(program, context);
  registerAuditCommand(program, context);

  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (isUserError(error)) {
      if (error.cause) context.log.debug({ code: error.code, err: error.cause }, "refused");
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    const ref = referenceId();
    context.log.error({ ref, err: error }, "command failed");
    process.stderr.write(`Something went wrong (ref ${ref}). ${(error as Error).message ?? ""}\n`);
    return 1;
  }
}
