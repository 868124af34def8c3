/**
 * `npm run bench:generate [-- --scale 10 --seed 42 --end-date 2026-11-25 --days 365 --keep]`
 *
 * 1. Baseline: the same rows, pre-generated into LOAD DATA files (not timed), loaded with
 *    plain LOAD DATA LOCAL INFILE into a fresh database, table by table in FK order, with the
 *    generator's session settings. Rows/s of the loads alone.
 * 2. `kpi generate` in its own process into another fresh database: wall time, the time it
 *    reports for generating + loading and for the full refresh, and its peak RSS.
 * Prints both rates, their ratio and the memory, and drops both databases (unless --keep).
 */
import { spawn } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadTable } from "../generator/load/load-data.js";
import { type GenerateOptions, parseGenerateOptions } from "../generator/options.js";
import { formatCount, tableLine } from "../generator/progress.js";
import { loadConfig } from "../src/config.js";
import { connect } from "../src/db/connect.js";
import { dropDatabase, migrate } from "../src/db/migrate/migrator.js";
import { pregenerate } from "./pregenerate.js";

const TARGET_RATIO = 0.7;
const TARGET_RSS_MB = 400;

interface GeneratorRun {
  readonly wallSeconds: number;
  readonly rows: number;
  readonly loadSeconds: number;
  readonly refreshSeconds: number;
  readonly peakRssBytes: number;
}

function benchUrl(serverUrl: string, kind: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/kpi_bench_${kind}_${process.pid}_${Math.floor(performance.now())}`;
  return url.toString();
}

async function rawLoad(url: string, options: GenerateOptions): Promise<{ rows: number; seconds: number }> {
  const dir = await mkdtemp(join(tmpdir(), "kpi-bench-"));
  try {
    process.stdout.write("  pre-generating the rows into files (not timed)...\n");
    const files = pregenerate(options, dir);
    const { connection } = await connect(url);
    try {
      await connection.query("SET @kpi_bulk_load = 1, SESSION unique_checks = 0");
      const started = performance.now();
      let rows = 0;
      for (const file of files) {
        const tableStarted = performance.now();
        const stream = createReadStream(file.path, { highWaterMark: 1 << 20 });
        rows += await loadTable(connection, file, stream, () => file.rows);
        const seconds = (performance.now() - tableStarted) / 1000;
        process.stdout.write(`${tableLine({ table: file.table, rows: file.rows, seconds })}\n`);
      }
      return { rows, seconds: (performance.now() - started) / 1000 };
    } finally {
      await connection.end();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function runGenerator(url: string, options: GenerateOptions): Promise<GeneratorRun> {
  const args = ["--import", "tsx", join(import.meta.dirname, "generate-child.ts"), "generate", "--quiet"];
  args.push("--seed", String(options.seed), "--scale", String(options.scale));
  args.push("--end-date", options.endDate, "--days", String(options.days));
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
    process.stdout.write(chunk);
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const wallSeconds = (performance.now() - started) / 1000;
      const summary =
        /Generated ([\d,]+) rows .* generating and loading ([\d.]+) s, deriving totals and rollups ([\d.]+) s/.exec(
          output,
        );
      const rss = /peak-rss-bytes (\d+)/.exec(output);
      if (code !== 0 || !summary || !rss) {
        reject(new Error(`kpi generate failed (exit ${code})`));
        return;
      }
      resolve({
        wallSeconds,
        rows: Number(summary[1]?.replaceAll(",", "")),
        loadSeconds: Number(summary[2]),
        refreshSeconds: Number(summary[3]),
        peakRssBytes: Number(rss[1]),
      });
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "10" },
      seed: { type: "string", default: "42" },
      "end-date": { type: "string", default: "2026-11-25" },
      days: { type: "string", default: "365" },
      keep: { type: "boolean", default: false },
    },
  });
  const options = parseGenerateOptions({ ...values, endDate: values["end-date"] }, values["end-date"] ?? "");
  const config = loadConfig();
  const rawUrl = benchUrl(config.databaseUrl, "raw");
  const genUrl = benchUrl(config.databaseUrl, "gen");
  const line = (label: string, rows: number, seconds: number, extra = "") =>
    `  ${label.padEnd(44)} ${seconds.toFixed(1).padStart(7)} s ${formatCount(rows / seconds).padStart(10)} rows/s${extra}`;
  process.stdout.write(
    `Benchmark: kpi generate --scale ${options.scale} (seed ${options.seed}, ${options.days} days to ${options.endDate})\n`,
  );
  try {
    await migrate(rawUrl);
    const raw = await rawLoad(rawUrl, options);
    process.stdout.write(`${line("raw LOAD DATA LOCAL INFILE (baseline)", raw.rows, raw.seconds)}\n`);
    if (!values.keep) await dropDatabase(rawUrl);
    await migrate(genUrl);
    const gen = await runGenerator(genUrl, options);
    const ratio = raw.rows / raw.seconds > 0 ? gen.rows / gen.loadSeconds / (raw.rows / raw.seconds) : 0;
    const rssMb = gen.peakRssBytes / 1048576;
    process.stdout.write(
      `\nResults (${formatCount(gen.rows)} rows; baseline loaded ${formatCount(raw.rows)}):\n`,
    );
    process.stdout.write(`${line("raw LOAD DATA LOCAL INFILE (baseline)", raw.rows, raw.seconds)}\n`);
    process.stdout.write(
      `${line("kpi generate: generating + loading", gen.rows, gen.loadSeconds, `  = ${(ratio * 100).toFixed(0)}% of raw (target >= ${TARGET_RATIO * 100}%)`)}\n`,
    );
    process.stdout.write(`${line("kpi generate: the full refresh alone", gen.rows, gen.refreshSeconds)}\n`);
    process.stdout.write(`${line("kpi generate: whole process, wall clock", gen.rows, gen.wallSeconds)}\n`);
    process.stdout.write(
      `  peak RSS of the generator process: ${rssMb.toFixed(0)} MB (target < ${TARGET_RSS_MB} MB)\n`,
    );
  } finally {
    if (!values.keep) await Promise.all([dropDatabase(rawUrl), dropDatabase(genUrl)]).catch(() => undefined);
  }
}

await main();
