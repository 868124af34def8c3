/** Runs the real `kpi` binary (bin/kpi.js) in a child process, as a person would. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const KPI_BIN = fileURLToPath(new URL("../../bin/kpi.js", import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `env` adds to (an `undefined` value removes from) the test's environment; `cwd` is where the
 * command runs (where it looks for `.env`); `bin` another entry point than bin/kpi.js.
 */
export function runKpi(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  timeoutMs = 120_000,
  options: { readonly cwd?: string; readonly bin?: string } = {},
): Promise<CliResult> {
  const childEnv = Object.fromEntries(
    Object.entries({ ...process.env, LOG_LEVEL: "warn", ...env }).filter(([, v]) => v !== undefined),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [options.bin ?? KPI_BIN, ...args],
      {
        env: childEnv,
        timeout: timeoutMs,
        maxBuffer: 64 * 1024 * 1024,
        ...(options.cwd ? { cwd: options.cwd } : {}),
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
