/** `kpi db refresh`: runs the derived-figure procedures (order totals, rollups, funnel, budgets, campaigns). */
import type { RowDataPacket } from "mysql2/promise";
import type { Connection } from "./connect.js";

export interface RefreshReport {
  readonly full: boolean;
  readonly daysRefreshed: number;
  readonly seconds: number;
}

export async function refreshDerived(
  connection: Connection,
  options: { full: boolean; now?: () => number },
): Promise<RefreshReport> {
  const now = options.now ?? performance.now.bind(performance);
  const started = now();
  await connection.query("CALL sp_refresh_all(?)", [options.full ? 1 : 0]);
  const [rows] = await connection.query<RowDataPacket[]>(
    "SELECT last_days_refreshed FROM rollup_state WHERE id = 1",
  );
  return {
    full: options.full,
    daysRefreshed: Number(rows[0]?.last_days_refreshed ?? 0),
    seconds: (now() - started) / 1000,
  };
}
