/**
 * Secrets named on the command line (`--password-env KPI_READER_PASSWORD`): read from the
 * environment by name, here next to src/config.ts, so that no other module reads process.env.
 * The value is returned, never printed; errors name the variable only.
 */
import { UserError } from "./errors.js";

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function secretFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  if (!VARIABLE_NAME.test(name)) {
    throw new UserError("bad_variable", `--password-env ${JSON.stringify(name)} is not a variable name.`);
  }
  const value = env[name];
  if (value === undefined || value === "") {
    throw new UserError("missing_secret", `${name} is not set: put the password in that variable.`);
  }
  return value;
}
