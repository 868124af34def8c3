/** Each reporting view on the hand-written fixture returns the rows worked out by hand. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshDerived } from "../../src/db/refresh.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { loadFixture, rows } from "./fixture.js";

describe("reporting views on the fixture", () => {
  let db: TestDatabase;
  const q = (sql: string) => rows(db.connection, sql);

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadFixture(db.connection);
    await refreshDerived(db.connection, { full: false });
  });
  afterAll(async () => db?.drop());

  it("v_user_order_summary: paid orders and revenue per user", async () => {
    expect(
      await q(
        "SELECT user_id, city, orders, revenue, first_order_date, last_order_date FROM v_user_order_summary ORDER BY user_id",
      ),
    ).toEqual([
      {
        user_id: 1,
        city: "Berlin",
        orders: 1,
        revenue: 240,
        first_order_date: "2026-11-10",
        last_order_date: "2026-11-10",
      },
      {
        user_id: 2,
        city: "Munich",
        orders: 1,
        revenue: 135,
        first_order_date: "2026-11-10",
        last_order_date: "2026-11-10",
      },
      {
        user_id: 3,
        city: "Berlin",
        orders: 1,
        revenue: 150,
        first_order_date: "2026-11-10",
        last_order_date: "2026-11-10",
      },
    ]);
  });

  it("v_ad_performance: day x ad with its campaign, platform, placement and format", async () => {
    expect(
      await q(
        "SELECT day, ad_id, campaign, platform, placement, ad_format, impressions, clicks, spend, revenue FROM v_ad_performance ORDER BY day, ad_id",
      ),
    ).toEqual([
      {
        day: "2026-10-15",
        ad_id: 3,
        campaign: "Brand",
        platform: "meta",
        placement: "stories",
        ad_format: "video",
        impressions: 10000,
        clicks: 2,
        spend: 80,
        revenue: 0,
      },
      {
        day: "2026-11-10",
        ad_id: 1,
        campaign: "Autumn Sale",
        platform: "meta",
        placement: "feed",
        ad_format: "image",
        impressions: 1500,
        clicks: 3,
        spend: 15,
        revenue: 240,
      },
      {
        day: "2026-11-10",
        ad_id: 2,
        campaign: "Autumn Sale",
        platform: "google",
        placement: "search",
        ad_format: "text",
        impressions: 400,
        clicks: 4,
        spend: 2,
        revenue: 150,
      },
      {
        day: "2026-11-11",
        ad_id: 1,
        campaign: "Autumn Sale",
        platform: "meta",
        placement: "feed",
        ad_format: "image",
        impressions: 2000,
        clicks: 2,
        spend: 20,
        revenue: 0,
      },
    ]);
  });

  it("v_campaign_roi: ROAS = revenue / spend, ROI = (revenue - cogs - spend) / spend", async () => {
    const result = await q(
      "SELECT campaign_id, spend, revenue, cogs, roas, roi FROM v_campaign_roi ORDER BY campaign_id",
    );
    // Autumn Sale: spend 35 + 2 = 37, revenue 240 + 150 = 390, cogs 100 + 60 = 160: ROAS 390/37, ROI (390-160-37)/37.
    // Brand: spend 80, nothing sold: ROAS 0, ROI -1.
    expect(result).toHaveLength(2);
    expect(result[0]).toMatchObject({ campaign_id: 1, spend: 37, revenue: 390, cogs: 160 });
    expect(result[0]?.roas).toBeCloseTo(390 / 37, 4);
    expect(result[0]?.roi).toBeCloseTo(193 / 37, 4);
    expect(result[1]).toMatchObject({ campaign_id: 2, spend: 80, revenue: 0, cogs: 0, roas: 0, roi: -1 });
  });

  it("v_campaign_daily: day x campaign x platform", async () => {
    expect(
      await q(
        "SELECT day, campaign, platform, clicks, spend, revenue FROM v_campaign_daily ORDER BY day, campaign, platform",
      ),
    ).toEqual([
      { day: "2026-10-15", campaign: "Brand", platform: "meta", clicks: 2, spend: 80, revenue: 0 },
      { day: "2026-11-10", campaign: "Autumn Sale", platform: "google", clicks: 4, spend: 2, revenue: 150 },
      { day: "2026-11-10", campaign: "Autumn Sale", platform: "meta", clicks: 3, spend: 15, revenue: 240 },
      { day: "2026-11-11", campaign: "Autumn Sale", platform: "meta", clicks: 2, spend: 20, revenue: 0 },
    ]);
  });

  it("v_funnel_stages: one row per stage, in funnel order", async () => {
    expect(
      await q(
        "SELECT stage, stage_order, events FROM v_funnel_stages WHERE day = '2026-11-10' AND platform = 'meta' ORDER BY stage_order",
      ),
    ).toEqual([
      { stage: "impression", stage_order: 1, events: 1500 },
      { stage: "click", stage_order: 2, events: 3 },
      { stage: "lead", stage_order: 3, events: 1 },
      { stage: "conversion", stage_order: 4, events: 1 },
    ]);
  });

  it("v_platform_daily: ROAS and CTR inputs by platform", async () => {
    expect(
      await q(
        "SELECT platform, impressions, clicks, spend, revenue FROM v_platform_daily WHERE day = '2026-11-10' ORDER BY platform",
      ),
    ).toEqual([
      { platform: "google", impressions: 400, clicks: 4, spend: 2, revenue: 150 },
      { platform: "meta", impressions: 1500, clicks: 3, spend: 15, revenue: 240 },
    ]);
  });

  it("v_revenue_by_category: paid revenue net of discounts per category", async () => {
    expect(
      await q("SELECT day, category, units, revenue, cogs FROM v_revenue_by_category ORDER BY day, category"),
    ).toEqual([
      { day: "2026-11-10", category: "bags", units: 4, revenue: 185, cogs: 80 },
      { day: "2026-11-10", category: "shoes", units: 3, revenue: 340, cogs: 140 },
    ]);
  });

  it("v_traffic_conversion: sessions and converted sessions by source", async () => {
    expect(
      await q(
        "SELECT day, source, sessions, converted_sessions, orders, revenue FROM v_traffic_conversion ORDER BY day, source",
      ),
    ).toEqual([
      {
        day: "2026-10-15",
        source: "organic_search",
        sessions: 1,
        converted_sessions: 0,
        orders: 0,
        revenue: 0,
      },
      { day: "2026-11-10", source: "direct", sessions: 1, converted_sessions: 0, orders: 0, revenue: 0 },
      {
        day: "2026-11-10",
        source: "organic_search",
        sessions: 1,
        converted_sessions: 1,
        orders: 1,
        revenue: 135,
      },
      {
        day: "2026-11-10",
        source: "paid_search",
        sessions: 1,
        converted_sessions: 1,
        orders: 1,
        revenue: 150,
      },
      {
        day: "2026-11-10",
        source: "paid_social",
        sessions: 1,
        converted_sessions: 1,
        orders: 1,
        revenue: 240,
      },
      { day: "2026-11-11", source: "direct", sessions: 1, converted_sessions: 0, orders: 0, revenue: 0 },
    ]);
  });

  it("v_ad_efficiency_ranking: ads ranked by ROAS overall and per platform", async () => {
    // ROAS: ad 2 150/2 = 75, ad 1 240/35 = 6.86, ad 3 0/80 = 0.
    expect(
      await q(
        "SELECT ad_id, platform, spend, revenue, roas_rank, platform_roas_rank FROM v_ad_efficiency_ranking ORDER BY roas_rank",
      ),
    ).toEqual([
      { ad_id: 2, platform: "google", spend: 2, revenue: 150, roas_rank: 1, platform_roas_rank: 1 },
      { ad_id: 1, platform: "meta", spend: 35, revenue: 240, roas_rank: 2, platform_roas_rank: 1 },
      { ad_id: 3, platform: "meta", spend: 80, revenue: 0, roas_rank: 3, platform_roas_rank: 2 },
    ]);
    const [ad1] = await q("SELECT ctr, cpa FROM v_ad_efficiency_ranking WHERE ad_id = 1");
    expect(ad1).toEqual({ ctr: expect.closeTo(5 / 3500, 6), cpa: 35 });
  });

  it("v_ad_structure: formats, platforms, pricing, status and budgets", async () => {
    expect(
      await q(
        "SELECT ad_id, platform, placement, pricing_model, ad_format, status, planned_budget, budget_spent FROM v_ad_structure ORDER BY ad_id",
      ),
    ).toEqual([
      {
        ad_id: 1,
        platform: "meta",
        placement: "feed",
        pricing_model: "CPM",
        ad_format: "image",
        status: "active",
        planned_budget: 500,
        budget_spent: 35,
      },
      {
        ad_id: 2,
        platform: "google",
        placement: "search",
        pricing_model: "CPC",
        ad_format: "text",
        status: "active",
        planned_budget: 300,
        budget_spent: 2,
      },
      {
        ad_id: 3,
        platform: "meta",
        placement: "stories",
        pricing_model: "CPM",
        ad_format: "video",
        status: "ended",
        planned_budget: 200,
        budget_spent: 80,
      },
    ]);
  });

  it("v_orders_daily: orders by city, source and payment method", async () => {
    expect(
      await q(
        "SELECT day, city, source, payment_method, orders_placed, orders_paid, revenue FROM v_orders_daily WHERE day = '2026-11-10' ORDER BY city, source",
      ),
    ).toEqual([
      {
        day: "2026-11-10",
        city: "Berlin",
        source: "paid_search",
        payment_method: "klarna",
        orders_placed: 1,
        orders_paid: 1,
        revenue: 150,
      },
      {
        day: "2026-11-10",
        city: "Berlin",
        source: "paid_social",
        payment_method: "card",
        orders_placed: 1,
        orders_paid: 1,
        revenue: 240,
      },
      {
        day: "2026-11-10",
        city: "Munich",
        source: "organic_search",
        payment_method: "paypal",
        orders_placed: 1,
        orders_paid: 1,
        revenue: 135,
      },
    ]);
  });

  it("v_product_sales_daily: top products", async () => {
    expect(
      await q("SELECT product, category, units, revenue FROM v_product_sales_daily ORDER BY revenue DESC"),
    ).toEqual([
      { product: "Runner", category: "shoes", units: 2, revenue: 190 },
      { product: "Tote", category: "bags", units: 4, revenue: 185 },
      { product: "Boot", category: "shoes", units: 1, revenue: 150 },
    ]);
  });

  it("v_product_stock and v_low_stock: out, low and ok", async () => {
    expect(await q("SELECT sku, stock_status FROM v_product_stock ORDER BY product_id")).toEqual([
      { sku: "SH-RUN", stock_status: "low" },
      { sku: "SH-BOOT", stock_status: "out" },
      { sku: "BG-TOTE", stock_status: "ok" },
    ]);
    expect(await q("SELECT sku, stock_qty, reorder_level FROM v_low_stock ORDER BY product_id")).toEqual([
      { sku: "SH-RUN", stock_qty: 5, reorder_level: 10 },
      { sku: "SH-BOOT", stock_qty: 0, reorder_level: 5 },
    ]);
  });

  it("users: signups, activity and profiles without personal data", async () => {
    expect(
      await q(
        "SELECT day, city, gender, birth_year, device, platform, users FROM v_user_signups_daily ORDER BY day",
      ),
    ).toEqual([
      {
        day: "2026-01-10",
        city: "Berlin",
        gender: "female",
        birth_year: 1990,
        device: "mobile",
        platform: "ios",
        users: 1,
      },
      {
        day: "2026-02-15",
        city: "Munich",
        gender: "male",
        birth_year: 1985,
        device: "desktop",
        platform: "web",
        users: 1,
      },
      {
        day: "2026-11-01",
        city: "Berlin",
        gender: "female",
        birth_year: 2000,
        device: "mobile",
        platform: "android",
        users: 1,
      },
    ]);
    expect(
      await q(
        "SELECT COUNT(DISTINCT user_id) AS active FROM v_user_activity_daily WHERE day BETWEEN '2026-11-01' AND '2026-11-30'",
      ),
    ).toEqual([{ active: 3 }]);
    const profileColumns = await q(
      "SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'v_user_profiles'",
    );
    expect(profileColumns.map((r) => r.c)).not.toContain("email");
    expect(profileColumns.map((r) => r.c)).not.toContain("full_name");
  });

  it("v_sessions_daily and v_data_freshness", async () => {
    expect(await q("SELECT SUM(sessions) AS s FROM v_sessions_daily WHERE device = 'mobile'")).toEqual([
      { s: 3 },
    ]);
    const [fresh] = await q(
      "SELECT first_day, last_day, pending_days, last_refresh_at IS NOT NULL AS refreshed FROM v_data_freshness",
    );
    expect(fresh).toEqual({ first_day: "2026-10-15", last_day: "2026-11-11", pending_days: 0, refreshed: 1 });
  });
});
