/**
 * The benchmark's databases: uniquely named per run on the configured server, migrated,
 * filled by `kpi generate` in its own process (bench/generate-child.ts, so its peak RSS
 * is the generator's alone), and dropped at the end unless kept.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { dropDatabase, migrate } from "../src/db/migrate/migrator.js";
import { loadAverage } from "./machine.js";

export interface GenerateSpec {
  readonly seed: number;
  readonly scale: number;
  readonly endDate: string;
  readonly days: number;
}

export interface GeneratorRun {
  readonly rows: number;
  /** What the generator reports for generating + loading (rollups excluded). */
  readonly loadSeconds: number;
  readonly refreshSeconds: number;
  readonly wallSeconds: number;
  readonly peakRssBytes: number;
  /** The load average (1/5/15 min) when it started: the machine is shared. */
  readonly loadAverage?: string;
}

const SUMMARY =
  /Generated ([\d,]+) rows .* generating and loading ([\d.]+) s, deriving totals and rollups ([\d.]+) s/;

/** A unique database URL next to `serverUrl`'s database, e.g. kpi_bench_s10_1234_5678. */
export function benchDatabaseUrl(serverUrl: string, label: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/kpi_bench_${label}_${process.pid}_${Date.now() % 1_000_000}`;
  return url.toString();
}

export async function createBenchDatabase(url: string): Promise<string> {
  await migrate(url);
  return url;
}

export async function dropBenchDatabases(urls: readonly string[]): Promise<void> {
  await Promise.all(urls.map((url) => dropDatabase(url).catch(() => undefined)));
}

/** `kpi generate` into `url` (already migrated) in a child process; rows, seconds and peak RSS. */
export function generateInto(url: string, spec: GenerateSpec): Promise<GeneratorRun> {
  const args = ["--import", "tsx", join(import.meta.dirname, "generate-child.ts"), "generate", "--quiet"];
  args.push("--seed", String(spec.seed), "--scale", String(spec.scale));
  args.push("--end-date", spec.endDate, "--days", String(spec.days));
  const load = loadAverage().join("/");
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let errors = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString("utf8");
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const summary = SUMMARY.exec(output);
      const rss = /peak-rss-bytes (\d+)/.exec(output);
      if (code !== 0 || !summary || !rss) {
        reject(new Error(`kpi generate --scale ${spec.scale} failed (exit ${code}): ${errors || output}`));
        return;
      }
      resolve({
        rows: Number(summary[1]?.replaceAll(",", "")),
        loadSeconds: Number(summary[2]),
        refreshSeconds: Number(summary[3]),
        wallSeconds: (performance.now() - started) / 1000,
        peakRssBytes: Number(rss[1]),
        loadAverage: load,
      });
    });
  });
}
