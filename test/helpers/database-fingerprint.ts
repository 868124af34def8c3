/**
 * What a database holds, cheap to compare: each base table's row count and CHECKSUM TABLE,
 * or "absent" when there is no such database. The test run's global setup takes one of the
 * user's database before and after the run (test/global/user-database-guard.ts).
 */
import mysql from "mysql2/promise";
import { connectionOptions, parseDatabaseUrl, quoteIdentifier } from "../../src/db/database-url.js";

/** Table name -> "<rows> rows, checksum <n>". */
export type Fingerprint = "absent" | ReadonlyMap<string, string>;

export async function fingerprintDatabase(url: string): Promise<Fingerprint> {
  const target = parseDatabaseUrl(url);
  const database = target.database;
  const connection = await mysql.createConnection(connectionOptions(target, false));
  try {
    const [schemas] = await connection.query(
      "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?",
      [database],
    );
    if ((schemas as unknown[]).length === 0) return "absent";
    const [tables] = await connection.query(
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
      [database],
    );
    const fingerprint = new Map<string, string>();
    for (const { name } of tables as { name: string }[]) {
      const table = `${quoteIdentifier(database)}.${quoteIdentifier(name)}`;
      const [counted] = await connection.query(`SELECT COUNT(*) AS n FROM ${table}`);
      const [summed] = await connection.query(`CHECKSUM TABLE ${table}`);
      const rows = (counted as { n: number }[])[0]?.n;
      const checksum = (summed as { Checksum: number | string | null }[])[0]?.Checksum;
      fingerprint.set(name, `${rows} rows, checksum ${checksum}`);
    }
    return fingerprint;
  } finally {
    await connection.end();
  }
}

/** One line naming the first table that differs, or undefined when nothing changed. */
export function fingerprintChange(
  database: string,
  before: Fingerprint,
  after: Fingerprint,
): string | undefined {
  if (before === "absent" || after === "absent") {
    if (before === after) return undefined;
    return `database ${database} was ${before === "absent" ? "created" : "dropped"} during the test run`;
  }
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(name) ?? "absent";
    const is = after.get(name) ?? "absent";
    if (was !== is) return `table ${database}.${name} changed during the test run (${was} -> ${is})`;
  }
  return undefined;
}
