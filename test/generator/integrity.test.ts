/** Generated data is consistent: no orphans, totals from lines, payments matching totals. */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { options, rowCounts, run, scalar } from "./run-generate.js";

/** Every foreign key of the generated tables: child table, column, parent table, parent column. */
const FOREIGN_KEYS: readonly (readonly [string, string, string, string])[] = [
  ["products", "category_id", "product_categories", "category_id"],
  ["ad_pricing", "platform_id", "ad_platforms", "platform_id"],
  ["ads", "campaign_id", "campaigns", "campaign_id"],
  ["ads", "pricing_id", "ad_pricing", "pricing_id"],
  ["sessions", "user_id", "users", "user_id"],
  ["sessions", "source_id", "traffic_sources", "source_id"],
  ["sessions", "ad_id", "ads", "ad_id"],
  ["orders", "user_id", "users", "user_id"],
  ["orders", "session_id", "sessions", "session_id"],
  ["orders", "ad_id", "ads", "ad_id"],
  ["order_details", "order_id", "orders", "order_id"],
  ["order_details", "product_id", "products", "product_id"],
  ["payments", "order_id", "orders", "order_id"],
  ["ad_interactions", "ad_id", "ads", "ad_id"],
  ["ad_interactions", "user_id", "users", "user_id"],
  ["ad_interactions", "order_id", "orders", "order_id"],
];

const PAID = "('paid', 'shipped', 'delivered')";

describe("kpi generate integrity", () => {
  let db: TestDatabase;
  const count = (sql: string) => scalar(db, sql);

  beforeAll(async () => {
    db = await createTestDatabase();
    await run(db.url, options({ scale: 0.03, days: 200 }));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it("fills all 13 tables", async () => {
    const counts = await rowCounts(db);
    for (const [table, n] of Object.entries(counts)) {
      if (!table.startsWith("rollup_")) expect(n, table).toBeGreaterThan(0);
    }
  });

  it("leaves no orphan rows behind any foreign key, with foreign key checks on", async () => {
    expect(await count("SELECT @@foreign_key_checks")).toBe(1);
    for (const [child, column, parent, key] of FOREIGN_KEYS) {
      const orphans = await count(
        `SELECT COUNT(*) FROM ${child} c LEFT JOIN ${parent} p ON p.${key} = c.${column} WHERE c.${column} IS NOT NULL AND p.${key} IS NULL`,
      );
      expect(orphans, `${child}.${column}`).toBe(0);
    }
  });

  it("never turns foreign key checks off in the generator's code", async () => {
    const dir = join(import.meta.dirname, "../../generator");
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      expect(await readFile(join(dir, file), "utf8"), file).not.toMatch(/SET[^;\n]*foreign_key_checks/i);
    }
  });

  it("gives every order lines whose sums are its subtotal, discount and total", async () => {
    expect(
      await count(
        "SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_details d WHERE d.order_id = o.order_id)",
      ),
    ).toBe(0);
    const mismatches = await count(`
      SELECT COUNT(*) FROM orders o
      JOIN (SELECT order_id, SUM(quantity * unit_price) AS gross, SUM(line_discount) AS discount
            FROM order_details GROUP BY order_id) d ON d.order_id = o.order_id
      WHERE o.subtotal <> d.gross OR o.discount <> d.discount OR o.total <> d.gross - d.discount OR o.total <= 0`);
    expect(mismatches).toBe(0);
    expect(await count("SELECT SUM(discount > 0) FROM orders")).toBeGreaterThan(0);
  });

  it("has captured minus refunded payments equal to the total of every paid order", async () => {
    const net = `SELECT order_id, SUM(CASE status WHEN 'captured' THEN amount WHEN 'refunded' THEN -amount ELSE 0 END) AS net
                 FROM payments GROUP BY order_id`;
    const paidOff = await count(`SELECT COUNT(*) FROM orders o LEFT JOIN (${net}) p ON p.order_id = o.order_id
                                 WHERE o.status IN ${PAID} AND COALESCE(p.net, 0) <> o.total`);
    expect(paidOff).toBe(0);
    expect(await count(`SELECT COUNT(*) FROM orders WHERE status IN ${PAID} AND paid_amount <> total`)).toBe(
      0,
    );
    const refundedWithoutRefund = await count(`SELECT COUNT(*) FROM orders o WHERE o.status = 'refunded'
      AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.order_id AND p.status = 'refunded')`);
    expect(refundedWithoutRefund).toBe(0);
    expect(await count("SELECT COUNT(*) FROM orders WHERE status = 'refunded'")).toBeGreaterThan(0);
  });

  it("attributes orders to their visit, its source and (for ad visits) the ad with a conversion event", async () => {
    expect(
      await count(
        "SELECT COUNT(*) FROM orders o JOIN sessions s ON s.session_id = o.session_id WHERE s.user_id <> o.user_id OR o.ordered_at < s.started_at",
      ),
    ).toBe(0);
    expect(
      await count(
        "SELECT COUNT(*) FROM orders o JOIN sessions s ON s.session_id = o.session_id WHERE NOT (o.ad_id <=> s.ad_id)",
      ),
    ).toBe(0);
    expect(
      await count(
        "SELECT COUNT(*) FROM sessions s JOIN traffic_sources t ON t.source_id = s.source_id WHERE (s.ad_id IS NOT NULL) <> (t.is_paid = 1)",
      ),
    ).toBe(0);
    const withoutConversion =
      await count(`SELECT COUNT(*) FROM orders o WHERE o.ad_id IS NOT NULL AND NOT EXISTS
      (SELECT 1 FROM ad_interactions i WHERE i.order_id = o.order_id AND i.stage = 'conversion' AND i.ad_id = o.ad_id)`);
    expect(withoutConversion).toBe(0);
    expect(await count("SELECT COUNT(*) FROM orders WHERE ad_id IS NOT NULL")).toBeGreaterThan(0);
    expect(
      await count("SELECT COUNT(*) FROM ad_interactions WHERE stage <> 'impression' AND event_count <> 1"),
    ).toBe(0);
    // Clicks and leads may be anonymous (a visitor not signed in); an order always has its user.
    expect(
      await count(
        "SELECT COUNT(*) FROM ad_interactions i JOIN orders o ON o.order_id = i.order_id WHERE i.stage <> 'conversion' OR NOT (i.user_id <=> o.user_id)",
      ),
    ).toBe(0);
    expect(
      await count("SELECT COUNT(*) FROM ad_interactions WHERE stage = 'impression' AND user_id IS NOT NULL"),
    ).toBe(0);
  });

  it("keeps every row inside the window and stock never negative", async () => {
    expect(
      await count(
        "SELECT COUNT(*) FROM sessions WHERE started_at < '2026-05-10' OR started_at >= '2026-11-26'",
      ),
    ).toBe(0);
    expect(await count("SELECT COUNT(*) FROM payments WHERE paid_at >= '2026-11-26'")).toBe(0);
    expect(
      await count(
        "SELECT COUNT(*) FROM payments p JOIN orders o ON o.order_id = p.order_id WHERE p.paid_at < o.ordered_at",
      ),
    ).toBe(0);
    expect(await count("SELECT MIN(stock_qty) FROM products")).toBeGreaterThanOrEqual(0);
    expect(await count("SELECT COUNT(*) FROM users WHERE signup_date > '2026-11-25'")).toBe(0);
  });
});
