/**
 * Portable mode (DB_ROUTINES=off): the migrator creates no procedure, function or trigger, the
 * application runs the refresh statements of db/refresh/ itself, the watermarks find rows written
 * without triggers, and the derived figures and answers are the same as with the procedures.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../src/db/migrate/migrator.js";
import { DB_DIR } from "../../src/db/migrate/sql-files.js";
import { refreshDerived } from "../../src/db/refresh.js";
import { refreshModeOf } from "../../src/db/refresh-runner.js";
import { AS_OF, createGeneratedDatabase } from "../helpers/generated-database.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { answerOf, testEngine } from "../helpers/test-engine.js";
import { loadFixture, rows } from "./fixture.js";
import { derivedSnapshot } from "./snapshot.js";

async function objectsOf(db: TestDatabase) {
  return {
    procedures: await rows(db.connection, "SHOW PROCEDURE STATUS WHERE Db = DATABASE()"),
    functions: await rows(db.connection, "SHOW FUNCTION STATUS WHERE Db = DATABASE()"),
    triggers: await rows(
      db.connection,
      "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()",
    ),
  };
}

describe("portable mode on the fixture", () => {
  let routines: TestDatabase;
  let portable: TestDatabase;

  beforeAll(async () => {
    [routines, portable] = await Promise.all([
      createTestDatabase({ prefix: "kpi_mode_r", routines: "on" }),
      createTestDatabase({ prefix: "kpi_mode_p", routines: "off" }),
    ]);
    await Promise.all([loadFixture(routines.connection), loadFixture(portable.connection)]);
  });
  afterAll(async () => {
    await routines?.drop();
    await portable?.drop();
  });

  it("migrates with no procedures, functions or triggers, and refreshes from the application", async () => {
    expect(await objectsOf(portable)).toEqual({ procedures: [], functions: [], triggers: [] });
    expect(await refreshModeOf(portable.connection)).toBe("portable");
    expect(await refreshModeOf(routines.connection)).toBe("routines");
    // No trigger marked the fixture's days: the watermarks find its rows.
    expect(await rows(portable.connection, "SELECT day FROM rollup_dirty_days")).toEqual([]);
  });

  it("derives the same figures as the procedures, incrementally and in full", async () => {
    const [a, b] = await Promise.all([
      refreshDerived(routines.connection, { full: false }),
      refreshDerived(portable.connection, { full: false }),
    ]);
    expect([a.mode, b.mode]).toEqual(["routines", "portable"]);
    expect(b.daysRefreshed).toBe(a.daysRefreshed);
    expect(b.changed).toEqual(a.changed);
    const incremental = await derivedSnapshot(routines.connection);
    expect(incremental.agg_ad_daily?.length).toBeGreaterThan(0);
    expect(await derivedSnapshot(portable.connection)).toEqual(incremental);
    await refreshDerived(portable.connection, { full: true });
    expect(await derivedSnapshot(portable.connection)).toEqual(incremental);
  });

  it("finds late and changed rows without triggers, and equals the procedures afterwards", async () => {
    const late = `
      INSERT INTO orders (order_id, user_id, session_id, ad_id, ordered_at, status, city, payment_method)
        VALUES (7, 1, 5, 2, '2026-11-11 10:00:00', 'paid', 'Berlin', 'card');
      INSERT INTO order_details (order_id, line_no, product_id, quantity, unit_price, unit_cost) VALUES (7, 1, 3, 1, 50.00, 20.00);
      INSERT INTO ad_interactions (interaction_id, ad_id, user_id, stage, occurred_at) VALUES (22, 2, 1, 'click', '2026-11-11 09:58:00');`;
    await routines.connection.query(late);
    await portable.connection.query(late);
    const first = await refreshDerived(portable.connection, { full: false });
    expect(first.changed).toEqual({ from: "2026-11-11", to: "2026-11-11" });
    expect(await rows(portable.connection, "SELECT total FROM orders WHERE order_id = 7")).toEqual([
      { total: 50 },
    ]);
    // A refresh with nothing new recomputes nothing (its own writes are no change).
    expect((await refreshDerived(portable.connection, { full: false })).changed).toBeNull();

    // An outside update: an order of Nov 10 is cancelled.
    const cancel = "UPDATE orders SET status = 'cancelled' WHERE order_id = 3";
    const [[orderDay]] = (await portable.connection.query(
      "SELECT DATE_FORMAT(ordered_at, '%Y-%m-%d') AS day FROM orders WHERE order_id = 3",
    )) as unknown as [[{ day: string }]];
    await routines.connection.query(cancel);
    await portable.connection.query(cancel);
    const changed = await refreshDerived(portable.connection, { full: false });
    expect(changed.changed).toEqual({ from: orderDay.day, to: orderDay.day });
    await refreshDerived(routines.connection, { full: false });
    expect(await derivedSnapshot(portable.connection)).toEqual(await derivedSnapshot(routines.connection));
  });
});

describe("the migrator in portable mode", () => {
  it("drops the routines and triggers of a database migrated with them", async () => {
    const db = await createTestDatabase({ prefix: "kpi_mode_x", routines: "on" });
    try {
      expect((await objectsOf(db)).triggers.length).toBe(18);
      const report = await migrate(db.url, { routines: "off" });
      expect(report.portable).toBe(true);
      expect(await objectsOf(db)).toEqual({ procedures: [], functions: [], triggers: [] });
    } finally {
      await db.drop();
    }
  });

  it("refuses a refresh statement file that no procedure takes in", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kpi-db-"));
    try {
      await cp(DB_DIR, dir, { recursive: true });
      await writeFile(join(dir, "refresh", "99_orphan.sql"), "DELETE FROM rollup_work_days;\n");
      await expect(migrate("mysql://root@127.0.0.1:1/never", { dbDir: dir })).rejects.toThrow(
        "no procedure takes in db/refresh/99_orphan.sql",
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("answers are byte-identical in both modes", () => {
  let routines: TestDatabase;
  let portable: TestDatabase;

  beforeAll(async () => {
    [routines, portable] = await Promise.all([
      createGeneratedDatabase("kpi_same_r", undefined, "on"),
      createGeneratedDatabase("kpi_same_p", undefined, "off"),
    ]);
  }, 240_000);
  afterAll(async () => {
    await routines?.drop();
    await portable?.drop();
  });

  it("for every area, a comparison, filters and explain", async () => {
    expect((await objectsOf(portable)).procedures).toEqual([]);
    const commands = [
      "campaigns last-30d",
      "orders last-90d vs last-year",
      "users last-30d city=Berlin",
      "products last-30d",
      "traffic last-30d",
      "ads last-30d",
      "funnel last-30d platform=meta",
      "stock",
      "roas last-month",
      "ctr last-7d",
      "explain revenue last-30d by=city",
    ];
    const a = testEngine(routines.url, AS_OF);
    const b = testEngine(portable.url, AS_OF);
    try {
      for (const command of commands) {
        const [left, right] = [await answerOf(a, command), await answerOf(b, command)];
        expect(left.kpis.length, command).toBeGreaterThan(0);
        expect(JSON.stringify(right), command).toBe(JSON.stringify(left));
      }
    } finally {
      await a.close();
      await b.close();
    }
    expect(await derivedSnapshot(portable.connection)).toEqual(await derivedSnapshot(routines.connection));
  }, 120_000);
});
