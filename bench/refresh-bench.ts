/**
 * The incremental refresh (`kpi db refresh`) after late data: one past day marked dirty (as a
 * trigger does for a late order) and recomputed, the median of a few runs. Marking a day
 * changes no data: the refresh rewrites that day's rollups with the same rows.
 */
import { connect } from "../src/db/connect.js";
import { refreshDerived } from "../src/db/refresh.js";
import type { ResultRow } from "./report-table.js";
import { summarize } from "./stats.js";

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
      const report = await refreshDerived(connection, { full: false });
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
        measured: `sp_refresh_all(0) with ${options.day} marked dirty (${days} day recomputed), median of ${options.runs} runs`,
      },
    ];
  } finally {
    await connection.end();
  }
}
