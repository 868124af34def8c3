/** Runs bench/chart-bench.ts --json in a fresh process (so its RSS figures are its own) and returns the result. */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type { KindTiming, RssGrowth } from "./chart-measure.js";

export interface ChartBenchResult {
  readonly rendersPerKind: number;
  readonly rss: RssGrowth;
  readonly timings: KindTiming[];
}

export async function runChartBench(rendersPerKind: number): Promise<ChartBenchResult> {
  const script = join(import.meta.dirname, "chart-bench.ts");
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", script, String(rendersPerKind), "--json"],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as ChartBenchResult;
}
