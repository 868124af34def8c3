/**
 * The read-only account made by `kpi db grant-readonly` (the real CLI, real MariaDB): the
 * engine answers every area through it, and the server refuses it everything else.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AREA_NAMES } from "../../src/areas/registry.js";
import { instantForDay } from "../../src/calendar/as-of.js";
import { loadConfig } from "../../src/config.js";
import { dropReadonly } from "../../src/db/grant-readonly.js";
import { writePrivilegesAt } from "../../src/db/readonly-check.js";
import { createEngine, type Engine } from "../../src/engine/engine.js";
import { runKpi } from "../helpers/run-cli.js";
import { createFixtureDatabase } from "../helpers/slack-bot.js";
import type { TestDatabase } from "../helpers/test-database.js";

const USER = `kpi_ro_${randomBytes(4).toString("hex")}`;
const PASSWORD = `pw-${randomBytes(8).toString("hex")}`;
let db: TestDatabase;
let readonlyUrl: string;
let engine: Engine;
let mysql: typeof import("mysql2/promise");
let reader: import("mysql2/promise").Connection;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_ro");
  const result = await runKpi(
    ["db", "grant-readonly", "--user", USER, "--password-env", "KPI_TEST_READER_PASSWORD"],
    { DATABASE_URL: db.url, KPI_TEST_READER_PASSWORD: PASSWORD },
  );
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`'${USER}'@'%'`);
  expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  const url = new URL(db.url);
  url.username = USER;
  url.password = PASSWORD;
  readonlyUrl = url.toString();
  engine = createEngine(loadConfig({ DATABASE_URL: db.url, DATABASE_URL_READONLY: readonlyUrl }), () =>
    instantForDay("2026-11-26", "UTC"),
  );
  mysql = await import("mysql2/promise");
  const { connectionOptions, parseDatabaseUrl } = await import("../../src/db/database-url.js");
  reader = await mysql.createConnection(connectionOptions(parseDatabaseUrl(readonlyUrl)));
}, 120_000);

afterAll(async () => {
  await reader?.end().catch(() => undefined);
  await engine?.close();
  await dropReadonly(db.connection, USER);
  await db?.drop();
});

describe("the read-only account", () => {
  it.each(AREA_NAMES)("answers %s through the engine", async (area) => {
    const outcome = await engine.run(`${area} last-30d`);
    expect(outcome.kind).toBe("answer");
    if (outcome.kind === "answer") expect(outcome.answer.kpis.length).toBeGreaterThan(0);
  });

  it("holds no privilege that writes (the start-up check agrees)", async () => {
    expect(await writePrivilegesAt(readonlyUrl)).toEqual([]);
    expect((await writePrivilegesAt(db.url)).length).toBeGreaterThan(0);
  });

  const denied: [string, string, RegExp][] = [
    ["SELECT a base table", "SELECT * FROM orders", /ER_TABLEACCESS_DENIED_ERROR/],
    [
      "INSERT",
      "INSERT INTO product_categories (name, slug) VALUES ('x', 'x')",
      /ER_TABLEACCESS_DENIED_ERROR/,
    ],
    ["UPDATE", "UPDATE products SET price = 0", /ER_TABLEACCESS_DENIED_ERROR/],
    ["DELETE", "DELETE FROM orders", /ER_TABLEACCESS_DENIED_ERROR/],
    ["UPDATE a view", "UPDATE v_low_stock SET stock_qty = 0", /ER_TABLEACCESS_DENIED_ERROR/],
    ["CALL a procedure", "CALL sp_refresh_all(0)", /ER_PROCACCESS_DENIED_ERROR/],
    ["DROP a view", "DROP VIEW v_low_stock", /ER_TABLEACCESS_DENIED_ERROR/],
    ["DROP a table", "DROP TABLE orders", /ER_TABLEACCESS_DENIED_ERROR/],
    ["CREATE a table", "CREATE TABLE evil (id INT)", /ER_TABLEACCESS_DENIED_ERROR/],
  ];
  it.each(denied)("cannot %s", async (_what, sql, code) => {
    const error = await reader.query(sql).then(
      () => undefined,
      (e: { code?: string }) => e,
    );
    expect(error?.code).toMatch(code);
  });

  it("cannot DROP the database", async () => {
    const error = await reader.query(`DROP DATABASE \`${db.name}\``).catch((e: { code?: string }) => e);
    expect((error as { code?: string }).code).toMatch(/ER_DBACCESS_DENIED_ERROR|ER_ACCESS_DENIED/);
  });

  it("still reads a view directly", async () => {
    const [rows] = await reader.query("SELECT COUNT(*) AS n FROM v_low_stock");
    expect(Number((rows as { n: number }[])[0]?.n)).toBeGreaterThan(0);
  });

  it("re-running updates the password and keeps the grants to views", async () => {
    const result = await runKpi(
      ["db", "grant-readonly", "--user", USER, "--password-env", "KPI_TEST_READER_PASSWORD"],
      { DATABASE_URL: db.url, KPI_TEST_READER_PASSWORD: `${PASSWORD}-2` },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("created");
    const old = await mysql
      .createConnection({ host: "127.0.0.1", user: USER, password: PASSWORD, database: db.name })
      .catch((e: { code?: string }) => e);
    expect((old as { code?: string }).code).toBe("ER_ACCESS_DENIED_ERROR");
    const url = new URL(readonlyUrl);
    url.password = `${PASSWORD}-2`;
    expect(await writePrivilegesAt(url.toString())).toEqual([]);
  });

  it("refuses a missing password variable without printing anything secret", async () => {
    const result = await runKpi(
      ["db", "grant-readonly", "--user", USER, "--password-env", "KPI_UNSET_VAR_X"],
      {
        DATABASE_URL: db.url,
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("KPI_UNSET_VAR_X is not set");
  });
});
