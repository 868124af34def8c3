/**
 * Streams rows into a table with LOAD DATA LOCAL INFILE: mysql2 asks for the "file" and we hand
 * it a Readable of Buffer chunks (generated on the fly or read from a spool file). With LOCAL,
 * the server turns bad rows into warnings and skips them instead of failing, so every load is
 * checked: exactly the rows sent, and no warnings.
 */
import { Readable } from "node:stream";
import type { ResultSetHeader, RowDataPacket } from "mysql2/promise";
import type { Connection } from "../../src/db/connect.js";
import { quoteIdentifier } from "../../src/db/database-url.js";
import { TSV_FORMAT_SQL } from "../tsv.js";

export interface LoadTarget {
  readonly table: string;
  readonly columns: readonly string[];
}

/**
 * `updated_at` of generated fact rows (db/schema/160_fact_watermarks.sql): the time the row
 * happened, not the time it was loaded, so the same seed and options give identical tables.
 * Order lines have no time of their own: they all take one fixed instant of the past (a later
 * write by anyone else is newer and is found by the refresh's watermark).
 */
const GENERATED_ROW_TIME: Readonly<Record<string, string>> = {
  ad_interactions: "occurred_at",
  sessions: "started_at",
  orders: "ordered_at",
  users: "signup_date",
  order_details: "'1970-01-01 00:00:01'",
};

export function loadDataSql(target: LoadTarget): string {
  const columns = target.columns.map(quoteIdentifier).join(", ");
  const rowTime = GENERATED_ROW_TIME[target.table];
  const set = rowTime && !target.columns.includes("updated_at") ? ` SET updated_at = ${rowTime}` : "";
  return `LOAD DATA LOCAL INFILE 'kpi-generate/${target.table}.tsv' INTO TABLE ${quoteIdentifier(target.table)} ${TSV_FORMAT_SQL} (${columns})${set}`;
}

/**
 * Loads one stream into a table inside its own transaction.
 * @param expectedRows how many rows the stream holds (asked after it has ended)
 * @param onBytes called with the size of each chunk as it is sent
 */
export async function loadTable(
  connection: Connection,
  target: LoadTarget,
  stream: Readable,
  expectedRows: () => number,
  onBytes: (bytes: number) => void = () => undefined,
): Promise<number> {
  await connection.query("START TRANSACTION");
  try {
    const [result] = await connection.query<ResultSetHeader>({
      sql: loadDataSql(target),
      infileStreamFactory: () => {
        // Destroyed (interrupted) before the server asked for it: a stream that fails at once ends
        // the upload; the destroyed one would never end it, and the server would wait on the socket.
        if (stream.destroyed) return failed(stream.errored ?? new Error(`${target.table}: stream closed`));
        stream.on("data", (chunk: Buffer) => onBytes(chunk.length));
        return stream;
      },
    });
    const expected = expectedRows();
    if (result.affectedRows !== expected || result.warningStatus !== 0) {
      const [warnings] = await connection.query<RowDataPacket[]>("SHOW WARNINGS LIMIT 3");
      const first = warnings.map((w) => `${w.Code}: ${w.Message}`).join("; ");
      throw new Error(
        `${target.table}: the server stored ${result.affectedRows} of ${expected} rows with ${result.warningStatus} warning(s)${first ? ` (${first})` : ""}`,
      );
    }
    await connection.query("COMMIT");
    return expected;
  } catch (error) {
    stream.destroy();
    await connection.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

function failed(error: Error): Readable {
  return new Readable({
    read() {
      this.destroy(error);
    },
  });
}
