/**
 * Settings from a `.env` file: optional, read once at start-up from the working directory (or
 * the file KPI_ENV_FILE names; KPI_ENV_FILE= turns it off). The environment wins: a key already
 * set is left alone. Keys kpi-bot does not read are still loaded (a `--password-env` variable
 * may live there) and named in one warning, so a typo such as CURENCY does not pass silently.
 * Values are never printed.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseEnv } from "node:util";

/** KPI_ENV_FILE names a file that cannot be read. */
export class SettingsFileError extends Error {}

export interface DotEnvResult {
  /** The file read, or null when there was none (or KPI_ENV_FILE is empty). */
  readonly file: string | null;
  /** Keys taken from the file (absent from the environment before). */
  readonly loaded: readonly string[];
  /** Keys of the file that the environment already set: the environment's values stay. */
  readonly overridden: readonly string[];
  /** Keys of the file that are not kpi-bot settings. */
  readonly unknown: readonly string[];
}

export function loadDotEnv(
  env: NodeJS.ProcessEnv,
  known: ReadonlySet<string>,
  cwd: string = process.cwd(),
): DotEnvResult {
  const named = env.KPI_ENV_FILE;
  if (named === "") return { file: null, loaded: [], overridden: [], unknown: [] };
  const file = resolve(cwd, named ?? ".env");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && named === undefined) {
      return { file: null, loaded: [], overridden: [], unknown: [] };
    }
    throw new SettingsFileError(
      `Cannot read the settings file ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
    );
  }
  const values = parseEnv(text);
  const loaded: string[] = [];
  const overridden: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (env[key] !== undefined) overridden.push(key);
    else {
      env[key] = value;
      loaded.push(key);
    }
  }
  const unknown = Object.keys(values).filter((key) => !known.has(key) && key !== "KPI_ENV_FILE");
  return { file, loaded, overridden, unknown };
}

/** The one warning about a file's keys that kpi-bot does not read, or null. */
export function unknownKeysWarning(result: DotEnvResult): string | null {
  if (result.unknown.length === 0) return null;
  return `${result.file}: ${result.unknown.join(", ")} ${result.unknown.length === 1 ? "is not a setting" : "are not settings"} kpi-bot reads (loaded anyway, e.g. for --password-env).`;
}
