/** Runs the real `kpi` binary (bin/kpi.js) in a child process, as a person would. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const KPI_BIN = fileURLToPath(new URL("../../bin/kpi.js", import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runKpi(
  args: readonly string[],
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [KPI_BIN, ...args],
      { env: { ...process.env, LOG_LEVEL: "warn", ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
