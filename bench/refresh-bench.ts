/**
 * The refresh at the large scale: the incremental refresh (`kpi db refresh`) after late data —
 * one past day marked dirty (as a trigger does for a late order) and recomputed, the median of a
 * few runs; the same in portable mode (the database migrated with no routines and no triggers,
 * the late row found by its watermark); and the full rebuild (`kpi db refresh --full`). Marking
 * a day changes no data: the refresh rewrites that day's rollups with the same rows. The
 * database is migrated back to routines afterwards.
 */
import { DEFAULT_REFRESH_CONCURRENCY } from "../src/config.js";
import { connect, connectionOpener } from "../src/db/connect.js";
import { migrate } from "../src/db/migrate/migrator.js";
import { refreshDerived } from "../src/db/refresh.js";
import { loadAverage } from "./machine.js";
import type { ResultRow } from "./report-table.js";
import { summarize } from "./stats.js";
import { TARGETS } from "./targets.js";

/** As `kpi db refresh` refreshes with the default settings: side by side where it may. */
function asTheCommand(databaseUrl: string) {
  return {
    concurrency: DEFAULT_REFRESH_CONCURRENCY,
    openConnection: connectionOpener(databaseUrl),
  };
}

export async function measureIncrementalRefresh(
  databaseUrl: string,
  options: { readonly day: string; readonly runs: number; readonly scale: number },
): Promise<ResultRow[]> {
  const { connection } = await connect(databaseUrl);
  try {
    const seconds: number[] = [];
    let days = 0;
    for (let i = 0; i < options.runs; i++) {
      await connection.query("INSERT IGNORE INTO rollup_dirty_days (day) VALUES (?)", [options.day]);
      const report = await refreshDerived(connection, { full: false, ...asTheCommand(databaseUrl) });
      seconds.push(report.seconds);
      days = report.daysRefreshed;
    }
    const summary = summarize(seconds);
    return [
      {
        section: "refresh",
        figure: `incremental refresh of one late day, scale ${options.scale}`,
        value: summary.p50 * 1000,
        unit: "ms",
        measured: `sp_refresh_all(0) with ${options.day} marked dirty (${days} day recomputed), median of ${options.runs} runs; load ${loadAverage().join("/")}`,
      },
    ];
  } finally {
    await connection.end();
  }
}

/** Portable mode: an outside write to one order of `day` (no trigger), found and refreshed. */
export async function measurePortableIncrementalRefresh(
  databaseUrl: string,
  options: { readonly day: string; readonly runs: number; readonly scale: number },
): Promise<ResultRow[]> {
  await migrate(databaseUrl, { routines: "off" });
  const { connection } = await connect(databaseUrl);
  try {
    const seconds: number[] = [];
    let days = 0;
    for (let i = 0; i < options.runs; i++) {
      await connection.query(
        "UPDATE orders SET updated_at = NOW(3) WHERE ordered_at >= ? AND ordered_at < ? + INTERVAL 1 DAY ORDER BY ordered_at LIMIT 1",
        [options.day, options.day],
      );
      const report = await refreshDerived(connection, { full: false, ...asTheCommand(databaseUrl) });
      if (report.mode !== "portable") throw new Error(`refreshed with ${report.mode}, not portable`);
      seconds.push(report.seconds);
      days = report.daysRefreshed;
    }
    const summary = summarize(seconds);
    return [
      {
        section: "refresh",
        figure: `portable mode: incremental refresh of one late day, scale ${options.scale}`,
        value: summary.p50 * 1000,
        unit: "ms",
        measured: `no routines or triggers; one order of ${options.day} written, found by its watermark (${days} day recomputed), median of ${options.runs} runs; load ${loadAverage().join("/")}`,
        target: { op: "<=", limit: TARGETS.portableIncrementalMs },
      },
    ];
  } finally {
    await connection.end();
    await migrate(databaseUrl, { routines: "on" });
  }
}

/**
 * `kpi db refresh --full` on a database whose rollups are full: every row deleted and written
 * again (the generator's rebuild, over empty rollups, is the row with the target).
 */
export async function measureFullRebuild(
  databaseUrl: string,
  options: { readonly scale: number },
): Promise<ResultRow[]> {
  const { connection } = await connect(databaseUrl);
  try {
    const before = loadAverage().join("/");
    const report = await refreshDerived(connection, { full: true, ...asTheCommand(databaseUrl) });
    return [
      {
        section: "refresh",
        figure: `kpi db refresh --full over existing rollups, scale ${options.scale}`,
        value: report.seconds,
        unit: "s",
        measured: `${report.mode}, ${DEFAULT_REFRESH_CONCURRENCY} connections, ${report.daysRefreshed} days, every rollup row deleted and rewritten, 1 run; load ${before} before`,
      },
    ];
  } finally {
    await connection.end();
  }
}
