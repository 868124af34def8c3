/**
 * A full rebuild loads each rollup its file has just emptied in bulk (unique and foreign key
 * checks off for that one INSERT, refresh-runner.ts): which statements those are, that a load
 * writes every row, that a repeated key still fails the refresh (MariaDB's bulk path alone would
 * leave the table empty without an error), and that the session's checks are back on afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../src/db/connect.js";
import { loadEmptied, runRefreshStatements } from "../../src/db/refresh-runner.js";
import {
  emptyTableLoads,
  type RefreshStep,
  readRefreshSteps,
  splitStatements,
} from "../../src/db/refresh-steps.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { rows } from "./fixture.js";

function step(name: string, sql: string): RefreshStep {
  return { name, displayPath: `db/refresh/${name}.sql`, sql, statements: splitStatements(sql) };
}

describe("the loads a full rebuild runs in bulk", () => {
  it("a plain INSERT right after its table's TRUNCATE, and nothing else", () => {
    const loads = emptyTableLoads(
      step(
        "31_x",
        `-- when: full
TRUNCATE TABLE agg_a;
-- when: incremental
DELETE g FROM agg_a g JOIN rollup_work_days w ON w.day = g.day;
INSERT INTO agg_a (day) SELECT 1;
INSERT INTO agg_a (day) SELECT 2;
TRUNCATE TABLE agg_b;
INSERT IGNORE INTO agg_b (day) SELECT 1;
TRUNCATE TABLE agg_c;
UPDATE agg_c SET day = day;
INSERT INTO agg_c (day) SELECT 1;
TRUNCATE TABLE agg_d;
INSERT INTO agg_d (day) SELECT 1 ON DUPLICATE KEY UPDATE day = day;
INSERT INTO agg_e (day) SELECT 1;
`,
      ),
    );
    // The incremental DELETE is not part of a full rebuild; the second INSERT finds agg_a written.
    expect([...loads]).toEqual([[2, "agg_a"]]);
  });

  it("under db/refresh/, the largest rollups and the order work table are such loads", async () => {
    const loaded = (await readRefreshSteps()).flatMap((s) => [...emptyTableLoads(s).values()]);
    for (const table of [
      "agg_ad_daily",
      "agg_product_city_source_daily",
      "agg_product_daily",
      "agg_user_activity_daily",
      "rollup_order_work",
    ]) {
      expect(loaded).toContain(table);
    }
    expect(new Set(loaded).size).toBe(loaded.length);
  });

  it("an engine without unique_checks (TiDB) runs the statement as it is", async () => {
    const sent: string[] = [];
    const connection = {
      query: async (sql: string) => {
        sent.push(sql);
        if (sql.includes("@@SESSION.unique_checks")) {
          throw Object.assign(new Error("Unknown system variable"), { code: "ER_UNKNOWN_SYSTEM_VARIABLE" });
        }
        return [{ affectedRows: 1 }, []];
      },
    } as unknown as Connection;
    await loadEmptied(connection, "agg_a", "INSERT INTO agg_a (day) SELECT 1");
    expect(sent.at(-1)).toBe("INSERT INTO agg_a (day) SELECT 1");
    expect(sent.join("\n")).not.toContain("SET SESSION");
  });
});

describe("a bulk load on MariaDB", () => {
  let db: TestDatabase;
  const checks = () =>
    rows(db.connection, "SELECT @@SESSION.unique_checks AS uniq, @@SESSION.foreign_key_checks AS fk");

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_bulk_load" });
    await db.connection.query(
      `CREATE TABLE agg_bulk_probe (k INT PRIMARY KEY, source_id SMALLINT UNSIGNED NOT NULL, v INT NOT NULL,
         KEY ix_v (v),
         CONSTRAINT fk_bulk_probe_source FOREIGN KEY (source_id) REFERENCES traffic_sources (source_id))`,
    );
    await db.connection.query(
      "INSERT INTO traffic_sources (source_id, slug, name) VALUES (1, 'probe', 'Probe')",
    );
  });
  afterAll(async () => {
    await db?.drop();
  });

  const load = (select: string) =>
    runRefreshStatements(
      db.connection,
      [
        step(
          "34_probe",
          `TRUNCATE TABLE agg_bulk_probe;\nINSERT INTO agg_bulk_probe (k, source_id, v) ${select};`,
        ),
      ],
      { full: true },
    );

  it("writes every row, and the session's checks are on again", async () => {
    await db.connection.query("DELETE FROM agg_bulk_probe");
    const thousand = "SELECT a.n * 100 + b.n * 10 + c.n, 1, a.n FROM digits a, digits b, digits c";
    await db.connection.query("CREATE TEMPORARY TABLE digits (n INT)");
    await db.connection.query("INSERT INTO digits VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
    await load(thousand);
    expect(await rows(db.connection, "SELECT COUNT(*) AS n, SUM(k) AS s FROM agg_bulk_probe")).toEqual([
      { n: 1000, s: 499500 },
    ]);
    expect(await checks()).toEqual([{ uniq: 1, fk: 1 }]);
  });

  it("a repeated key fails the refresh as it does without the bulk path, naming the statement", async () => {
    await expect(load("SELECT 1, 1, 1 UNION ALL SELECT 1, 1, 2 UNION ALL SELECT 2, 1, 3")).rejects.toThrow(
      /db\/refresh\/34_probe\.sql statement 2: Duplicate entry '1'/,
    );
    expect(await checks()).toEqual([{ uniq: 1, fk: 1 }]);
  });

  it("an incremental refresh inserts the ordinary way: a missing parent is refused", async () => {
    await expect(
      runRefreshStatements(
        db.connection,
        [
          step(
            "34_probe",
            "DELETE FROM agg_bulk_probe;\nINSERT INTO agg_bulk_probe (k, source_id, v) SELECT 1, 999, 1;",
          ),
        ],
        { full: false },
      ),
    ).rejects.toThrow(/foreign key constraint fails/);
  });
});
