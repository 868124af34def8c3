/**
 * What the generator checks and clears before (and after a failed) run: the schema must be
 * there, the tables must be empty unless --replace, and emptying goes child-first so every
 * foreign key holds throughout (FOREIGN_KEY_CHECKS is never turned off).
 */
import type { RowDataPacket } from "mysql2/promise";
import type { Connection } from "../../src/db/connect.js";
import { quoteIdentifier } from "../../src/db/database-url.js";
import { FACT_TABLES } from "../../src/db/fact-tables.js";
import { UserError } from "../../src/errors.js";

export { FACT_TABLES } from "../../src/db/fact-tables.js";

/** Derived tables rebuilt by the full refresh (db/refresh/); none is referenced by a foreign key. */
export const DERIVED_TABLES = [
  "agg_ad_daily",
  "agg_orders_daily",
  "agg_product_daily",
  "agg_product_city_source_daily",
  "agg_sessions_daily",
  "agg_user_activity_daily",
  "agg_campaign_daily",
  "agg_format_daily",
  "agg_orders_city_daily",
  "agg_category_daily",
  "agg_user_returns_daily",
  "agg_signups_daily",
  "agg_signups_total",
  "rollup_dirty_days",
  "rollup_work_days",
  "rollup_user_touch",
  "rollup_return_days",
  "rollup_order_work",
  "rollup_ad_touch",
] as const;

/** Generated tables no foreign key points at: TRUNCATE is allowed and fast. */
const LEAF_TABLES = new Set(["order_details", "payments", "ad_interactions"]);

/** Its row says a generate started and has not finished (db/schema/085_generate_in_progress.sql). */
const RUN_MARKER = "generate_in_progress";

export async function assertSchema(connection: Connection, database: string): Promise<void> {
  const [tables] = await connection.query<RowDataPacket[]>(
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
    [database],
  );
  const present = new Set(tables.map((t) => String(t.name).toLowerCase()));
  const missing = [...FACT_TABLES, ...DERIVED_TABLES, "rollup_state", RUN_MARKER, "rollup_watermarks"].filter(
    (name) => !present.has(name),
  );
  if (missing.length > 0) {
    throw new UserError(
      "schema_missing",
      `Database ${database} has no kpi-bot schema (missing ${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ", ..." : ""}). Run: npx kpi db migrate`,
    );
  }
}

/** The first generated table that holds rows, or undefined when all are empty. */
export async function firstNonEmptyTable(connection: Connection): Promise<string | undefined> {
  const probes = FACT_TABLES.map(
    (t) => `(SELECT 1 FROM ${quoteIdentifier(t)} LIMIT 1) AS ${quoteIdentifier(t)}`,
  );
  const [rows] = await connection.query<RowDataPacket[]>(`SELECT ${probes.join(", ")}`);
  const row: Record<string, unknown> = rows[0] ?? {};
  return FACT_TABLES.find((t) => row[t] !== null && row[t] !== undefined);
}

/**
 * Empties every generated and derived table, children first, and resets rollup_state.
 * The connection must have @kpi_bulk_load set, so delete triggers skip marking dirty days.
 */
export async function emptyTables(connection: Connection): Promise<void> {
  for (const table of DERIVED_TABLES) await connection.query(`TRUNCATE TABLE ${quoteIdentifier(table)}`);
  for (const table of [...FACT_TABLES].reverse()) {
    const statement = LEAF_TABLES.has(table) ? "TRUNCATE TABLE" : "DELETE FROM";
    await connection.query(`${statement} ${quoteIdentifier(table)}`);
  }
  await connection.query(
    "UPDATE rollup_state SET last_refresh_at = NULL, last_full_refresh_at = NULL, last_days_refreshed = 0, last_first_day = NULL, last_last_day = NULL WHERE id = 1",
  );
}

/** When a generate that never finished started ("2026-11-25 08:00:00 UTC"), or undefined. */
export async function unfinishedRun(connection: Connection): Promise<string | undefined> {
  const [rows] = await connection.query<RowDataPacket[]>(
    `SELECT DATE_FORMAT(started_at, '%Y-%m-%d %H:%i:%s') AS started FROM ${RUN_MARKER} WHERE id = 1`,
  );
  return rows[0] ? `${rows[0].started} UTC` : undefined;
}

/** Records that a generate starts now; `finishRun` deletes the record. */
export async function startRun(connection: Connection): Promise<void> {
  await connection.query(`REPLACE INTO ${RUN_MARKER} (id, started_at) VALUES (1, UTC_TIMESTAMP())`);
}

export async function finishRun(connection: Connection): Promise<void> {
  await connection.query(`DELETE FROM ${RUN_MARKER} WHERE id = 1`);
}
