import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { DB_DIR } from "../../src/db/migrate/sql-files.js";
import { describeFinding, scanSql, TIDB_RULES } from "../../src/db/sql-compat.js";

async function sqlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".sql")).map((e) => join(e.parentPath, e.name));
}

describe("db/**/*.sql runs on both MySQL 8.0+ and MariaDB 10.11+", () => {
  it("has no construct that only one of them has", async () => {
    const files = await sqlFiles(DB_DIR);
    expect(files.length).toBeGreaterThan(30);
    const findings = [];
    for (const path of files) {
      findings.push(...scanSql(`db/${relative(DB_DIR, path)}`, await readFile(path, "utf8")));
    }
    expect(findings.map(describeFinding)).toEqual([]);
  });

  it.each([
    ["lateral", "SELECT * FROM a JOIN LATERAL (SELECT 1) x ON TRUE"],
    ["json-unquote-arrow", "SELECT doc->>'$.name' FROM t"],
    ["functional-index", "  INDEX ix_lower ((LOWER(name))),"],
    ["functional-index", "CREATE INDEX ix_day ON orders ((DATE(ordered_at)));"],
    ["insert-row-alias", "INSERT INTO t (a) VALUES (1) AS new ON DUPLICATE KEY UPDATE a = new.a"],
    ["utf8mb4-0900", ") DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;"],
    ["delimiter", "DELIMITER //"],
    ["create-or-replace-routine", "CREATE OR REPLACE PROCEDURE p() BEGIN END"],
    ["returning", "DELETE FROM t WHERE id = 1 RETURNING id"],
    ["index-if-not-exists", "CREATE INDEX IF NOT EXISTS ix ON t (a)"],
  ])("catches %s, naming the file and line", (rule, line) => {
    const findings = scanSql("db/views/v_bad.sql", `-- a comment\n${line}\n`);
    expect(findings.map((f) => f.rule)).toContain(rule);
    expect(describeFinding(findings[0] as never)).toMatch(/^db\/views\/v_bad\.sql:2: /);
  });

  it("accepts the portable forms", () => {
    const portable = [
      "  KEY ix_orders_ordered_at (ordered_at),",
      "CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_x AS SELECT 1",
      "INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = a + 1",
      "-- DELIMITER in a comment is fine, and so is LATERAL",
      "SELECT JSON_UNQUOTE(JSON_EXTRACT(doc, '$.name')) FROM t",
    ].join("\n");
    expect(scanSql("db/x.sql", portable)).toEqual([]);
  });
});

describe("the TiDB profile", () => {
  async function tidbFindings(subdir: string) {
    const findings = [];
    for (const path of await sqlFiles(join(DB_DIR, subdir))) {
      findings.push(...scanSql(`db/${relative(DB_DIR, path)}`, await readFile(path, "utf8"), TIDB_RULES));
    }
    return findings;
  }

  it("finds nothing TiDB lacks in what portable mode runs there: the refresh statements and the views", async () => {
    expect((await tidbFindings("refresh")).map(describeFinding)).toEqual([]);
    expect((await tidbFindings("views")).map(describeFinding)).toEqual([]);
  });

  it("reports every procedure and trigger file, with file and line", async () => {
    const routines = [...(await tidbFindings("procedures")), ...(await tidbFindings("triggers"))];
    const files = new Set(routines.filter((f) => f.rule === "tidb-routine").map((f) => f.file));
    const expected = [
      ...(await sqlFiles(join(DB_DIR, "procedures"))),
      ...(await sqlFiles(join(DB_DIR, "triggers"))),
    ];
    expect(files.size).toBe(expected.length);
    expect(describeFinding(routines[0] as never)).toMatch(
      /^db\/procedures\/\w+\.sql:\d+: TiDB has no stored procedures/,
    );
  });

  it("reports the schema's CHECK constraints (ignored by TiDB unless switched on), and nothing else there", async () => {
    const schema = await tidbFindings("schema");
    expect(schema.length).toBeGreaterThan(10);
    expect(new Set(schema.map((f) => f.rule))).toEqual(new Set(["tidb-check-ignored"]));
  });

  it.each([
    ["tidb-routine", "CREATE PROCEDURE p() BEGIN END"],
    ["tidb-routine", "CREATE DEFINER=`root`@`%` TRIGGER t AFTER INSERT ON x FOR EACH ROW SET @a = 1"],
    ["tidb-call", "CALL sp_refresh_all(1);"],
    ["tidb-signal", "  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'no';"],
    ["tidb-fulltext", "  FULLTEXT KEY ft_name (name),"],
    ["tidb-spatial", "  location POINT NOT NULL, SPATIAL INDEX (location),"],
    ["tidb-create-table-select", "CREATE TABLE copy AS SELECT * FROM orders;"],
    ["tidb-skip-locked", "SELECT * FROM t FOR UPDATE SKIP LOCKED"],
  ])("catches %s", (rule, line) => {
    const findings = scanSql("db/refresh/99_bad.sql", `-- CALL in a comment is fine\n${line}\n`, TIDB_RULES);
    expect(findings.map((f) => f.rule)).toContain(rule);
    expect(findings[0]?.line).toBe(2);
  });
});
