/** `kpi serve` as a child process: started with a given environment, its log lines read as they come. */
import { type ChildProcess, spawn } from "node:child_process";
import { KPI_BIN } from "./run-cli.js";
import { waitFor } from "./wait-for.js";

export interface ServeProcess {
  readonly child: ChildProcess;
  /** Everything written to stderr so far (the JSON log lines). */
  stderr(): string;
  /** Waits for the "listening on port N" line and returns N. */
  port(timeoutMs?: number): Promise<number>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
  exited(): Promise<number | null>;
}

/** The environment without any Slack or Teams variable of the machine running the tests. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(SLACK|TEAMS)_/.test(key)));
  return { ...env, LOG_LEVEL: "info", PORT: "0", ...extra };
}

export function startServe(env: NodeJS.ProcessEnv): ServeProcess {
  const child = spawn(process.execPath, [KPI_BIN, "serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString("utf8");
  });
  child.stdout?.resume();
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    stderr: () => err,
    async port(timeoutMs = 30_000) {
      const match = await waitFor(
        () => /listening on port (\d+)/.exec(err) ?? (child.exitCode !== null && ["", "0"]),
        "the listening line",
        timeoutMs,
      );
      if (match[1] === "0") throw new Error(`kpi serve exited early: ${err}`);
      return Number(match[1]);
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exit;
    },
    exited: () => exit,
  };
}
