/**
 * Every area on generated data: the Answer's KPIs equal an independent computation from the
 * base tables (test/helpers/independent-kpis.ts), for the period and its comparison, on two seeds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import type { Engine } from "../../src/engine/engine.js";
import { div, expectClose } from "../helpers/expect-close.js";
import { AS_OF, createGeneratedDatabase, GENERATED, SECOND_SEED } from "../helpers/generated-database.js";
import {
  adStructureCounts,
  adSums,
  orderSums,
  productCounts,
  type Range,
  trafficSums,
  userCounts,
} from "../helpers/independent-kpis.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { answerOf, kpiOf, testEngine } from "../helpers/test-engine.js";

describe.each([GENERATED.seed, SECOND_SEED])("generated with seed %i", (seed) => {
  let db: TestDatabase;
  let engine: Engine;

  beforeAll(async () => {
    db = await createGeneratedDatabase("kpi_areas", seed);
    engine = testEngine(db.url, AS_OF);
  }, 180_000);

  afterAll(async () => {
    await engine?.close();
    await db?.drop();
  });

  const ask = (text: string): Promise<Answer> => answerOf(engine, text);

  const kpi = kpiOf;

  function ranges(answer: Answer): [Range, Range | null] {
    return [answer.period, answer.comparison];
  }

  /** Checks value and previous of one KPI against the independent figure for each range. */
  async function check(answer: Answer, key: string, compute: (range: Range) => Promise<number | null>) {
    const [period, comparison] = ranges(answer);
    expectClose(kpi(answer, key).value, await compute(period), `${answer.area} ${key} value`);
    if (!comparison) return;
    const previous = await compute(comparison);
    if (answer.coverage?.comparison === "empty") {
      // No data in the comparison: no previous value shown, and the base tables have none either.
      expect(kpi(answer, key).previous).toBeNull();
      expect(previous ?? 0).toBe(0);
    } else {
      expectClose(kpi(answer, key).previous, previous, `${answer.area} ${key} previous`);
    }
  }

  describe("the generated data is there", () => {
    it("has paid orders and ad activity in the last 30 days", async () => {
      const answer = await ask("orders last-30d");
      expect(answer.period).toEqual({
        from: "2026-10-27",
        to: "2026-11-25",
        timezone: "UTC",
        label: "last 30 days",
      });
      expect(kpi(answer, "orders").value).toBeGreaterThan(50);
      expect((await adSums(db.connection, answer.period)).clicks).toBeGreaterThan(100);
    });
  });

  describe.each([
    ["last-30d", {}],
    ["last-90d vs last-year", {}],
    ["2026-10 platform=META", { platform: "meta" }],
  ])("ad areas %s", (period, filter: { platform?: string }) => {
    const suffix = period;
    it("campaigns: spend, revenue, ROAS, ROI, CTR, CVR, CPC, CPA, leads", async () => {
      const answer = await ask(`campaigns ${suffix}`);
      const sums = (r: Range) => adSums(db.connection, r, filter);
      await check(answer, "spend", async (r) => (await sums(r)).spend);
      await check(answer, "revenue", async (r) => (await sums(r)).revenue);
      await check(answer, "roas", async (r) => {
        const s = await sums(r);
        return div(s.revenue, s.spend);
      });
      await check(answer, "roi", async (r) => {
        const s = await sums(r);
        return div(s.revenue - s.cogs - s.spend, s.spend);
      });
      await check(answer, "ctr", async (r) => {
        const s = await sums(r);
        return div(s.clicks, s.impressions);
      });
      await check(answer, "cvr", async (r) => {
        const s = await sums(r);
        return div(s.conversions, s.clicks);
      });
      await check(answer, "cpc", async (r) => {
        const s = await sums(r);
        return div(s.spend, s.clicks);
      });
      await check(answer, "cpa", async (r) => {
        const s = await sums(r);
        return div(s.spend, s.conversions);
      });
      await check(answer, "leads", async (r) => (await sums(r)).leads);
      // The per-campaign table adds up to the totals.
      const table = answer.tables.find((t) => t.key === "by_campaign");
      const spendColumn = table?.columns.indexOf("spend") ?? -1;
      const tableSpend = (table?.rows ?? []).reduce((n, row) => n + Number(row[spendColumn]), 0);
      expectClose(tableSpend, kpi(answer, "spend").value, "sum of campaign spend");
    });

    it("ad-performance: the funnel and click-to-lead", async () => {
      const answer = await ask(`funnel ${suffix}`);
      const sums = (r: Range) => adSums(db.connection, r, filter);
      for (const key of ["impressions", "clicks", "leads", "conversions"] as const) {
        await check(answer, key, async (r) => (await sums(r))[key]);
      }
      await check(answer, "click_to_lead", async (r) => {
        const s = await sums(r);
        return div(s.leads, s.clicks);
      });
      const funnel = answer.charts.find((c) => c.kind === "funnel");
      const s = await sums(answer.period);
      expect(funnel?.series[0]?.values).toEqual([s.impressions, s.clicks, s.leads, s.conversions]);
    });

    it("roas and ctr shortcuts", async () => {
      const roas = await ask(`roas ${suffix}`);
      await check(roas, "roas", async (r) => {
        const s = await adSums(db.connection, r, filter);
        return div(s.revenue, s.spend);
      });
      const ctr = await ask(`ctr ${suffix}`);
      await check(ctr, "ctr", async (r) => {
        const s = await adSums(db.connection, r, filter);
        return div(s.clicks, s.impressions);
      });
    });
  });

  describe("orders", () => {
    it("top products say how many products sold in the period they are the top of", async () => {
      const answer = await ask("orders last-30d");
      const [rows] = (await db.connection.query(
        `SELECT COUNT(DISTINCT d.product_id) AS n FROM order_details d JOIN orders o ON o.order_id = d.order_id
         WHERE o.status IN ('paid', 'shipped', 'delivered') AND o.ordered_at >= ? AND o.ordered_at < ? + INTERVAL 1 DAY`,
        [answer.period.from, answer.period.to],
      )) as unknown as [{ n: number }[]];
      const sold = Number(rows[0]?.n);
      const table = answer.tables.find((t) => t.key === "top_products");
      expect(sold).toBeGreaterThan(table?.rows.length ?? 0);
      expect(table?.title).toBe(
        `Top ${table?.rows.length} of ${sold.toLocaleString("en")} products by revenue`,
      );
    });

    it.each([["last-30d"], ["last-7d vs last-year"], ["2026-09"]])(
      "%s: revenue, orders, AOV, items",
      async (period) => {
        const answer = await ask(`orders ${period}`);
        const sums = (r: Range) => orderSums(db.connection, r);
        await check(answer, "revenue", async (r) => (await sums(r)).revenue);
        await check(answer, "orders", async (r) => (await sums(r)).orders);
        await check(answer, "items", async (r) => (await sums(r)).items);
        await check(answer, "discount", async (r) => (await sums(r)).discount);
        await check(answer, "aov", async (r) => {
          const s = await sums(r);
          return div(s.revenue, s.orders);
        });
      },
    );

    it("with a city filter, matched case-insensitively", async () => {
      const [row] = (await db.connection.query(
        "SELECT city FROM orders GROUP BY city ORDER BY COUNT(*) DESC LIMIT 1",
      )) as unknown as [{ city: string }[]];
      const city = row[0]?.city as string;
      const answer = await ask(`orders last-30d city=${city.toUpperCase().replaceAll(" ", "")}`).catch(() =>
        ask(`orders last-30d city="${city.toUpperCase()}"`),
      );
      await check(answer, "revenue", async (r) => (await orderSums(db.connection, r, city)).revenue);
      await check(answer, "orders", async (r) => (await orderSums(db.connection, r, city)).orders);
    });
  });

  describe("users", () => {
    // 2026-01-01..2026-06-30 is longer than the return histogram's 92-day cap (distinct users counted directly).
    it.each([["last-30d"], ["last-90d vs last-year"], ["2026-01-01..2026-06-30"], ["2026-06"]])(
      "%s: total, new and active users",
      async (period) => {
        const answer = await ask(`users ${period}`);
        await check(answer, "users", async (r) => (await userCounts(db.connection, r)).users);
        await check(answer, "new_users", async (r) => (await userCounts(db.connection, r)).new_users);
        await check(answer, "active_users", async (r) => (await userCounts(db.connection, r)).active_users);
      },
    );

    it("with a city filter: total, new and active users of that city", async () => {
      const [row] = (await db.connection.query(
        "SELECT city FROM users GROUP BY city ORDER BY COUNT(*) DESC, city LIMIT 1",
      )) as unknown as [{ city: string }[]];
      const city = row[0]?.city as string;
      const answer = await ask(`users last-7d vs previous city="${city}"`);
      const counts = (r: Range) => userCounts(db.connection, r, city);
      await check(answer, "users", async (r) => (await counts(r)).users);
      await check(answer, "new_users", async (r) => (await counts(r)).new_users);
      await check(answer, "active_users", async (r) => (await counts(r)).active_users);
    });

    it("profile tables count everyone signed up by the end of the period", async () => {
      const answer = await ask("users 2026-06");
      for (const [table, column] of [
        ["by_gender", "gender"],
        ["by_device", "device"],
        ["by_platform", "platform"],
        ["by_city", "city"],
      ] as const) {
        const [expected] = (await db.connection.query(
          `SELECT ${column} AS k, COUNT(*) AS n FROM users WHERE signup_date <= '2026-06-30' GROUP BY ${column}`,
        )) as unknown as [{ k: string; n: number }[]];
        const found = answer.tables.find((t) => t.key === table);
        const shown = found?.rows ?? [];
        const counts = new Map(shown.map((r) => [String(r[0]), Number(r[1])]));
        expect(counts.size).toBeGreaterThan(0);
        // by_city shows the largest cities only; every row shown must be exact.
        const all = new Map(expected.map((e) => [e.k, Number(e.n)]));
        if (table !== "by_city") expect(counts.size).toBe(all.size);
        else expect(found?.title).toBe(`Top ${counts.size} of ${all.size} cities`);
        for (const [k, n] of counts) expect(n, `${table} ${k}`).toBe(all.get(k));
      }
    });
  });

  describe("traffic", () => {
    it("sessions, converting sessions, conversion rate, orders and revenue", async () => {
      const answer = await ask("traffic last-30d");
      const sums = (r: Range) => trafficSums(db.connection, r);
      await check(answer, "sessions", async (r) => (await sums(r)).sessions);
      await check(answer, "converted_sessions", async (r) => (await sums(r)).converted);
      await check(answer, "conversion_rate", async (r) => {
        const s = await sums(r);
        return div(s.converted, s.sessions);
      });
      await check(answer, "orders", async (r) => (await sums(r)).orders);
      await check(answer, "revenue", async (r) => (await sums(r)).revenue);
    });

    it("filtered to one source", async () => {
      const answer = await ask("traffic last-30d source=Paid_Social");
      await check(
        answer,
        "sessions",
        async (r) => (await trafficSums(db.connection, r, "paid_social")).sessions,
      );
    });
  });

  describe("ad formats", () => {
    /** Impressions per format in the answer's period, from the raw interactions. */
    async function formatImpressions(range: Range, campaignId?: number): Promise<Map<string, number>> {
      const [rows] = (await db.connection.query(
        `SELECT a.ad_format AS f, SUM(i.event_count) AS n FROM ad_interactions i JOIN ads a ON a.ad_id = i.ad_id
         WHERE i.stage = 'impression' AND i.occurred_at >= ? AND i.occurred_at < ? + INTERVAL 1 DAY
         ${campaignId === undefined ? "" : "AND a.campaign_id = ?"} GROUP BY a.ad_format`,
        [range.from, range.to, ...(campaignId === undefined ? [] : [campaignId])],
      )) as unknown as [{ f: string; n: number }[]];
      return new Map(rows.map((r) => [r.f, Number(r.n)]));
    }

    function shownImpressions(answer: Answer): Map<string, number> {
      const table = answer.tables.find((t) => t.key === "by_format");
      const column = table?.columns.indexOf("impressions") ?? -1;
      return new Map((table?.rows ?? []).map((r) => [String(r[0]), Number(r[column])]));
    }

    it("all campaigns, and one campaign (read per ad)", async () => {
      const all = await ask("ad-performance last-30d");
      expect(shownImpressions(all)).toEqual(await formatImpressions(all.period));
      const [top] = (await db.connection.query(
        "SELECT c.campaign_id AS id, c.name FROM campaigns c JOIN ads a ON a.campaign_id = c.campaign_id GROUP BY c.campaign_id, c.name ORDER BY COUNT(DISTINCT a.ad_format) DESC, c.campaign_id LIMIT 1",
      )) as unknown as [{ id: number; name: string }[]];
      const campaign = top[0] as { id: number; name: string };
      const one = await ask(`ad-performance last-90d campaign="${campaign.name}"`);
      const expected = await formatImpressions(one.period, campaign.id);
      expect(expected.size).toBeGreaterThan(0);
      expect(shownImpressions(one)).toEqual(expected);
      await check(
        one,
        "impressions",
        async (r) => (await adSums(db.connection, r, { campaignId: campaign.id })).impressions,
      );
    });
  });

  describe("products, stock and ads", () => {
    it("products: catalogue, stock and sales", async () => {
      const answer = await ask("products last-30d");
      const counts = await productCounts(db.connection, answer.period);
      expectClose(kpi(answer, "products").value, counts.products, "products");
      expectClose(kpi(answer, "stock_units").value, counts.stock_units, "stock units");
      expectClose(kpi(answer, "stock_value").value, counts.stock_value, "stock value");
      expectClose(kpi(answer, "low_stock").value, counts.low, "low stock");
      expectClose(kpi(answer, "out_of_stock").value, counts.out_of_stock, "out of stock");
      await check(answer, "units_sold", async (r) => (await productCounts(db.connection, r)).units_sold);
    });

    it("stock: the low-stock list", async () => {
      const answer = await ask("stock");
      const counts = await productCounts(db.connection, answer.period);
      expect(counts.low + counts.out_of_stock).toBeGreaterThan(0);
      expectClose(kpi(answer, "at_or_below_reorder").value, counts.low + counts.out_of_stock, "at or below");
      expectClose(kpi(answer, "low_stock").value, counts.low, "low stock");
      expectClose(kpi(answer, "out_of_stock").value, counts.out_of_stock, "out of stock");
      expect(answer.tables[0]?.rows).toHaveLength(counts.low + counts.out_of_stock);
    });

    it("ads: ads that ran, planned budget and spend", async () => {
      const answer = await ask("ads last-30d");
      await check(answer, "ads", async (r) => (await adStructureCounts(db.connection, r)).ads);
      await check(
        answer,
        "planned_budget",
        async (r) => (await adStructureCounts(db.connection, r)).planned_budget,
      );
      await check(answer, "spend", async (r) => (await adSums(db.connection, r)).spend);
    });
  });

  describe("bad input against real data", () => {
    it("an unknown filter value names the nearest existing one", async () => {
      await expect(ask("campaigns last-30d platform=metta")).rejects.toThrow(
        /No platform `metta` — did you mean `meta`\?/,
      );
    });
  });
});
