/**
 * Each procedure on the hand-written fixture (fixture.ts) gives exactly the figures worked
 * out by hand below, and running it again changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { loadFixture, rows } from "./fixture.js";
import { derivedSnapshot } from "./snapshot.js";

describe("stored procedures on the fixture", () => {
  let db: TestDatabase;
  const q = (sql: string) => rows(db.connection, sql);

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadFixture(db.connection);
  });
  afterAll(async () => db?.drop());

  it("the triggers marked every day the fixture touched as dirty", async () => {
    // The users' signup days, then the days with sessions, orders and ad interactions.
    expect(await q("SELECT day FROM rollup_dirty_days ORDER BY day")).toEqual([
      { day: "2026-01-10" },
      { day: "2026-02-15" },
      { day: "2026-10-15" },
      { day: "2026-11-01" },
      { day: "2026-11-10" },
      { day: "2026-11-11" },
    ]);
  });

  it("sp_calc_order_totals: subtotal, discount, total and net payments per order", async () => {
    await db.connection.query("CALL sp_calc_order_totals(NULL, NULL)");
    // 1: 2x100 + 1x50 = 250, discount 10 -> 240, card 240.  2: 3x50 = 150 - 15 = 135, gift card 100 + paypal 35.
    // 3: 150, klarna 150.  4: 100, payment failed -> 0.  5: 100, captured then refunded -> 0.  6: 50 pending, unpaid.
    const expected = [
      { order_id: 1, subtotal: 250, discount: 10, total: 240, paid_amount: 240 },
      { order_id: 2, subtotal: 150, discount: 15, total: 135, paid_amount: 135 },
      { order_id: 3, subtotal: 150, discount: 0, total: 150, paid_amount: 150 },
      { order_id: 4, subtotal: 100, discount: 0, total: 100, paid_amount: 0 },
      { order_id: 5, subtotal: 100, discount: 0, total: 100, paid_amount: 0 },
      { order_id: 6, subtotal: 50, discount: 0, total: 50, paid_amount: 0 },
    ];
    const sql = "SELECT order_id, subtotal, discount, total, paid_amount FROM orders ORDER BY order_id";
    expect(await q(sql)).toEqual(expected);
    await db.connection.query("CALL sp_calc_order_totals(NULL, NULL)");
    expect(await q(sql)).toEqual(expected);
  });

  it("sp_calc_order_totals only touches orders inside the given days", async () => {
    await db.connection.query(
      "UPDATE orders SET subtotal = 0, discount = 0, total = 0 WHERE order_id IN (1, 4)",
    );
    await db.connection.query("CALL sp_calc_order_totals('2026-11-11', '2026-11-11')");
    expect(await q("SELECT order_id, total FROM orders WHERE order_id IN (1, 4) ORDER BY order_id")).toEqual([
      { order_id: 1, total: 0 },
      { order_id: 4, total: 100 },
    ]);
    await db.connection.query("CALL sp_calc_order_totals(NULL, NULL)");
  });

  it("sp_refresh_rollups: daily ad funnel, spend from pricing, attributed orders", async () => {
    await db.connection.query("CALL sp_refresh_rollups(0)");
    // Ad 1 (Meta feed, CPM 10): Nov 10 impressions 1000+500, 3 clicks, 1 lead, 1 conversion -> spend 1500*10/1000 = 15;
    //   order 1 (delivered) revenue 240, cogs 2x40 + 20 = 100. Nov 11: 2000 impressions, 2 clicks, 1 lead -> spend 20.
    // Ad 2 (Google search, CPC 0.5): Nov 10: 400 impressions, 4 clicks -> spend 2; order 3 (shipped) 150, cogs 60.
    // Ad 3 (Meta stories, CPM 8): Oct 15: 10000 impressions, 2 clicks -> spend 80; no orders.
    expect(await q("SELECT * FROM agg_ad_daily ORDER BY day, ad_id")).toEqual([
      {
        day: "2026-10-15",
        ad_id: 3,
        impressions: 10000,
        clicks: 2,
        leads: 0,
        conversions: 0,
        spend: 80,
        orders: 0,
        revenue: 0,
        cogs: 0,
      },
      {
        day: "2026-11-10",
        ad_id: 1,
        impressions: 1500,
        clicks: 3,
        leads: 1,
        conversions: 1,
        spend: 15,
        orders: 1,
        revenue: 240,
        cogs: 100,
      },
      {
        day: "2026-11-10",
        ad_id: 2,
        impressions: 400,
        clicks: 4,
        leads: 1,
        conversions: 1,
        spend: 2,
        orders: 1,
        revenue: 150,
        cogs: 60,
      },
      {
        day: "2026-11-11",
        ad_id: 1,
        impressions: 2000,
        clicks: 2,
        leads: 1,
        conversions: 0,
        spend: 20,
        orders: 0,
        revenue: 0,
        cogs: 0,
      },
    ]);
    // Orders by city / source of the session / payment method; only paid, shipped and delivered count as paid.
    expect(
      await q(
        "SELECT day, city, source_id, payment_method, orders_placed, orders_paid, items, gross, discount, revenue, cogs FROM agg_orders_daily ORDER BY day, city, source_id, payment_method",
      ),
    ).toEqual([
      {
        day: "2026-10-15",
        city: "Munich",
        source_id: 2,
        payment_method: "card",
        orders_placed: 1,
        orders_paid: 0,
        items: 0,
        gross: 0,
        discount: 0,
        revenue: 0,
        cogs: 0,
      },
      {
        day: "2026-11-10",
        city: "Berlin",
        source_id: 1,
        payment_method: "card",
        orders_placed: 1,
        orders_paid: 1,
        items: 3,
        gross: 250,
        discount: 10,
        revenue: 240,
        cogs: 100,
      },
      {
        day: "2026-11-10",
        city: "Berlin",
        source_id: 4,
        payment_method: "klarna",
        orders_placed: 1,
        orders_paid: 1,
        items: 1,
        gross: 150,
        discount: 0,
        revenue: 150,
        cogs: 60,
      },
      {
        day: "2026-11-10",
        city: "Munich",
        source_id: 2,
        payment_method: "paypal",
        orders_placed: 1,
        orders_paid: 1,
        items: 3,
        gross: 150,
        discount: 15,
        revenue: 135,
        cogs: 60,
      },
      {
        day: "2026-11-11",
        city: "Berlin",
        source_id: 3,
        payment_method: "bank_transfer",
        orders_placed: 1,
        orders_paid: 0,
        items: 0,
        gross: 0,
        discount: 0,
        revenue: 0,
        cogs: 0,
      },
      {
        day: "2026-11-11",
        city: "Berlin",
        source_id: 3,
        payment_method: "card",
        orders_placed: 1,
        orders_paid: 0,
        items: 0,
        gross: 0,
        discount: 0,
        revenue: 0,
        cogs: 0,
      },
    ]);
    // Products, paid lines only: Runner 2 units 200-10; Boot 1 unit 150; Tote 1 (order 1) + 3 (order 2) = 4 units, 50 + 150-15.
    expect(await q("SELECT * FROM agg_product_daily ORDER BY day, product_id")).toEqual([
      { day: "2026-11-10", product_id: 1, orders: 1, units: 2, revenue: 190, cogs: 80 },
      { day: "2026-11-10", product_id: 2, orders: 1, units: 1, revenue: 150, cogs: 60 },
      { day: "2026-11-10", product_id: 3, orders: 2, units: 4, revenue: 185, cogs: 80 },
    ]);
    // Sessions: a session converts when it holds a paid order (session 5's orders are cancelled and pending).
    expect(await q("SELECT * FROM agg_sessions_daily ORDER BY day, source_id, device")).toEqual([
      {
        day: "2026-10-15",
        source_id: 2,
        device: "desktop",
        sessions: 1,
        converted_sessions: 0,
        orders: 0,
        revenue: 0,
      },
      {
        day: "2026-11-10",
        source_id: 1,
        device: "mobile",
        sessions: 1,
        converted_sessions: 1,
        orders: 1,
        revenue: 240,
      },
      {
        day: "2026-11-10",
        source_id: 2,
        device: "desktop",
        sessions: 1,
        converted_sessions: 1,
        orders: 1,
        revenue: 135,
      },
      {
        day: "2026-11-10",
        source_id: 3,
        device: "desktop",
        sessions: 1,
        converted_sessions: 0,
        orders: 0,
        revenue: 0,
      },
      {
        day: "2026-11-10",
        source_id: 4,
        device: "mobile",
        sessions: 1,
        converted_sessions: 1,
        orders: 1,
        revenue: 150,
      },
      {
        day: "2026-11-11",
        source_id: 3,
        device: "mobile",
        sessions: 1,
        converted_sessions: 0,
        orders: 0,
        revenue: 0,
      },
    ]);
    // Signed-in users per day (session 4 is anonymous).
    expect(await q("SELECT * FROM agg_user_activity_daily ORDER BY day, user_id")).toEqual([
      { day: "2026-10-15", user_id: 2, sessions: 1 },
      { day: "2026-11-10", user_id: 1, sessions: 1 },
      { day: "2026-11-10", user_id: 2, sessions: 1 },
      { day: "2026-11-10", user_id: 3, sessions: 1 },
      { day: "2026-11-11", user_id: 1, sessions: 1 },
    ]);
    expect(await q("SELECT * FROM rollup_dirty_days")).toEqual([]);
    expect(await q("SELECT last_days_refreshed FROM rollup_state")).toEqual([{ last_days_refreshed: 6 }]);
  });

  it("sp_refresh_rollups: campaign, format, city and category rollups are the fine rollups summed", async () => {
    const same = async (summary: string, fromFine: string) =>
      expect(await q(summary)).toEqual(await q(fromFine));
    const sums =
      "SUM(g.impressions) AS impressions, SUM(g.clicks) AS clicks, SUM(g.leads) AS leads, SUM(g.conversions) AS conversions, SUM(g.spend) AS spend, SUM(g.orders) AS orders, SUM(g.revenue) AS revenue, SUM(g.cogs) AS cogs";
    expect((await q("SELECT * FROM agg_campaign_daily")).length).toBeGreaterThan(0);
    await same(
      "SELECT day, campaign_id, platform_id, impressions, clicks, leads, conversions, spend, orders, revenue, cogs FROM agg_campaign_daily ORDER BY day, campaign_id, platform_id",
      `SELECT g.day, a.campaign_id, p.platform_id, ${sums} FROM agg_ad_daily g JOIN ads a ON a.ad_id = g.ad_id JOIN ad_pricing p ON p.pricing_id = a.pricing_id GROUP BY g.day, a.campaign_id, p.platform_id ORDER BY g.day, a.campaign_id, p.platform_id`,
    );
    await same(
      "SELECT day, platform_id, ad_format, impressions, clicks, leads, conversions, spend, orders, revenue, cogs FROM agg_format_daily ORDER BY day, platform_id, ad_format",
      `SELECT g.day, p.platform_id, a.ad_format, ${sums} FROM agg_ad_daily g JOIN ads a ON a.ad_id = g.ad_id JOIN ad_pricing p ON p.pricing_id = a.pricing_id GROUP BY g.day, p.platform_id, a.ad_format ORDER BY g.day, p.platform_id, a.ad_format`,
    );
    await same(
      "SELECT day, city, payment_method, orders_placed, orders_paid, revenue FROM agg_orders_city_daily ORDER BY day, city, payment_method",
      "SELECT day, city, payment_method, SUM(orders_placed) AS orders_placed, SUM(orders_paid) AS orders_paid, SUM(revenue) AS revenue FROM agg_orders_daily GROUP BY day, city, payment_method ORDER BY day, city, payment_method",
    );
    await same(
      "SELECT day, category_id, units, revenue FROM agg_category_daily ORDER BY day, category_id",
      "SELECT g.day, p.category_id, SUM(g.units) AS units, SUM(g.revenue) AS revenue FROM agg_product_daily g JOIN products p ON p.product_id = g.product_id GROUP BY g.day, p.category_id ORDER BY g.day, p.category_id",
    );
  });

  it("sp_refresh_rollups: active users by days since their previous active day, per city and for all", async () => {
    // Active: Oct 15 Bob (Munich); Nov 10 Ada, Bob, Cy (Ada and Cy in Berlin); Nov 11 Ada.
    // First active day = gap 92 (the cap); Bob's Nov 10 is 26 days after Oct 15; Ada's Nov 11, 1 day.
    expect(
      await q("SELECT city, day, gap, users FROM agg_user_returns_daily ORDER BY city, day, gap"),
    ).toEqual([
      { city: "", day: "2026-10-15", gap: 92, users: 1 },
      { city: "", day: "2026-11-10", gap: 26, users: 1 },
      { city: "", day: "2026-11-10", gap: 92, users: 2 },
      { city: "", day: "2026-11-11", gap: 1, users: 1 },
      { city: "Berlin", day: "2026-11-10", gap: 92, users: 2 },
      { city: "Berlin", day: "2026-11-11", gap: 1, users: 1 },
      { city: "Munich", day: "2026-10-15", gap: 92, users: 1 },
      { city: "Munich", day: "2026-11-10", gap: 26, users: 1 },
    ]);
  });

  it("sp_refresh_rollups: signups per profile value, per day and in total", async () => {
    expect(
      await q(
        "SELECT city, dimension, dim_value, users FROM agg_signups_total ORDER BY city, dimension, dim_value",
      ),
    ).toEqual([
      // city '' = every city together.
      { city: "", dimension: "birth_date", dim_value: "1985-03-02", users: 1 },
      { city: "", dimension: "birth_date", dim_value: "1990-05-01", users: 1 },
      { city: "", dimension: "birth_date", dim_value: "2000-07-07", users: 1 },
      { city: "", dimension: "birth_year", dim_value: "1985", users: 1 },
      { city: "", dimension: "birth_year", dim_value: "1990", users: 1 },
      { city: "", dimension: "birth_year", dim_value: "2000", users: 1 },
      { city: "", dimension: "city", dim_value: "Berlin", users: 2 },
      { city: "", dimension: "city", dim_value: "Munich", users: 1 },
      { city: "", dimension: "device", dim_value: "desktop", users: 1 },
      { city: "", dimension: "device", dim_value: "mobile", users: 2 },
      { city: "", dimension: "gender", dim_value: "female", users: 2 },
      { city: "", dimension: "gender", dim_value: "male", users: 1 },
      { city: "", dimension: "platform", dim_value: "android", users: 1 },
      { city: "", dimension: "platform", dim_value: "ios", users: 1 },
      { city: "", dimension: "platform", dim_value: "web", users: 1 },
      { city: "Berlin", dimension: "birth_date", dim_value: "1990-05-01", users: 1 },
      { city: "Berlin", dimension: "birth_date", dim_value: "2000-07-07", users: 1 },
      { city: "Berlin", dimension: "birth_year", dim_value: "1990", users: 1 },
      { city: "Berlin", dimension: "birth_year", dim_value: "2000", users: 1 },
      { city: "Berlin", dimension: "city", dim_value: "Berlin", users: 2 },
      { city: "Berlin", dimension: "device", dim_value: "mobile", users: 2 },
      { city: "Berlin", dimension: "gender", dim_value: "female", users: 2 },
      { city: "Berlin", dimension: "platform", dim_value: "android", users: 1 },
      { city: "Berlin", dimension: "platform", dim_value: "ios", users: 1 },
      { city: "Munich", dimension: "birth_date", dim_value: "1985-03-02", users: 1 },
      { city: "Munich", dimension: "birth_year", dim_value: "1985", users: 1 },
      { city: "Munich", dimension: "city", dim_value: "Munich", users: 1 },
      { city: "Munich", dimension: "device", dim_value: "desktop", users: 1 },
      { city: "Munich", dimension: "gender", dim_value: "male", users: 1 },
      { city: "Munich", dimension: "platform", dim_value: "web", users: 1 },
    ]);
    expect(
      await q("SELECT day, city, users FROM agg_signups_daily WHERE dimension = 'gender' ORDER BY day, city"),
    ).toEqual([
      { day: "2026-01-10", city: "", users: 1 },
      { day: "2026-01-10", city: "Berlin", users: 1 },
      { day: "2026-02-15", city: "", users: 1 },
      { day: "2026-02-15", city: "Munich", users: 1 },
      { day: "2026-11-01", city: "", users: 1 },
      { day: "2026-11-01", city: "Berlin", users: 1 },
    ]);
  });

  it("sp_calc_funnel_metrics: lifetime funnel per ad", async () => {
    await db.connection.query("CALL sp_calc_funnel_metrics()");
    expect(await q("SELECT ad_id, impressions, clicks, leads, conversions FROM ads ORDER BY ad_id")).toEqual([
      { ad_id: 1, impressions: 3500, clicks: 5, leads: 2, conversions: 1 },
      { ad_id: 2, impressions: 400, clicks: 4, leads: 1, conversions: 1 },
      { ad_id: 3, impressions: 10000, clicks: 2, leads: 0, conversions: 0 },
    ]);
  });

  it("sp_calc_ad_budgets: spend from reach and placement pricing", async () => {
    await db.connection.query("CALL sp_calc_ad_budgets()");
    // 3500 * 10 / 1000 = 35 (CPM); 4 clicks * 0.5 = 2 (CPC); 10000 * 8 / 1000 = 80 (CPM).
    expect(await q("SELECT ad_id, budget_spent FROM ads ORDER BY ad_id")).toEqual([
      { ad_id: 1, budget_spent: 35 },
      { ad_id: 2, budget_spent: 2 },
      { ad_id: 3, budget_spent: 80 },
    ]);
  });

  it("sp_calc_campaign_totals: budgets, spend, clicks, leads and revenue per campaign", async () => {
    await db.connection.query("CALL sp_calc_campaign_totals()");
    expect(
      await q(
        "SELECT campaign_id, budget, spend, impressions, clicks, leads, conversions, revenue FROM campaigns ORDER BY campaign_id",
      ),
    ).toEqual([
      {
        campaign_id: 1,
        budget: 800,
        spend: 37,
        impressions: 3900,
        clicks: 9,
        leads: 3,
        conversions: 2,
        revenue: 390,
      },
      {
        campaign_id: 2,
        budget: 200,
        spend: 80,
        impressions: 10000,
        clicks: 2,
        leads: 0,
        conversions: 0,
        revenue: 0,
      },
    ]);
  });

  it("every procedure is idempotent: a second sp_refresh_all, incremental or full, changes nothing", async () => {
    const before = await derivedSnapshot(db.connection);
    await db.connection.query("CALL sp_refresh_all(0)");
    expect(await derivedSnapshot(db.connection)).toEqual(before);
    await db.connection.query("CALL sp_refresh_all(1)");
    expect(await derivedSnapshot(db.connection)).toEqual(before);
    expect(await q("SELECT last_days_refreshed FROM rollup_state")).toEqual([{ last_days_refreshed: 6 }]);
  });

  it("late data for a past day shows up after an incremental refresh, equal to a full rebuild", async () => {
    // A paid order for Nov 11 in session 5 (Berlin, direct) with one Tote at 50, and a click for ad 2 that day.
    await db.connection.query(`
      INSERT INTO orders (order_id, user_id, session_id, ad_id, ordered_at, status, city, payment_method)
        VALUES (7, 1, 5, 2, '2026-11-11 10:00:00', 'paid', 'Berlin', 'card');
      INSERT INTO order_details (order_id, line_no, product_id, quantity, unit_price, unit_cost) VALUES (7, 1, 3, 1, 50.00, 20.00);
      INSERT INTO ad_interactions (interaction_id, ad_id, user_id, stage, occurred_at) VALUES (22, 2, 1, 'click', '2026-11-11 09:58:00');`);
    expect(await q("SELECT day FROM rollup_dirty_days")).toEqual([{ day: "2026-11-11" }]);
    await db.connection.query("CALL sp_refresh_all(0)");
    expect(await q("SELECT last_days_refreshed FROM rollup_state")).toEqual([{ last_days_refreshed: 1 }]);
    expect(await q("SELECT total FROM orders WHERE order_id = 7")).toEqual([{ total: 50 }]);
    expect(
      await q(
        "SELECT clicks, spend, orders, revenue FROM agg_ad_daily WHERE day = '2026-11-11' AND ad_id = 2",
      ),
    ).toEqual([{ clicks: 1, spend: 0.5, orders: 1, revenue: 50 }]);
    expect(await q("SELECT revenue, clicks, spend FROM campaigns WHERE campaign_id = 1")).toEqual([
      { revenue: 440, clicks: 10, spend: 37.5 },
    ]);
    const incremental = await derivedSnapshot(db.connection);
    await db.connection.query("CALL sp_refresh_all(1)");
    expect(await derivedSnapshot(db.connection)).toEqual(incremental);
  });

  it("a deleted fact disappears from the rollups after refresh", async () => {
    await db.connection.query("DELETE FROM ad_interactions WHERE interaction_id = 22");
    await db.connection.query("CALL sp_refresh_all(0)");
    expect(await q("SELECT clicks FROM agg_ad_daily WHERE day = '2026-11-11' AND ad_id = 2")).toEqual([
      { clicks: 0 },
    ]);
  });

  it("a late session and a moved user change the return histogram and signups after an incremental refresh", async () => {
    // Cy (Berlin) was first active on Nov 10; a late session on Oct 20 makes Oct 20 her first
    // day and her Nov 10 a return after 21 days. Bob moves to Berlin: his days and signup move.
    await db.connection.query(`
      INSERT INTO sessions (session_id, user_id, source_id, ad_id, started_at, device, page_views, duration_s)
        VALUES (7, 3, 2, NULL, '2026-10-20 08:00:00', 'mobile', 2, 60);
      UPDATE users SET city = 'Berlin' WHERE user_id = 2;`);
    await db.connection.query("CALL sp_refresh_all(0)");
    expect(
      await q(
        "SELECT city, day, gap, users FROM agg_user_returns_daily WHERE city <> '' ORDER BY city, day, gap",
      ),
    ).toEqual([
      { city: "Berlin", day: "2026-10-15", gap: 92, users: 1 },
      { city: "Berlin", day: "2026-10-20", gap: 92, users: 1 },
      { city: "Berlin", day: "2026-11-10", gap: 21, users: 1 },
      { city: "Berlin", day: "2026-11-10", gap: 26, users: 1 },
      { city: "Berlin", day: "2026-11-10", gap: 92, users: 1 },
      { city: "Berlin", day: "2026-11-11", gap: 1, users: 1 },
    ]);
    expect(
      await q("SELECT city, dim_value, users FROM agg_signups_total WHERE dimension = 'city' ORDER BY city"),
    ).toEqual([
      { city: "", dim_value: "Berlin", users: 3 },
      { city: "Berlin", dim_value: "Berlin", users: 3 },
    ]);
    const incremental = await derivedSnapshot(db.connection);
    await db.connection.query("CALL sp_refresh_all(1)");
    expect(await derivedSnapshot(db.connection)).toEqual(incremental);
  });

  it("sp_calc_order_totals on its own after sp_refresh_rollups(1) on its own still sums the lines", async () => {
    // A full refresh's totals read the order work table, which only a refresh in progress holds.
    await db.connection.query("CALL sp_refresh_rollups(1)");
    expect(await q("SELECT @refresh_full AS full")).toEqual([{ full: null }]);
    await db.connection.query("UPDATE orders SET subtotal = 0, discount = 0, total = 0 WHERE order_id = 2");
    await db.connection.query("CALL sp_calc_order_totals(NULL, NULL)");
    expect(await q("SELECT subtotal, discount, total FROM orders WHERE order_id = 2")).toEqual([
      { subtotal: 150, discount: 15, total: 135 },
    ]);
  });
});
