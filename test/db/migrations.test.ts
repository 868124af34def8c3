import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DERIVED_TABLES } from "../../generator/load/database-state.js";
import { connectionOptions, parseDatabaseUrl } from "../../src/db/database-url.js";
import { describeMigration, dropDatabase, migrate, resetDatabase } from "../../src/db/migrate/migrator.js";
import { DB_DIR } from "../../src/db/migrate/sql-files.js";
import { UserError } from "../../src/errors.js";
import { databaseUrl, uniqueDatabaseName } from "../helpers/test-database.js";
import { rows } from "./fixture.js";

const ENTITY_TABLES = [
  "ad_interactions",
  "ad_platforms",
  "ad_pricing",
  "ads",
  "campaigns",
  "order_details",
  "orders",
  "payments",
  "product_categories",
  "products",
  "sessions",
  "traffic_sources",
  "users",
];

describe("kpi db migrate", () => {
  const url = databaseUrl(uniqueDatabaseName("kpi_mig"));
  let conn: mysql.Connection;

  beforeAll(async () => {
    const report = await migrate(url);
    expect(report.databaseCreated).toBe(true);
    expect(report.applied.length).toBeGreaterThanOrEqual(13);
    conn = await mysql.createConnection(connectionOptions(parseDatabaseUrl(url)));
  });

  afterAll(async () => {
    await conn?.end();
    await dropDatabase(url);
  });

  it("creates the 13 related tables with foreign keys between them", async () => {
    const tables = await rows<{ t: string }>(
      conn,
      "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'",
    );
    const names = tables.map((r) => r.t);
    for (const table of ENTITY_TABLES) expect(names).toContain(table);

    const fks = await rows<{ child: string; parent: string }>(
      conn,
      `SELECT TABLE_NAME AS child, REFERENCED_TABLE_NAME AS parent FROM information_schema.REFERENTIAL_CONSTRAINTS
       WHERE CONSTRAINT_SCHEMA = DATABASE()`,
    );
    const edges = new Set(fks.map((f) => `${f.child}->${f.parent}`));
    for (const edge of [
      "products->product_categories",
      "ad_pricing->ad_platforms",
      "ads->campaigns",
      "ads->ad_pricing",
      "sessions->users",
      "sessions->traffic_sources",
      "sessions->ads",
      "orders->users",
      "orders->sessions",
      "orders->ads",
      "order_details->orders",
      "order_details->products",
      "payments->orders",
      "ad_interactions->ads",
      "ad_interactions->users",
      "ad_interactions->orders",
    ]) {
      expect(edges, edge).toContain(edge);
    }
    // Every one of the 13 tables takes part in at least one foreign key.
    const related = new Set(fks.flatMap((f) => [f.child, f.parent]));
    for (const table of ENTITY_TABLES) expect(related, table).toContain(table);
  });

  it("creates the procedures, triggers and views", async () => {
    const procedures = await rows<{ n: string }>(
      conn,
      "SELECT ROUTINE_NAME AS n FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() AND ROUTINE_TYPE = 'PROCEDURE'",
    );
    expect(procedures.map((p) => p.n).sort()).toEqual([
      "sp_calc_ad_budgets",
      "sp_calc_campaign_totals",
      "sp_calc_funnel_metrics",
      "sp_calc_order_totals",
      "sp_refresh_all",
      "sp_refresh_rollups",
    ]);
    const views = await rows<{ n: string; security: string }>(
      conn,
      "SELECT TABLE_NAME AS n, SECURITY_TYPE AS security FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()",
    );
    expect(views.length).toBeGreaterThanOrEqual(10);
    expect(views.map((v) => v.n)).toEqual(
      expect.arrayContaining([
        "v_user_order_summary",
        "v_ad_performance",
        "v_campaign_roi",
        "v_funnel_stages",
        "v_revenue_by_category",
        "v_traffic_conversion",
        "v_ad_efficiency_ranking",
        "v_low_stock",
      ]),
    );
    expect(new Set(views.map((v) => v.security))).toEqual(new Set(["DEFINER"]));
    const [[{ n: triggers }]] = (await conn.query(
      "SELECT COUNT(*) AS n FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()",
    )) as unknown as [[{ n: number }]];
    expect(triggers).toBe(18);
  });

  it("the generator empties every rollup and refresh work table (kpi generate --replace)", async () => {
    const [tables] = (await conn.query(
      "SELECT TABLE_NAME AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND (TABLE_NAME LIKE 'agg\\_%' OR TABLE_NAME LIKE 'rollup\\_%') AND TABLE_NAME NOT IN ('rollup_state', 'rollup_watermarks') ORDER BY TABLE_NAME",
    )) as unknown as [{ n: string }[]];
    expect(tables.length).toBeGreaterThan(10);
    expect([...DERIVED_TABLES].sort()).toEqual(tables.map((t) => t.n));
  });

  it("changes nothing on a second run, and says so", async () => {
    await conn.query(
      "INSERT INTO product_categories (category_id, name, slug) VALUES (9, 'Keep me', 'keep-me')",
    );
    const report = await migrate(url);
    expect(report.databaseCreated).toBe(false);
    expect(report.applied).toEqual([]);
    expect(describeMigration(report)).toMatch(/Schema up to date.*nothing changed/);
    expect(await rows(conn, "SELECT name FROM product_categories")).toEqual([{ name: "Keep me" }]);
  });

  it("reset --yes drops the data and migrates afresh", async () => {
    const report = await resetDatabase(url);
    expect(report.databaseCreated).toBe(true);
    await conn.changeUser({ database: report.database });
    expect(await rows(conn, "SELECT * FROM product_categories")).toEqual([]);
  });
});

describe("migrations from a copy of db/", () => {
  let dir: string;
  const url = databaseUrl(uniqueDatabaseName("kpi_mig_edit"));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kpi-db-"));
    await cp(DB_DIR, dir, { recursive: true });
    await migrate(url, { dbDir: dir });
  });

  afterAll(async () => {
    await dropDatabase(url);
    await rm(dir, { recursive: true, force: true });
  });

  it("applies only a newly added schema file", async () => {
    await writeFile(join(dir, "schema", "900_extra.sql"), "CREATE TABLE extra_notes (id INT PRIMARY KEY);\n");
    const report = await migrate(url, { dbDir: dir });
    expect(report.applied).toEqual(["900_extra.sql"]);
  });

  it("refuses an applied schema file that was edited afterwards, naming the file", async () => {
    await writeFile(join(dir, "schema", "003_users.sql"), "CREATE TABLE users (user_id INT PRIMARY KEY);\n");
    const attempt = migrate(url, { dbDir: dir });
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(migrate(url, { dbDir: dir })).rejects.toThrow(
      /db\/schema\/003_users\.sql changed after it was applied/,
    );
  });
});
