import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createReportingDb,
  flavorOf,
  guardAvailability,
  timeoutStatement,
} from "../../src/db/reporting/reporting-db.js";
import type { ReportingDb } from "../../src/db/reporting/reporting-views.js";
import { DataSourceUnavailableError } from "../../src/errors.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { testEngine } from "../helpers/test-engine.js";

describe("the query path's statement timeout", () => {
  let db: TestDatabase;
  let reporting: ReportingDb;

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_timeout" });
    reporting = createReportingDb(db.url, { statementTimeoutMs: 300, connectionLimit: 3 });
  });
  afterAll(async () => {
    await reporting?.destroy();
    await db?.drop();
  });

  it("is set on every pooled connection, in the server's own dialect", async () => {
    const [version] = (await sql<{ v: string }>`SELECT VERSION() AS v`.execute(reporting)).rows;
    const flavor = flavorOf(version?.v ?? "");
    const variable =
      flavor === "mariadb" ? sql`@@SESSION.max_statement_time` : sql`@@SESSION.max_execution_time`;
    const seen = await Promise.all(
      [1, 2, 3].map(() =>
        reporting
          .connection()
          .execute(async (c) => (await sql<{ t: number }>`SELECT ${variable} AS t`.execute(c)).rows[0]?.t),
      ),
    );
    expect(seen.map(Number)).toEqual(flavor === "mariadb" ? [0.3, 0.3, 0.3] : [300, 300, 300]);
  });

  it("a query running past it becomes 'did not answer within', and the pool keeps answering", async () => {
    const slow = guardAvailability(
      () =>
        sql`SELECT COUNT(*) FROM information_schema.COLUMNS a, information_schema.COLUMNS b, information_schema.COLUMNS c`.execute(
          reporting,
        ),
      300,
    );
    await expect(slow).rejects.toBeInstanceOf(DataSourceUnavailableError);
    await expect(slow).rejects.toThrow("The data source did not answer within 0.3 s, try again in a minute.");
    const [row] = (await sql<{ one: number }>`SELECT 1 AS one`.execute(reporting)).rows;
    expect(row?.one).toBe(1);
  });

  it("a server that is down is 'data source unavailable' too", async () => {
    const down = testEngine("mysql://root@127.0.0.1:1/nowhere", "2026-11-26", { statementTimeoutMs: 300 });
    await expect(down.run("orders 2026-11-01..2026-11-02")).rejects.toBeInstanceOf(
      DataSourceUnavailableError,
    );
    await down.close();
  });

  it("speaks each server's dialect", () => {
    expect(timeoutStatement("mariadb", 2500)).toBe("SET SESSION max_statement_time = 2.500");
    expect(timeoutStatement("mysql", 2500)).toBe("SET SESSION MAX_EXECUTION_TIME = 2500");
    expect(flavorOf("10.11.19-MariaDB-0+deb12u1")).toBe("mariadb");
    expect(flavorOf("8.0.40")).toBe("mysql");
  });
});
