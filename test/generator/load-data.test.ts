/** loadTable on a stream an interrupt destroyed before the server asked for it: fails at once. */
import { Readable } from "node:stream";
import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATEGORY_COLUMNS } from "../../generator/entities/catalog.js";
import { loadTable } from "../../generator/load/load-data.js";
import { connectionOptions, parseDatabaseUrl } from "../../src/db/database-url.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

describe("loadTable", () => {
  let db: TestDatabase;
  let connection: mysql.Connection;

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_load" });
    connection = await mysql.createConnection(connectionOptions(parseDatabaseUrl(db.url)));
  });
  afterAll(async () => {
    await connection?.end();
    await db?.drop();
  });

  it("fails within seconds, not a network timeout, when the stream was destroyed before the upload", async () => {
    const stream = new Readable({ read() {} });
    stream.on("error", () => undefined).destroy(new Error("interrupted"));
    const started = Date.now();
    const target = { table: "product_categories", columns: CATEGORY_COLUMNS };
    await expect(loadTable(connection, target, stream, () => 1)).rejects.toThrow(/interrupted/);
    expect(Date.now() - started).toBeLessThan(5_000);
    const [rows] = await connection.query<mysql.RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM product_categories",
    );
    expect(Number(rows[0]?.n)).toBe(0);
  }, 120_000);
});
