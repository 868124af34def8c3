/**
 * `kpi db check`: does the data in the 13 tables keep the contract the reports rely on? Loaders
 * that switch FOREIGN_KEY_CHECKS or check_constraint_checks off (bulk loads often do), and data
 * copied in from elsewhere, can leave rows the schema would have refused. The check reads only:
 * - every foreign key of the 13 tables: rows pointing at no parent row;
 * - every CHECK constraint of the 13 tables (read from the server's catalogue): rows breaking it;
 * - the contract beyond the schema: events later than now in the report zone, orders placed
 *   before their session started, orders without lines, empty reference tables;
 * - whether the derived figures are current (days changed since the last `kpi db refresh`).
 * Each problem is one line with its count; the SQL is built from the catalogue and fixed text
 * only (identifiers quoted), never from input.
 */
import type { RowDataPacket } from "mysql2/promise";
import type { Connection } from "./connect.js";
import { quoteIdentifier as q } from "./database-url.js";
import { FACT_TABLES } from "./fact-tables.js";

export interface DataProblem {
  /** `table.column` or `table` the problem is in. */
  readonly where: string;
  readonly rows: number;
  /** What is wrong, for a person loading data. */
  readonly what: string;
}

export interface DataCheckReport {
  readonly rowsPerTable: ReadonlyMap<string, number>;
  readonly problems: readonly DataProblem[];
  /** Days whose derived figures are older than their data (run `kpi db refresh`). */
  readonly staleDays: number;
}

/** Tables a shop cannot leave empty: every area reads them, or they define the others' codes. */
const REFERENCE_TABLES = ["product_categories", "traffic_sources", "ad_platforms"] as const;

/** Event timestamps that cannot be later than now. */
const EVENT_TIMES: readonly (readonly [string, string])[] = [
  ["sessions", "started_at"],
  ["orders", "ordered_at"],
  ["payments", "paid_at"],
  ["ad_interactions", "occurred_at"],
];

async function count(connection: Connection, sql: string, params: unknown[] = []): Promise<number> {
  const [rows] = await connection.query<RowDataPacket[]>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

interface ForeignKey {
  readonly name: string;
  readonly table: string;
  readonly column: string;
  readonly parent: string;
  readonly parentColumn: string;
}

/**
 * Every foreign key of these tables with the rows that point at no parent row (0 when none):
 * what `kpi db check` reports for the 13 tables, and what a test asks of the rollups.
 */
export async function danglingReferences(
  connection: Connection,
  tables: readonly string[],
): Promise<(ForeignKey & { readonly rows: number })[]> {
  const [keys] = await connection.query<RowDataPacket[]>(
    `SELECT CONSTRAINT_NAME AS name, TABLE_NAME AS t, COLUMN_NAME AS c,
            REFERENCED_TABLE_NAME AS p, REFERENCED_COLUMN_NAME AS pc
     FROM information_schema.KEY_COLUMN_USAGE
     WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL AND TABLE_NAME IN (?)
     ORDER BY TABLE_NAME, CONSTRAINT_NAME`,
    [tables],
  );
  const found = [];
  for (const r of keys) {
    const fk: ForeignKey = { name: r.name, table: r.t, column: r.c, parent: r.p, parentColumn: r.pc };
    const rows = await count(
      connection,
      `SELECT COUNT(*) AS n FROM ${q(fk.table)} c LEFT JOIN ${q(fk.parent)} p ON p.${q(fk.parentColumn)} = c.${q(fk.column)}
       WHERE c.${q(fk.column)} IS NOT NULL AND p.${q(fk.parentColumn)} IS NULL`,
    );
    found.push({ ...fk, rows });
  }
  return found;
}

async function checkConstraints(connection: Connection) {
  const [rows] = await connection.query<RowDataPacket[]>(
    `SELECT TABLE_NAME AS t, CONSTRAINT_NAME AS name, CHECK_CLAUSE AS clause
     FROM information_schema.CHECK_CONSTRAINTS
     WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME IN (?)
     ORDER BY TABLE_NAME, CONSTRAINT_NAME`,
    [FACT_TABLES],
  );
  return rows.map((r) => ({ table: r.t as string, name: r.name as string, clause: r.clause as string }));
}

export async function checkData(
  connection: Connection,
  options: {
    /** Now as the report zone's clock shows it, "2026-11-30 14:05:00" (how timestamps are stored). */
    readonly now: string;
    readonly timeZone: string;
  },
): Promise<DataCheckReport> {
  const rowsPerTable = new Map<string, number>();
  for (const table of FACT_TABLES)
    rowsPerTable.set(table, await count(connection, `SELECT COUNT(*) AS n FROM ${q(table)}`));
  const problems: DataProblem[] = [];
  const add = (where: string, rows: number, what: string) => {
    if (rows > 0) problems.push({ where, rows, what });
  };

  for (const table of REFERENCE_TABLES) {
    if (rowsPerTable.get(table) === 0)
      problems.push({ where: table, rows: 0, what: "is empty: the other tables' codes refer to its rows" });
  }
  for (const fk of await danglingReferences(connection, FACT_TABLES)) {
    add(`${fk.table}.${fk.column}`, fk.rows, `point at no ${fk.parent} row (${fk.name})`);
  }
  // One pass per table for all its CHECK constraints.
  const checks = await checkConstraints(connection);
  for (const table of FACT_TABLES) {
    const own = checks.filter((c) => c.table === table);
    if (own.length === 0) continue;
    // Each clause is the server's own text of a constraint in this schema; NULL passes, as in a CHECK.
    const sums = own.map((c, i) => `COALESCE(SUM(NOT (${c.clause})), 0) AS c${i}`).join(", ");
    const [rows] = await connection.query<RowDataPacket[]>(`SELECT ${sums} FROM ${q(table)}`);
    for (const [i, c] of own.entries()) {
      add(table, Number(rows[0]?.[`c${i}`] ?? 0), `break ${c.name}: ${c.clause}`);
    }
  }
  const { now } = options;
  for (const [table, column] of EVENT_TIMES) {
    const later = await count(connection, `SELECT COUNT(*) AS n FROM ${q(table)} WHERE ${q(column)} > ?`, [
      now,
    ]);
    add(
      `${table}.${column}`,
      later,
      `are later than now (${now} ${options.timeZone}); timestamps are the report zone's wall clock`,
    );
  }
  add(
    "orders.ordered_at",
    await count(
      connection,
      "SELECT COUNT(*) AS n FROM orders o JOIN sessions s ON s.session_id = o.session_id WHERE o.ordered_at < s.started_at",
    ),
    "are before their session started",
  );
  add(
    "orders",
    await count(
      connection,
      "SELECT COUNT(*) AS n FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_details d WHERE d.order_id = o.order_id)",
    ),
    "have no order_details lines (revenue and items come from the lines)",
  );
  const staleDays = await count(connection, "SELECT COUNT(*) AS n FROM rollup_dirty_days");
  return { rowsPerTable, problems, staleDays };
}

/** The report as lines: one per problem with its count, then the verdict. */
export function describeDataCheck(report: DataCheckReport): string[] {
  const rows = [...report.rowsPerTable.values()].reduce((a, b) => a + b, 0);
  const lines = report.problems.map((p) =>
    p.rows === 0
      ? `✗ ${p.where} ${p.what}`
      : `✗ ${p.where}: ${p.rows.toLocaleString("en-US")} row(s) ${p.what}`,
  );
  if (report.staleDays > 0) {
    lines.push(
      `! ${report.staleDays.toLocaleString("en-US")} day(s) changed since the last refresh: run npx kpi db refresh`,
    );
  }
  lines.push(
    report.problems.length === 0
      ? `✓ ${FACT_TABLES.length} tables, ${rows.toLocaleString("en-US")} rows: every foreign key, CHECK constraint and contract rule holds.`
      : `${report.problems.length} problem(s) in ${FACT_TABLES.length} tables of ${rows.toLocaleString("en-US")} rows; nothing was changed.`,
  );
  return lines;
}
