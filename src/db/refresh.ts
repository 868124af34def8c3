/**
 * `kpi db refresh`: recomputes the derived figures (order totals, rollups, funnel, budgets,
 * campaigns) with the statements under db/refresh/, in the database's mode (refresh-runner.ts).
 */
import type { RowDataPacket } from "mysql2/promise";
import type { Connection } from "./connect.js";
import { type RefreshMode, runRefresh } from "./refresh-runner.js";

/**
 * Session limit for the refresh's in-memory temporary tables: the full rebuild groups every
 * session and order once, and with the server default (16 MB) those groups spill to disk
 * (sp_refresh_all(1) ran 2-3x slower at scale 3: 96 s vs 36 s for the rollup inserts).
 */
export const REFRESH_TMP_TABLE_BYTES = 512 * 1024 * 1024;

/** Lets this session's refresh keep its temporary tables in memory (see REFRESH_TMP_TABLE_BYTES). */
export async function allowLargeTempTables(connection: Pick<Connection, "query">): Promise<void> {
  await connection.query("SET SESSION tmp_table_size = ?, max_heap_table_size = ?", [
    REFRESH_TMP_TABLE_BYTES,
    REFRESH_TMP_TABLE_BYTES,
  ]);
}

export interface RefreshReport {
  readonly full: boolean;
  readonly daysRefreshed: number;
  readonly seconds: number;
  /** Procedures (MySQL/MariaDB) or the application running the same statements (portable). */
  readonly mode: RefreshMode;
  /** The days recomputed (what alerts on a KPI are checked again for): all, a span, or none. */
  readonly changed: { readonly from: string; readonly to: string } | "all" | null;
}

export async function refreshDerived(
  connection: Connection,
  options: { full: boolean; now?: () => number },
): Promise<RefreshReport> {
  const now = options.now ?? performance.now.bind(performance);
  const started = now();
  await allowLargeTempTables(connection);
  const mode = await runRefresh(connection, { full: options.full });
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
