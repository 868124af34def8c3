/**
 * Plain questions answered on generated data (the real generator, MariaDB, the engine as
 * `kpi ask` runs it): the answer carries how it was read, and its figures — a ranking's order,
 * cut and values included — match an independent computation from the base tables.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import type { Engine } from "../../src/engine/engine.js";
import { expectClose } from "../helpers/expect-close.js";
import { AS_OF, createGeneratedDatabase } from "../helpers/generated-database.js";
import { adSums, orderSums } from "../helpers/independent-kpis.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { answerOf, kpiOf, testEngine } from "../helpers/test-engine.js";

let db: TestDatabase;
let engine: Engine;

beforeAll(async () => {
  db = await createGeneratedDatabase("kpi_plain_answers");
  engine = testEngine(db.url, AS_OF);
}, 120_000);

afterAll(async () => {
  await engine?.close();
  await db?.drop();
});

const LAST_30 = { from: "2026-10-27", to: "2026-11-25" };
const LAST_7 = { from: "2026-11-19", to: "2026-11-25" };

function tableOf(answer: Answer, key: string) {
  const table = answer.tables.find((t) => t.key === key);
  if (!table) throw new Error(`no table ${key}`);
  return table;
}

describe("plain questions on generated data", () => {
  it("how did meta do last week vs last year? — read, echoed, and Meta's spend from the base tables", async () => {
    const answer = await answerOf(engine, "how did meta do last week vs last year?");
    expect(answer.reading).toEqual({
      heard: "Campaigns · last 7 days vs same dates last year · platform Meta",
      echo: "campaigns last-7d vs last-year platform=meta",
      guesses: [],
    });
    expect(answer.query).toMatchObject({
      area: "campaigns",
      comparison: "last-year",
      filters: { platform: "meta" },
    });
    const sums = await adSums(db.connection, LAST_7, { platform: "meta" });
    expectClose(kpiOf(answer, "spend").value, sums.spend, "Meta spend, last 7 days");
  });

  it("top 3 cities by revenue — the three cities with the most revenue, in order, with their revenue", async () => {
    const answer = await answerOf(engine, "top 3 cities by revenue in the last 30 days");
    expect(answer.reading?.echo).toBe("orders last-30d top=3 by=revenue");
    const [rows] = await db.connection.query("SELECT DISTINCT city FROM orders");
    const cities = (rows as { city: string }[]).map((r) => r.city);
    const revenue = await Promise.all(
      cities.map(async (city) => ({
        city,
        revenue: (await orderSums(db.connection, LAST_30, city)).revenue,
      })),
    );
    const expected = revenue
      .filter((c) => c.revenue > 0)
      .sort((a, b) => b.revenue - a.revenue)
      .slice(0, 3);
    const table = tableOf(answer, "by_city");
    const column = table.columns.indexOf("revenue");
    expect(table.rows.map((r) => r[0])).toEqual(expected.map((c) => c.city));
    table.rows.forEach((row, i) => {
      expectClose(row[column] as number, expected[i]?.revenue ?? Number.NaN, `revenue of ${row[0]}`);
    });
    expect(table.title).toMatch(/^Top 3 by Revenue/);
  });

  it("worst 2 campaigns by roas — the two lowest ROAS, lowest first, ROAS from the base tables", async () => {
    const answer = await answerOf(engine, "worst 2 campaigns by roas last 30 days");
    expect(answer.reading?.echo).toBe("campaigns last-30d bottom=2 by=roas");
    const [rows] = await db.connection.query("SELECT campaign_id, name FROM campaigns");
    const roas: { name: string; roas: number }[] = [];
    for (const c of rows as { campaign_id: number; name: string }[]) {
      const sums = await adSums(db.connection, LAST_30, { campaignId: c.campaign_id });
      if (sums.spend > 0) roas.push({ name: c.name, roas: sums.revenue / sums.spend });
    }
    roas.sort((a, b) => a.roas - b.roas);
    const table = tableOf(answer, "by_campaign");
    const column = table.columns.indexOf("roas");
    expect(table.rows.map((r) => r[0])).toEqual(roas.slice(0, 2).map((c) => c.name));
    table.rows.forEach((row, i) => {
      expectClose(row[column] as number, roas[i]?.roas ?? Number.NaN, `ROAS of ${row[0]}`);
    });
    // The charts over campaigns follow the ranking: the same two, in the same order.
    for (const chart of answer.charts) expect(chart.labels).toEqual(roas.slice(0, 2).map((c) => c.name));
  });

  it("a doubtful question from the terminal is one line naming the readings", async () => {
    await expect(engine.run("spend on meta vs tiktok")).rejects.toThrow(
      /did you mean `campaigns last-30d platform=meta` or `campaigns last-30d platform=tiktok`\?/,
    );
  });
});
