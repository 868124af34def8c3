/** The `kpi` command line: one program, sub-commands registered per concept. */

import { constants } from "node:os";
import { Command, CommanderError } from "commander";
import { ConfigError, loadCommandConfig } from "../config.js";
import { parseDatabaseUrl } from "../db/database-url.js";
import { SettingsFileError } from "../dotenv.js";
import {
  DataSourceUnavailableError,
  InterruptedError,
  isUserError,
  referenceId,
  type UserError,
} from "../errors.js";
import { createLogger } from "../log.js";
import { projectVersion } from "../project-files.js";
import { registerAskCommand } from "./ask-command.js";
import { registerAuditCommand } from "./audit-command.js";
import type { CliContext } from "./context.js";
import { registerDbCommands } from "./db-commands.js";
import { registerDemoCommand } from "./demo-command.js";
import { registerGenerateCommand } from "./generate-command.js";
import { registerGoalsCommand } from "./goals-command.js";
import { registerScheduleCommands } from "./schedule-command.js";
import { registerServeCommand } from "./serve-command.js";
import { registerSubscriptionsCommand } from "./subscriptions-command.js";

/** Every `kpi` command, registered on one program. */
export function createProgram(context: CliContext): Command {
  const program = new Command("kpi")
    .description("kpi-bot: marketing KPIs from the reporting database, in the terminal, Slack and Teams")
    .version(projectVersion(), "-V, --version", "print the version")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)");
  registerDbCommands(program, context);
  registerGenerateCommand(program, context);
  registerAskCommand(program, context);
  registerDemoCommand(program, context);
  registerServeCommand(program, context);
  registerSubscriptionsCommand(program, context);
  registerGoalsCommand(program, context);
  registerScheduleCommands(program, context);
  registerAuditCommand(program, context);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  let context: CliContext;
  try {
    const config = loadCommandConfig((line) => process.stderr.write(`${line}\n`));
    context = {
      config,
      log: createLogger(config.logLevel),
      out: (line) => process.stdout.write(`${line}\n`),
    };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof SettingsFileError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }

  const program = createProgram(context);
  try {
    await program.parseAsync([...argv]);
    // A command that finished but found something wrong (`kpi db check`) sets the exit code.
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const failure = await userFailure(error, context.config.databaseUrl);
    if (failure) {
      if (failure.cause) context.log.debug({ code: failure.code, err: failure.cause }, "refused");
      process.stderr.write(`${failure.message}\n`);
      return failure instanceof InterruptedError ? 128 + (constants.signals[failure.signal] ?? 0) : 1;
    }
    const ref = referenceId();
    // The stack only at debug: a person running a command sees one line, the log the ref.
    const err = context.log.isLevelEnabled("debug") ? error : { message: (error as Error).message };
    context.log.error({ ref, err }, "command failed");
    process.stderr.write(`Something went wrong (ref ${ref}). ${(error as Error).message ?? ""}\n`);
    return 1;
  }
}

/**
 * What to tell the person, when the error is theirs to act on: a database that cannot be reached
 * (down, unknown, refused) is named in one line by `connectionFailure`, whichever command met
 * it (also behind "the data source is unavailable", which is worded for chat).
 */
async function userFailure(error: unknown, databaseUrl: string): Promise<UserError | undefined> {
  // The driver loads only when a command failed, so other kpi commands start fast.
  const { connectionFailure } = await import("../db/connect.js");
  const cause = error instanceof DataSourceUnavailableError ? error.cause : error;
  const database = isUserError(cause) ? cause : connectionFailure(cause, parseDatabaseUrl(databaseUrl));
  if (isUserError(database)) return database;
  return isUserError(error) ? error : undefined;
}
