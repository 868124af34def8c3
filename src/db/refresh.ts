/**
 * `kpi db refresh`: recomputes the derived figures (order totals, rollups, funnel, budgets,
 * campaigns) with the statements under db/refresh/, in the database's mode (refresh-runner.ts).
 */
import type { RowDataPacket } from "mysql2/promise";
import type { Connection } from "./connect.js";
import { type RefreshMode, type RunOptions, runRefresh } from "./refresh-runner.js";

export interface RefreshReport {
  readonly full: boolean;
  readonly daysRefreshed: number;
  readonly seconds: number;
  /** The database's mode: procedures (MySQL/MariaDB) or none (portable; see refresh-runner.ts). */
  readonly mode: RefreshMode;
  /** The days recomputed (what alerts on a KPI are checked again for): all, a span, or none. */
  readonly changed: { readonly from: string; readonly to: string } | "all" | null;
}

export async function refreshDerived(
  connection: Connection,
  options: Pick<RunOptions, "full" | "openConnection" | "concurrency"> & { now?: () => number },
): Promise<RefreshReport> {
  const now = options.now ?? performance.now.bind(performance);
  const started = now();
  const mode = await runRefresh(connection, options);
  // The days it recomputed (those marked by triggers and loaders, and found by the watermarks).
  const [rows] = await connection.query<RowDataPacket[]>(
    `SELECT last_days_refreshed, DATE_FORMAT(last_first_day, '%Y-%m-%d') AS first_day,
            DATE_FORMAT(last_last_day, '%Y-%m-%d') AS last_day
     FROM rollup_state WHERE id = 1`,
  );
  const state = rows[0];
  return {
    full: options.full,
    daysRefreshed: Number(state?.last_days_refreshed ?? 0),
    seconds: (now() - started) / 1000,
    mode,
    changed: options.full
      ? "all"
      : state?.first_day
        ? { from: String(state.first_day), to: String(state.last_day) }
        : null,
  };
}
