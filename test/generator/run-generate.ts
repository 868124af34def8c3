/** Shared by the generator's integration tests: a quiet run and per-table checksums. */
import { Command } from "commander";
import type { RowDataPacket } from "mysql2/promise";
import { type GenerateReport, generate } from "../../generator/generate.js";
import { DERIVED_TABLES, FACT_TABLES } from "../../generator/load/database-state.js";
import type { GenerateOptions } from "../../generator/options.js";
import type { ProgressSink } from "../../generator/progress.js";
import { registerGenerateCommand } from "../../src/cli/generate-command.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import type { TestDatabase } from "../helpers/test-database.js";

export const SILENT: ProgressSink = {
  tableStarted: () => undefined,
  tableProgress: () => undefined,
  tableDone: () => undefined,
  phase: () => undefined,
};

export function options(overrides: Partial<GenerateOptions> = {}): GenerateOptions {
  return { seed: 42, scale: 0.02, endDate: "2026-11-25", days: 120, replace: false, ...overrides };
}

export function run(
  url: string,
  opts: GenerateOptions,
  extra: { progress?: ProgressSink; signal?: AbortSignal } = {},
): Promise<GenerateReport> {
  return generate(url, opts, {
    now: () => performance.now(),
    progress: extra.progress ?? SILENT,
    signal: extra.signal,
  });
}

/** CHECKSUM TABLE of every generated and derived table, keyed by table name. */
export async function checksums(db: TestDatabase): Promise<Record<string, number>> {
  const tables = [...FACT_TABLES, ...DERIVED_TABLES.filter((t) => t.startsWith("agg_"))];
  const [rows] = await db.connection.query<RowDataPacket[]>(`CHECKSUM TABLE ${tables.join(", ")}`);
  return Object.fromEntries(rows.map((r) => [String(r.Table).split(".").pop(), Number(r.Checksum)]));
}

export async function rowCounts(db: TestDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [...FACT_TABLES, ...DERIVED_TABLES]) {
    const [rows] = await db.connection.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(rows[0]?.n);
  }
  return counts;
}

/** A single number from a query's first row and column. */
export async function scalar(db: TestDatabase, sql: string): Promise<number> {
  const [rows] = await db.connection.query<RowDataPacket[]>(sql);
  const first = rows[0];
  return first ? Number(Object.values(first)[0]) : Number.NaN;
}

/** Runs `kpi generate ...args` through the registered command at the instant `now` (REPORT_TIMEZONE=UTC); returns what it printed. */
export async function generateCli(url: string, args: readonly string[], now: Date): Promise<string[]> {
  const lines: string[] = [];
  const config = loadConfig({ DATABASE_URL: url, REPORT_TIMEZONE: "UTC", LOG_LEVEL: "silent" });
  const program = new Command("kpi").exitOverride();
  registerGenerateCommand(
    program,
    { config, log: createLogger("silent"), out: (l) => lines.push(l) },
    { now: () => now, terminal: { write: () => true, isTTY: false } },
  );
  await program.parseAsync(["node", "kpi", "generate", ...args]);
  return lines;
}
