/** The patterns the dashboards should show are there, read through the reporting views. */
import type { RowDataPacket } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { options, run, scalar } from "./run-generate.js";

describe("kpi generate patterns", () => {
  let db: TestDatabase;
  const count = (sql: string) => scalar(db, sql);
  const rows = async (sql: string) => (await db.connection.query<RowDataPacket[]>(sql))[0];

  beforeAll(async () => {
    db = await createTestDatabase();
    await run(db.url, options({ scale: 0.1, days: 365 }));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it("has a monotone funnel for every ad: impressions >= clicks >= leads >= conversions", async () => {
    const broken = "NOT (impressions >= clicks AND clicks >= leads AND leads >= conversions)";
    expect(await count(`SELECT COUNT(*) FROM ads WHERE ${broken}`)).toBe(0);
    expect(await count(`SELECT COUNT(*) FROM agg_ad_daily WHERE ${broken}`)).toBe(0);
    expect(
      await count("SELECT COUNT(*) FROM ads WHERE conversions > 0 AND leads > conversions"),
    ).toBeGreaterThan(0);
    const raw = await count(`SELECT COUNT(*) FROM (
      SELECT ad_id, SUM(IF(stage = 'impression', event_count, 0)) AS i, SUM(stage = 'click') AS c,
             SUM(stage = 'lead') AS l, SUM(stage = 'conversion') AS v
      FROM ad_interactions GROUP BY ad_id) x WHERE NOT (i >= c AND c >= l AND l >= v)`);
    expect(raw).toBe(0);
  });

  it("has CTRs between 0.5% and 5% that differ by platform and by format", async () => {
    const ctr = (by: string, view: string) =>
      rows(`SELECT ${by} AS k, SUM(clicks) / SUM(impressions) AS ctr FROM ${view} GROUP BY ${by}`);
    const platforms = (await ctr("platform", "v_platform_daily")).map((r) => Number(r.ctr));
    expect(platforms.length).toBeGreaterThanOrEqual(3);
    for (const value of platforms) expect(value).toBeGreaterThan(0.005 * 0.8);
    for (const value of platforms) expect(value).toBeLessThan(0.05);
    expect(Math.max(...platforms) / Math.min(...platforms)).toBeGreaterThan(1.25);
    const formats = (await ctr("ad_format", "v_ad_performance")).map((r) => Number(r.ctr));
    expect(Math.max(...formats) / Math.min(...formats)).toBeGreaterThan(1.5);
  });

  it("buys reach in proportion to budget / price (spend close to the planned budget)", async () => {
    // For ads that ran entirely inside the window, impressions x CPM / 1000 (or clicks x CPC)
    // should use up most of the planned budget: reach = budget / price.
    const ratios = await rows(`
      SELECT a.budget_spent / a.planned_budget AS ratio
      FROM ads a
      WHERE a.status = 'ended' AND a.start_date >= '2025-11-26' AND a.end_date < '2026-11-25'`);
    expect(ratios.length).toBeGreaterThan(5);
    const inBand = ratios.filter((r) => Number(r.ratio) > 0.6 && Number(r.ratio) < 1.3).length;
    expect(inBand / ratios.length).toBeGreaterThan(0.8);
  });

  it("has ended and running campaigns, loss-making and very profitable ones", async () => {
    expect(
      await count("SELECT COUNT(*) FROM campaigns WHERE status = 'ended' AND end_date < '2026-11-25'"),
    ).toBeGreaterThan(0);
    expect(
      await count("SELECT COUNT(*) FROM campaigns WHERE status IN ('active', 'paused')"),
    ).toBeGreaterThan(0);
    const roas = (await rows("SELECT roas FROM v_campaign_roi WHERE spend > 0")).map((r) => Number(r.roas));
    expect(Math.min(...roas)).toBeLessThan(1.5);
    expect(Math.max(...roas)).toBeGreaterThan(3);
  });

  it("runs each campaign on one platform: all its ads, its rows under platform= and its name agree", async () => {
    const adPlatforms = `SELECT a.campaign_id, p.platform_id FROM ads a JOIN ad_pricing p ON p.pricing_id = a.pricing_id`;
    expect(
      await count(
        `SELECT COUNT(*) FROM (SELECT campaign_id FROM (${adPlatforms}) x GROUP BY campaign_id HAVING COUNT(DISTINCT platform_id) > 1) y`,
      ),
    ).toBe(0);
    expect(
      await count(
        "SELECT COUNT(*) FROM (SELECT campaign_id FROM v_campaign_daily GROUP BY campaign_id HAVING COUNT(DISTINCT platform) > 1) y",
      ),
    ).toBe(0);
    expect(await count(`SELECT COUNT(DISTINCT platform_id) FROM (${adPlatforms}) x`)).toBe(5);
    const namedAfter = `FROM campaigns c JOIN ad_platforms named ON c.name LIKE CONCAT('%· ', named.name, ' ·%')`;
    expect(await count(`SELECT COUNT(*) ${namedAfter}`)).toBeGreaterThan(0);
    expect(
      await count(
        `SELECT COUNT(*) ${namedAfter} JOIN (${adPlatforms}) x ON x.campaign_id = c.campaign_id WHERE x.platform_id <> named.platform_id`,
      ),
    ).toBe(0);
  });

  it("has a weekly cycle, promotion peaks and a growing user base", async () => {
    const byWeekday = await rows(`SELECT DAYOFWEEK(d) IN (1, 7) AS weekend, AVG(n) AS mean
      FROM (SELECT DATE(ordered_at) AS d, COUNT(*) AS n FROM orders GROUP BY DATE(ordered_at)) x GROUP BY 1`);
    const mean = (weekend: number) => Number(byWeekday.find((r) => Number(r.weekend) === weekend)?.mean);
    expect(mean(1) / mean(0)).toBeGreaterThan(1.15);
    const promotionDays = `DATE(ordered_at) BETWEEN '2025-11-28' AND '2025-12-01'
      OR DATE(ordered_at) BETWEEN '2026-07-01' AND '2026-07-05'`;
    const promotion = (await count(`SELECT COUNT(*) FROM orders WHERE ${promotionDays}`)) / 9;
    const daily = await count("SELECT COUNT(*) / COUNT(DISTINCT DATE(ordered_at)) FROM orders");
    expect(promotion / daily).toBeGreaterThan(1.5);
    const early = await count(
      "SELECT COUNT(*) FROM users WHERE signup_date BETWEEN '2025-11-26' AND '2026-02-23'",
    );
    const late = await count(
      "SELECT COUNT(*) FROM users WHERE signup_date BETWEEN '2026-08-28' AND '2026-11-25'",
    );
    expect(late).toBeGreaterThan(early * 1.2);
  });

  it("has products at or below their reorder level and some out of stock, but not most", async () => {
    const low = await count("SELECT COUNT(*) FROM v_low_stock");
    expect(low).toBeGreaterThan(0);
    expect(await count("SELECT COUNT(*) FROM v_low_stock WHERE stock_qty = 0")).toBeGreaterThan(0);
    expect(low / (await count("SELECT COUNT(*) FROM products"))).toBeLessThan(0.3);
  });

  it("has believable customers, payment methods and order statuses", async () => {
    expect(await count("SELECT COUNT(DISTINCT city) FROM users")).toBeGreaterThanOrEqual(20);
    expect(await count("SELECT COUNT(DISTINCT country_code) FROM users")).toBeGreaterThanOrEqual(3);
    expect(await count("SELECT COUNT(DISTINCT device) FROM users")).toBe(3);
    expect(
      await count("SELECT COUNT(*) FROM users WHERE TIMESTAMPDIFF(YEAR, birth_date, signup_date) < 18"),
    ).toBe(0);
    const methods = await rows(
      "SELECT payment_method AS m, COUNT(*) AS n FROM orders GROUP BY 1 ORDER BY 2 DESC",
    );
    expect(methods.length).toBeGreaterThanOrEqual(5);
    expect(["paypal", "card"]).toContain(methods[0]?.m);
    const share = async (where: string) =>
      (await count(`SELECT COUNT(*) FROM orders WHERE ${where}`)) /
      (await count("SELECT COUNT(*) FROM orders"));
    expect(await share("status IN ('paid', 'shipped', 'delivered')")).toBeGreaterThan(0.8);
    expect(await share("status IN ('cancelled', 'refunded')")).toBeGreaterThan(0.02);
    expect(
      await count("SELECT COUNT(*) FROM orders WHERE status = 'pending' AND ordered_at < '2026-11-18'"),
    ).toBe(0);
  });
});
