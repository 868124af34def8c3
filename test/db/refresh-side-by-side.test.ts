/**
 * A refresh whose stages run side by side on several connections (refresh-runner.ts) derives
 * exactly what sp_refresh_all does on one: in full and incrementally, with procedures and in
 * portable mode. A failing file stops its stage and names itself; an interrupt stops the
 * statements the other connections are running; the refresh lock is released either way.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { type Connection, connect } from "../../src/db/connect.js";
import { danglingReferences } from "../../src/db/data-check.js";
import { refreshDerived } from "../../src/db/refresh.js";
import { allowLargeTempTables, runRefresh, runRefreshStatements } from "../../src/db/refresh-runner.js";
import { emptyTableLoads, type RefreshStep, readRefreshSteps } from "../../src/db/refresh-steps.js";
import { createGeneratedDatabase } from "../helpers/generated-database.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { rows } from "./fixture.js";
import { derivedSnapshot } from "./snapshot.js";

/** Opens connections to a database and counts them, all closed by the runner. */
function opener(url: string) {
  const opened: Connection[] = [];
  return {
    opened,
    open: async () => {
      const { connection } = await connect(url);
      opened.push(connection);
      return connection;
    },
  };
}

function step(name: string, statements: string[]): RefreshStep {
  return { name, displayPath: `db/refresh/${name}.sql`, sql: statements.join(";\n"), statements };
}

describe.each(["on", "off"] as const)("side by side, routines %s", (routines) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createGeneratedDatabase(`kpi_side_${routines}`, 11, routines);
  }, 240_000);
  afterAll(async () => {
    await db?.drop();
  });

  it("a full rebuild on two connections equals the one-connection rebuild, row by row", async () => {
    await refreshDerived(db.connection, { full: true, concurrency: 1 });
    const alone = await derivedSnapshot(db.connection);
    expect(alone.agg_product_city_source_daily?.length).toBeGreaterThan(100);

    const { opened, open } = opener(db.url);
    const steps: string[] = [];
    const mode = await runRefresh(db.connection, {
      full: true,
      concurrency: 2,
      openConnection: open,
      onStatement: (name) => steps.push(name),
    });
    expect(mode).toBe(routines === "on" ? "routines" : "portable");
    // The statements ran from the application (also with procedures), on one extra connection.
    expect(steps).toContain("31_ad_facts");
    expect(opened).toHaveLength(1);
    expect(await derivedSnapshot(db.connection)).toEqual(alone);
    // No trigger marked a day of the rebuild's own writes, and the session is as it was.
    expect(await rows(db.connection, "SELECT COUNT(*) AS n FROM rollup_dirty_days")).toEqual([{ n: 0 }]);
    expect(await rows(db.connection, "SELECT @kpi_bulk_load AS bulk, @refresh_full AS full")).toEqual([
      { bulk: null, full: null },
    ]);
  });

  it("after a rebuild loaded in bulk, no rollup row names a key its parent table lacks", async () => {
    const { open } = opener(db.url);
    await runRefresh(db.connection, { full: true, concurrency: 2, openConnection: open });
    const rollups = (await rows(
      db.connection,
      `SELECT TABLE_NAME AS name FROM information_schema.TABLES
       WHERE TABLE_SCHEMA = DATABASE() AND (TABLE_NAME LIKE 'agg\\_%' OR TABLE_NAME LIKE 'rollup\\_%')`,
    )) as { name: string }[];
    const names = rollups.map((r) => r.name);
    // The bulk-loaded ones among them (refresh-steps.ts), and every other rollup too.
    const loaded = (await readRefreshSteps()).flatMap((s) => [...emptyTableLoads(s).values()]);
    expect(names).toEqual(expect.arrayContaining(loaded));
    const references = await danglingReferences(db.connection, names);
    expect(references.length).toBeGreaterThanOrEqual(5);
    for (const fk of references) expect(fk.rows, `${fk.table}.${fk.column} → ${fk.parent}`).toBe(0);
  });

  it("an incremental refresh of late rows on two connections equals the one-connection one", async () => {
    const late = `
      INSERT INTO order_details (order_id, line_no, product_id, quantity, unit_price, unit_cost)
      SELECT o.order_id, 99, (SELECT MIN(product_id) FROM products), 2, 40.00, 15.00
      FROM orders o WHERE o.status = 'paid' ORDER BY o.order_id DESC LIMIT 3`;
    await db.connection.query(late);
    const before = await derivedSnapshot(db.connection);
    const { open } = opener(db.url);
    const report = await refreshDerived(db.connection, { full: false, concurrency: 2, openConnection: open });
    expect(report.daysRefreshed).toBeGreaterThan(0);
    const sideBySide = await derivedSnapshot(db.connection);
    expect(sideBySide.orders).not.toEqual(before.orders);
    // The reference: a rebuild of everything from the base tables, on one connection.
    await refreshDerived(db.connection, { full: true, concurrency: 1 });
    expect(await derivedSnapshot(db.connection)).toEqual(sideBySide);
  });
});

describe("side by side, when a file fails or the run is interrupted", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_side_fail" });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("a failing file stops its stage, names itself, and the lock is free again", async () => {
    const ran: string[] = [];
    const { opened, open } = opener(db.url);
    const run = runRefreshStatements(
      db.connection,
      [
        step("31_slow", ["DO SLEEP(0.5)", "UPDATE rollup_state SET last_days_refreshed = 99 WHERE id = 1"]),
        step("31_broken", ["SELECT no_such_column FROM rollup_state"]),
        step("32_after", ["UPDATE rollup_state SET last_days_refreshed = 98 WHERE id = 1"]),
      ],
      {
        full: false,
        concurrency: 2,
        openConnection: open,
        onStatement: (name, i) => ran.push(`${name}#${i}`),
      },
    );
    await expect(run).rejects.toThrow("db/refresh/31_broken.sql statement 1: Unknown column");
    expect(ran).toEqual(["31_slow#0"]);
    expect(opened).toHaveLength(1);
    expect(await rows(db.connection, "SELECT last_days_refreshed AS n FROM rollup_state")).not.toEqual([
      { n: 99 },
    ]);
    const [[lock]] = (await db.connection.query(
      "SELECT IS_FREE_LOCK(CONCAT('kpi_refresh_rollups:', DATABASE())) AS free",
    )) as unknown as [[{ free: number }]];
    expect(lock.free).toBe(1);
  });

  it("an interrupt kills what the other connection is running", async () => {
    const controller = new AbortController();
    const { open } = opener(db.url);
    const run = runRefreshStatements(
      db.connection,
      [step("31_short", ["DO SLEEP(0.3)"]), step("31_long", ["DO SLEEP(60)"])],
      {
        full: false,
        concurrency: 2,
        openConnection: open,
        signal: controller.signal,
        onStatement: () => controller.abort(new Error("stopped by the test")),
      },
    );
    // Without the kill the 60-second sleep would outlast the test's timeout.
    await expect(run).rejects.toThrow("stopped by the test");
  }, 20_000);
});

describe("REFRESH_CONCURRENCY", () => {
  it("is 2 by default, 1 to 8, and refused otherwise", () => {
    expect(loadConfig({}).refreshConcurrency).toBe(2);
    expect(loadConfig({ REFRESH_CONCURRENCY: "1" }).refreshConcurrency).toBe(1);
    for (const bad of ["0", "9", "1.5", "two"]) {
      expect(() => loadConfig({ REFRESH_CONCURRENCY: bad }), bad).toThrow(/REFRESH_CONCURRENCY/);
    }
  });
});

describe("a refresh connection's session settings", () => {
  /** A driver that refuses one variable with the error `code`, recording what was set. */
  function driver(refused: string, code: string) {
    const set: string[] = [];
    const query = async (sql: string) => {
      const name = /SET SESSION (\w+)/.exec(sql)?.[1] ?? sql;
      if (name === refused) throw Object.assign(new Error(`refused ${name}`), { code });
      set.push(name);
      return [[], []];
    };
    return { set, connection: { query } as unknown as Pick<Connection, "query"> };
  }

  it("leaves out a variable the engine does not have (TiDB), and sets the others", async () => {
    const { set, connection } = driver("sort_buffer_size", "ER_UNKNOWN_SYSTEM_VARIABLE");
    await allowLargeTempTables(connection);
    expect(set).toEqual(["tmp_table_size", "max_heap_table_size"]);
  });

  it("fails on any other refusal", async () => {
    const { connection } = driver("tmp_table_size", "ER_SPECIFIC_ACCESS_DENIED_ERROR");
    await expect(allowLargeTempTables(connection)).rejects.toThrow("refused tmp_table_size");
  });

  it("sets all three on MariaDB", async () => {
    const db = await createTestDatabase({ prefix: "kpi_side_vars" });
    try {
      await allowLargeTempTables(db.connection);
      const [[row]] = (await db.connection.query(
        "SELECT @@SESSION.tmp_table_size AS tmp, @@SESSION.sort_buffer_size AS sort",
      )) as unknown as [[{ tmp: number; sort: number }]];
      expect(row).toEqual({ tmp: 512 * 1024 * 1024, sort: 256 * 1024 * 1024 });
    } finally {
      await db.drop();
    }
  });
});
