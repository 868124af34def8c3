/**
 * Filters on generated data: what people type (local city names, nicknames, several
 * campaigns by the words of their names) selects the right rows, and top products honour
 * the city and source filters of `orders`. Expected figures are SQL on the base tables.
 */
import type { Connection } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import type { Engine } from "../../src/engine/engine.js";
import { expectClose } from "../helpers/expect-close.js";
import { AS_OF, createGeneratedDatabase } from "../helpers/generated-database.js";
import { adSums, orderSums, type Range, userCounts } from "../helpers/independent-kpis.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { answerOf, kpiOf, testEngine } from "../helpers/test-engine.js";

let db: TestDatabase;
let engine: Engine;

beforeAll(async () => {
  db = await createGeneratedDatabase("kpi_filters");
  engine = testEngine(db.url, AS_OF);
}, 180_000);

afterAll(async () => {
  await engine?.close();
  await db?.drop();
});

const ask = (text: string): Promise<Answer> => answerOf(engine, text);

const kpi = (answer: Answer, key: string): number | null => kpiOf(answer, key).value;

async function query<T>(connection: Connection, text: string, params: unknown[] = []): Promise<T[]> {
  const [rows] = await connection.query(text, params);
  return rows as T[];
}

describe("aliases select the stored value", () => {
  it.each([
    ["München", "Munich"],
    ["Köln", "Cologne"],
    ["KOELN", "Cologne"],
    ["Den Haag", "The Hague"],
    ["wien", "Vienna"],
  ])("orders city=%s is the orders of %s", async (typed, city) => {
    const answer = await ask(`orders last-30d city="${typed}"`);
    const range: Range = answer.period;
    const expected = await orderSums(db.connection, range, city);
    expect(expected.orders).toBeGreaterThan(0);
    expectClose(kpi(answer, "orders"), expected.orders, `${typed} orders`);
    expectClose(kpi(answer, "revenue"), expected.revenue, `${typed} revenue`);
    expect(answer.title).toContain(`city ${city}`);
  });

  it("users city=Zürich is the users of Zurich", async () => {
    const answer = await ask("users last-30d city=Zürich");
    const expected = await userCounts(db.connection, answer.period, "Zurich");
    expectClose(kpi(answer, "users"), expected.users, "users");
    expectClose(kpi(answer, "new_users"), expected.new_users, "new users");
  });

  it.each([
    ["fb", "meta"],
    ["Instagram", "meta"],
    ["adwords", "google"],
    ["bing", "microsoft"],
  ])("campaigns platform=%s is platform %s", async (typed, slug) => {
    const answer = await ask(`campaigns last-30d platform=${typed}`);
    const expected = await adSums(db.connection, answer.period, { platform: slug });
    expectClose(kpi(answer, "spend"), expected.spend, `${typed} spend`);
    expectClose(kpi(answer, "leads"), expected.leads, `${typed} leads`);
  });
});

// The test data has a handful of campaigns, several for "All Products" (the README's example,
// "Black Friday", needs the demo data's November).
describe('campaign="all products" selects every campaign with those words, added up', () => {
  it("matches the sums of those campaigns, and says how many it added up", async () => {
    const campaigns = await query<{ campaign_id: number; name: string }>(
      db.connection,
      "SELECT campaign_id, name FROM campaigns WHERE LOWER(name) LIKE '%all products%' ORDER BY campaign_id",
    );
    expect(campaigns.length).toBeGreaterThanOrEqual(2);
    const answer = await ask('campaigns 2026-05-01..2026-11-25 campaign="all products"');
    let spend = 0;
    let revenue = 0;
    let leads = 0;
    for (const c of campaigns) {
      const s = await adSums(db.connection, answer.period, { campaignId: c.campaign_id });
      spend += s.spend;
      revenue += s.revenue;
      leads += s.leads;
    }
    expect(leads).toBeGreaterThan(0);
    expectClose(kpi(answer, "spend"), spend, "spend");
    expectClose(kpi(answer, "revenue"), revenue, "revenue");
    expectClose(kpi(answer, "leads"), leads, "leads");
    expect(answer.title).toContain(`${campaigns.length} campaigns matching all products`);
    expect(answer.notes.join(" ")).toContain(
      `Campaigns matching all products, added up: ${campaigns[0]?.name}`,
    );
    // A button re-runs the query as typed: the same campaigns again.
    expect(answer.query.filters).toEqual({ campaign: "all products" });
  });
});

describe("unknown values", () => {
  it("echo the value whole and name the nearest", async () => {
    await expect(ask('orders last-30d city="Munchen Nord"')).rejects.toThrow(
      /^No city `Munchen Nord` — (did you mean|nearest:) `Munich`/u,
    );
    await expect(ask('campaigns last-30d campaign="Cyber Monday Deals"')).rejects.toThrow(
      /^No campaign `Cyber Monday Deals` — /u,
    );
  });
});

/** Top products of paid order lines in the range, by shipping city and the order session's source. */
async function expectedTopProducts(range: Range, filter: { city?: string; source?: string }) {
  const where: string[] = [];
  const params: unknown[] = [range.from, range.to];
  if (filter.city) {
    where.push("o.city = ?");
    params.push(filter.city);
  }
  if (filter.source) {
    where.push("t.slug = ?");
    params.push(filter.source);
  }
  return query<{ product: string; units: string; revenue: string }>(
    db.connection,
    `SELECT p.name AS product, SUM(d.quantity) AS units,
            SUM(d.quantity * d.unit_price - d.line_discount) AS revenue
     FROM orders o
     JOIN order_details d ON d.order_id = o.order_id
     JOIN products p ON p.product_id = d.product_id
     JOIN sessions s ON s.session_id = o.session_id
     JOIN traffic_sources t ON t.source_id = s.source_id
     WHERE o.status IN ('paid', 'shipped', 'delivered')
       AND o.ordered_at >= ? AND o.ordered_at < DATE_ADD(?, INTERVAL 1 DAY)
       ${where.map((w) => `AND ${w}`).join(" ")}
     GROUP BY p.product_id, p.name
     ORDER BY revenue DESC, p.product_id
     LIMIT 10`,
    params,
  );
}

describe("orders: top products honour city and source", () => {
  it.each([
    ["qtd source=paid_social", { source: "paid_social" }],
    ["last-30d city=Berlin", { city: "Berlin" }],
    ["last-90d city=München source=email", { city: "Munich", source: "email" }],
    ["last-30d", {}],
  ])("orders %s", async (text, filter: { city?: string; source?: string }) => {
    const answer = await ask(`orders ${text}`);
    const expected = await expectedTopProducts(answer.period, filter);
    expect(expected.length).toBeGreaterThan(0);
    const shown = answer.tables.find((t) => t.key === "top_products")?.rows ?? [];
    expect(shown.map((r) => [r[0], Number(r[2])])).toEqual(expected.map((e) => [e.product, Number(e.units)]));
    shown.forEach((r, i) => {
      expectClose(Number(r[3]), Number(expected[i]?.revenue), `${text} revenue ${i}`);
    });
    // No product earns more in a filter than all the filtered orders together.
    const revenue = kpi(answer, "revenue") ?? 0;
    for (const r of shown) expect(Number(r[3])).toBeLessThanOrEqual(revenue + 0.005);
    expect(answer.notes.join(" ")).not.toMatch(/for all cities and sources/u);
  });
});
