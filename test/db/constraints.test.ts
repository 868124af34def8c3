import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { loadFixture } from "./fixture.js";

/** The server's own error for a statement: code and message as the driver reports them. */
async function serverError(
  db: TestDatabase,
  sql: string,
): Promise<{ code: string; errno: number; message: string }> {
  try {
    await db.connection.query(sql);
  } catch (error) {
    const e = error as { code: string; errno: number; message: string };
    return { code: e.code, errno: e.errno, message: e.message };
  }
  throw new Error(`statement was accepted: ${sql}`);
}

/** CHECK violations: MariaDB ER_CONSTRAINT_FAILED (4025), MySQL ER_CHECK_CONSTRAINT_VIOLATED (3819). */
const CHECK_ERRNOS = [4025, 3819];

describe("constraints reject bad rows", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadFixture(db.connection);
  });
  afterAll(async () => db?.drop());

  it("foreign key: an order for a user that does not exist", async () => {
    const e = await serverError(
      db,
      "INSERT INTO orders (order_id, user_id, session_id, ordered_at, status, city, payment_method) VALUES (99, 999, 1, '2026-11-10', 'paid', 'Berlin', 'card')",
    );
    expect(e.code).toBe("ER_NO_REFERENCED_ROW_2");
    expect(e.message).toMatch(/fk_orders_user/);
  });

  it("foreign key: an interaction for an ad that does not exist", async () => {
    const e = await serverError(
      db,
      "INSERT INTO ad_interactions (interaction_id, ad_id, stage, occurred_at) VALUES (99, 999, 'click', '2026-11-10')",
    );
    expect(e.code).toBe("ER_NO_REFERENCED_ROW_2");
    expect(e.message).toMatch(/fk_ad_interactions_ad/);
  });

  it("foreign key: deleting a product that was ordered", async () => {
    const e = await serverError(db, "DELETE FROM products WHERE product_id = 1");
    expect(e.code).toBe("ER_ROW_IS_REFERENCED_2");
    expect(e.message).toMatch(/fk_order_details_product/);
  });

  const checks: [string, string, string][] = [
    ["negative price", "UPDATE products SET price = -1 WHERE product_id = 3", "ck_products_price"],
    ["negative stock", "UPDATE products SET stock_qty = -1 WHERE product_id = 3", "ck_products_stock"],
    [
      "a user without a city ('' means every city in the rollups)",
      "UPDATE users SET city = '' WHERE user_id = 1",
      "ck_users_city_named",
    ],
    [
      "quantity of zero",
      "INSERT INTO order_details (order_id, line_no, product_id, quantity, unit_price, unit_cost) VALUES (2, 9, 3, 0, 50, 20)",
      "ck_order_details_quantity",
    ],
    [
      "a funnel stage outside the set",
      "INSERT INTO ad_interactions (interaction_id, ad_id, stage, occurred_at) VALUES (99, 1, 'view', '2026-11-10')",
      "ck_ad_interactions_stage",
    ],
    [
      "a batched click (only impressions come in batches)",
      "INSERT INTO ad_interactions (interaction_id, ad_id, stage, occurred_at, event_count) VALUES (99, 1, 'click', '2026-11-10', 5)",
      "ck_ad_interactions_count",
    ],
    [
      "a campaign ending before it starts",
      "INSERT INTO campaigns (campaign_id, name, objective, start_date, end_date, status) VALUES (9, 'Backwards', 'sales', '2026-11-10', '2026-11-01', 'active')",
      "ck_campaigns_dates",
    ],
    [
      "an ad ending before it starts",
      "UPDATE ads SET end_date = '2026-10-01' WHERE ad_id = 1",
      "ck_ads_dates",
    ],
    [
      "an unknown payment method",
      "UPDATE orders SET payment_method = 'barter' WHERE order_id = 1",
      "ck_orders_payment_method",
    ],
    ["a zero payment", "UPDATE payments SET amount = 0 WHERE payment_id = 1", "ck_payments_amount"],
    [
      "an unknown pricing model",
      "UPDATE ad_pricing SET pricing_model = 'CPV' WHERE pricing_id = 1",
      "ck_ad_pricing_model",
    ],
  ];

  it.each(checks)("check: %s", async (_what, sql, constraint) => {
    const e = await serverError(db, sql);
    expect(CHECK_ERRNOS).toContain(e.errno);
    expect(e.message).toContain(constraint);
  });

  it("left the fixture unchanged", async () => {
    const [[counts]] = (await db.connection.query(
      "SELECT (SELECT COUNT(*) FROM orders) AS orders, (SELECT MIN(price) FROM products) AS min_price, (SELECT COUNT(*) FROM ad_interactions) AS interactions",
    )) as unknown as [[Record<string, number>]];
    expect(counts).toEqual({ orders: 6, min_price: 50, interactions: 21 });
  });
});
