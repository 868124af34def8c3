import { describe, expect, it } from "vitest";
import { answerSchema } from "../../src/answer/answer-schema.js";
import { DEFAULT_PERIOD } from "../../src/answer/query.js";
import type { AdData, AdSums } from "../../src/areas/ad-data/ad-data.js";
import type { AreaContext } from "../../src/areas/area-module.js";
import type { OrdersData } from "../../src/areas/orders/orders-data.js";
import { priceBand, priceRanges } from "../../src/areas/products/price-ranges.js";
import { type Area, areaModule } from "../../src/areas/registry.js";
import { daysOfCover, type StockItem } from "../../src/areas/stock/stock-data.js";
import { ageBands } from "../../src/areas/users/age-bands.js";

const context = (area: Area, comparison = true): AreaContext => ({
  query: { area, period: DEFAULT_PERIOD, comparison: "previous", filters: {} },
  period: { from: "2026-11-01", to: "2026-11-05", timezone: "UTC", label: "Nov 1 – Nov 5, 2026" },
  comparison: comparison ? { from: "2026-10-27", to: "2026-10-31" } : null,
  filters: {},
  notes: [],
});
/** An area's Answer built from data at hand (no database). */
const answerOf = (area: Area, data: unknown, before: unknown, withComparison = true) =>
  areaModule(area).answerFrom(context(area, withComparison), data, before);

const sums = (s: Partial<AdSums>): AdSums => ({
  impressions: 0,
  clicks: 0,
  leads: 0,
  conversions: 0,
  spend: 0,
  orders: 0,
  revenue: 0,
  cogs: 0,
  ...s,
});

// Campaign A: spend 100, revenue 400 (ROAS 4); campaign B: spend 900, revenue 900 (ROAS 1); C never spent.
const a = sums({
  impressions: 10_000,
  clicks: 200,
  leads: 20,
  conversions: 10,
  spend: 100,
  revenue: 400,
  cogs: 100,
});
const b = sums({
  impressions: 90_000,
  clicks: 900,
  leads: 30,
  conversions: 15,
  spend: 900,
  revenue: 900,
  cogs: 500,
});
const c = sums({});
const total = sums({
  impressions: 100_000,
  clicks: 1100,
  leads: 50,
  conversions: 25,
  spend: 1000,
  revenue: 1300,
  cogs: 600,
});
const adData: AdData = {
  totals: total,
  byCampaign: [
    { ...b, campaignId: 2, campaign: "B" },
    { ...a, campaignId: 1, campaign: "A" },
    { ...c, campaignId: 3, campaign: "C" },
  ],
  byPlatform: [
    { ...a, platform: "google", platformName: "Google" },
    { ...b, platform: "meta", platformName: "Meta" },
  ],
  byFormat: [{ ...total, format: "image" }],
};
const previous: AdData = { ...adData, totals: sums({ ...total, spend: 800, revenue: 1600 }) };

describe("campaigns", () => {
  const answer = answerOf("campaigns", adData, previous);
  const kpi = (key: string) => answer.kpis.find((k) => k.key === key);

  it("ROAS is the ratio of the sums (1300 / 1000), not the mean of per-campaign ratios (2.5)", () => {
    expect(kpi("roas")).toMatchObject({ value: 1.3, previous: 2, unit: "multiple" });
    expect(kpi("roas")?.change?.kind).toBe("relative");
    expect(kpi("roas")?.change?.value).toBeCloseTo(-0.35, 10);
  });

  it("ROI = (revenue − cogs − spend) / spend; CPC, CPA, CTR, CVR from the same sums", () => {
    expect(kpi("roi")?.value).toBeCloseTo((1300 - 600 - 1000) / 1000, 12);
    expect(kpi("cpc")?.value).toBeCloseTo(1000 / 1100, 12);
    expect(kpi("cpa")?.value).toBe(40);
    expect(kpi("ctr")?.value).toBeCloseTo(0.011, 12);
    expect(kpi("cvr")?.value).toBeCloseTo(25 / 1100, 12);
    expect(kpi("spend")?.change).toEqual({ kind: "relative", value: 0.25 });
  });

  it("ranks campaigns by profit, and a campaign without spend shows no ROAS", () => {
    const table = answer.tables[0];
    expect(table?.rows.map((r) => r[0])).toEqual(["A", "C", "B"]);
    const roas = table?.columns.indexOf("roas") ?? -1;
    expect(table?.rows[1]?.[roas]).toBeNull();
    expect(table?.rows[0]?.[roas]).toBe(4);
  });

  it("charts CTR and ROAS by campaign, leaving out campaigns without a value", () => {
    expect(answer.charts.map((ch) => ch.key)).toEqual(["ctr_by_campaign", "roas_by_campaign"]);
    expect(answer.charts[1]?.labels).toEqual(["A", "B"]);
    expect(answer.charts[1]?.unit).toBe("multiple");
  });

  it("matches the Answer contract", () => {
    expect(answerSchema.safeParse(answer).success).toBe(true);
    expect(answer.title).toBe("Campaigns · Nov 1 – Nov 5, 2026");
  });

  it("without a comparison every previous and change is null", () => {
    const alone = answerOf("campaigns", adData, null, false);
    expect(alone.comparison).toBeNull();
    expect(alone.kpis.every((k) => k.previous === null && k.change === null)).toBe(true);
  });
});

describe("capped charts say how many items they leave out", () => {
  it("ROAS by campaign over 20 campaigns shows 15 and says so; over 3 it says nothing", () => {
    const many: AdData = {
      ...adData,
      byCampaign: Array.from({ length: 20 }, (_, i) => ({
        ...a,
        revenue: 100 + i,
        campaignId: i,
        campaign: `K${i}`,
      })),
    };
    const chart = answerOf("campaigns", many, null).charts.find((ch) => ch.key === "roas_by_campaign");
    expect(chart?.labels).toHaveLength(15);
    expect(chart?.title).toBe("ROAS by campaign · top 15 of 20 campaigns");
    const few = answerOf("campaigns", adData, null).charts.find((ch) => ch.key === "roas_by_campaign");
    expect(few?.title).toBe("ROAS by campaign");
  });
});

describe("ad-performance and roas", () => {
  it("the funnel chart carries impressions → clicks → leads → conversions", () => {
    const answer = answerOf("ad-performance", adData, previous);
    const funnel = answer.charts.find((ch) => ch.kind === "funnel");
    expect(funnel?.series[0]?.values).toEqual([100_000, 1100, 50, 25]);
    expect(answer.kpis.find((k) => k.key === "click_to_lead")?.value).toBeCloseTo(50 / 1100, 12);
    expect(answerSchema.safeParse(answer).success).toBe(true);
  });

  it("roas by platform", () => {
    const answer = answerOf("roas", adData, null);
    expect(answer.charts[0]).toMatchObject({ labels: ["Google", "Meta"], series: [{ values: [4, 1] }] });
  });
});

describe("orders", () => {
  const data: OrdersData = {
    totals: { ordersPlaced: 3, orders: 2, items: 5, gross: 300, discount: 20, revenue: 280, cogs: 100 },
    byDay: [
      { day: "2026-11-02", orders: 1, revenue: 200 },
      { day: "2026-11-04", orders: 1, revenue: 80 },
    ],
    byPaymentMethod: [{ key: "card", count: 2, amount: 280 }],
    byCity: [{ key: "Berlin", count: 2, amount: 280 }],
    topProducts: [{ product: "Runner", category: "Shoes", units: 2, revenue: 190 }],
    productsSold: 1,
  };

  it("revenue per day has every day of the period, 0 where nothing was sold", () => {
    const answer = answerOf("orders", data, null);
    const line = answer.charts.find((ch) => ch.key === "revenue_by_day");
    expect(line?.labels).toEqual(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"]);
    expect(line?.series[0]?.values).toEqual([0, 200, 0, 80, 0]);
    expect(answer.kpis.find((k) => k.key === "aov")?.value).toBe(140);
  });

  it("top products say how many products they are the top of, when that hides some", () => {
    const title = (productsSold: number) =>
      answerOf("orders", { ...data, productsSold }, null).tables.find((t) => t.key === "top_products")?.title;
    expect(title(1)).toBe("Products by revenue");
    expect(title(1234)).toBe("Top 1 of 1,234 products by revenue");
  });

  it("AOV is no value (null) when there are no orders, never 0 or NaN", () => {
    const empty: OrdersData = { ...data, totals: { ...data.totals, orders: 0, revenue: 0 } };
    expect(answerOf("orders", empty, null).kpis.find((k) => k.key === "aov")?.value).toBeNull();
  });
});

describe("small rules", () => {
  const item = (stock: number, unitsSold30d: number): StockItem => ({
    sku: "X",
    product: "X",
    category: "c",
    price: 1,
    stock,
    reorderLevel: 10,
    status: stock === 0 ? "out" : "low",
    unitsSold30d,
  });

  it("days of cover: stock / average daily sales of 30 days; 0 when out; none without sales", () => {
    expect(daysOfCover(item(6, 60))).toBe(3);
    expect(daysOfCover(item(0, 60))).toBe(0);
    expect(daysOfCover(item(5, 0))).toBeNull();
    const answer = answerOf("stock", [item(6, 60), item(0, 3)], null, false);
    expect(Object.fromEntries(answer.kpis.map((k) => [k.key, k.value]))).toEqual({
      at_or_below_reorder: 2,
      low_stock: 1,
      out_of_stock: 1,
    });
  });

  it("price ranges and age bands", () => {
    expect([5, 25, 49.99, 120, 999].map(priceBand)).toEqual([0, 1, 1, 3, 5]);
    expect(priceRanges([1, 2, 0, 1, 0, 1])).toEqual({
      labels: ["0–25", "25–50", "50–100", "100–250", "250–500", "500+"],
      counts: [1, 2, 0, 1, 0, 1],
    });
    const year = (key: string, count: number) => ({ key, count, amount: 0 });
    // Born 2000 (3), 1960 (2, one of them on Feb 29): on 2025-02-28 the Feb 29 one is 64.
    const byYear = [year("2000", 3), year("1960", 2)];
    const byDate = [year("2000-06-01", 3), year("1960-01-10", 1), year("1960-02-29", 1)];
    expect(ageBands(byYear, byDate, "2026-12-31")).toEqual([0, 0, 3, 0, 0, 0, 2]);
    expect(ageBands(byYear, byDate, "2025-02-28")).toEqual([0, 3, 0, 0, 0, 1, 1]);
    expect(ageBands(byYear, byDate, "2025-03-01")).toEqual([0, 3, 0, 0, 0, 0, 2]);
    expect(ageBands(byYear, byDate, "2025-05-31")).toEqual([0, 3, 0, 0, 0, 0, 2]);
    expect(ageBands(byYear, byDate, "2025-06-01")).toEqual([0, 0, 3, 0, 0, 0, 2]);
  });
});
