/**
 * `kpi db check` on the hand-written fixture: clean, it says so and exits 0; with rows that a
 * bulk load with the checks switched off let in, it names each problem once with its count,
 * exits 1 and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFixture } from "../db/fixture.js";
import { fingerprintDatabase } from "../helpers/database-fingerprint.js";
import { runKpi } from "../helpers/run-cli.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

describe("kpi db check", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_check" });
    await loadFixture(db.connection);
    await db.connection.query("CALL sp_refresh_all(0)");
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("passes clean data, exit 0", async () => {
    const counted = await db.connection.query(
      "SELECT (SELECT COUNT(*) FROM orders) + (SELECT COUNT(*) FROM users) AS n",
    );
    expect(Number((counted[0] as { n: number }[])[0]?.n)).toBeGreaterThan(0);
    const result = await runKpi(["db", "check"], { DATABASE_URL: db.url });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^✓ 13 tables, [\d,]+ rows: every foreign key, CHECK constraint and contract rule holds\.\n$/,
    );
  });

  it("names each broken rule once with its count, exits 1 and changes nothing", async () => {
    const c = db.connection;
    await c.query("SET SESSION foreign_key_checks = 0, SESSION check_constraint_checks = 0");
    // Two order lines of a product that does not exist, one product with a negative price,
    // a user with a gender outside the list, an order an hour before its session, and one in 2099.
    await c.query(
      "INSERT INTO order_details (order_id, line_no, product_id, quantity, unit_price, unit_cost) SELECT order_id, 90 + ROW_NUMBER() OVER (), 999, 1, 1, 1 FROM orders ORDER BY order_id LIMIT 2",
    );
    await c.query("UPDATE products SET price = -5 WHERE product_id = 1");
    await c.query("UPDATE users SET gender = 'robot' WHERE user_id = 2");
    await c.query(
      "UPDATE orders o JOIN sessions s ON s.session_id = o.session_id SET o.ordered_at = s.started_at - INTERVAL 1 HOUR WHERE o.order_id = (SELECT MIN(order_id) FROM (SELECT order_id FROM orders) x)",
    );
    await c.query(
      "UPDATE payments SET paid_at = '2099-01-01 00:00:00' WHERE payment_id = (SELECT MIN(payment_id) FROM (SELECT payment_id FROM payments) x)",
    );
    await c.query("SET SESSION foreign_key_checks = 1, SESSION check_constraint_checks = 1");
    const before = await fingerprintDatabase(db.url);
    // The writes above marked their days (the order's old and new day, the payment's, …).
    const [dirty] = await c.query("SELECT COUNT(*) AS n FROM rollup_dirty_days");
    const days = Number((dirty as { n: number }[])[0]?.n);
    expect(days).toBeGreaterThan(0);

    const result = await runKpi(["db", "check"], { DATABASE_URL: db.url });

    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toEqual([
      "✗ order_details.product_id: 2 row(s) point at no products row (fk_order_details_product)",
      "✗ products: 1 row(s) break ck_products_price: `price` >= 0",
      "✗ users: 1 row(s) break ck_users_gender: `gender` in ('female','male','nonbinary','unknown')",
      expect.stringMatching(
        /^✗ payments\.paid_at: 1 row\(s\) are later than now \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\); timestamps are the report zone's wall clock$/,
      ),
      "✗ orders.ordered_at: 1 row(s) are before their session started",
      `! ${days} day(s) changed since the last refresh: run npx kpi db refresh`,
      expect.stringMatching(/^5 problem\(s\) in 13 tables of [\d,]+ rows; nothing was changed\.$/),
    ]);
    expect(await fingerprintDatabase(db.url)).toEqual(before);
  });
});
