/**
 * The answer cache against a generated database: an answer is kept per (query, data version,
 * report zone, as-of day). A refresh bumps the data version, so the next answer after new
 * base data and `kpi db refresh` has the new figures (checked against the base tables); an
 * answer is never served for another zone or another as-of day (checked against an engine
 * without a cache); the cache stays within its bounds; concurrent identical questions run the
 * area's queries once.
 */
import type { RowDataPacket } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Query } from "../../src/answer/query.js";
import type { Area } from "../../src/areas/registry.js";
import { instantForDay } from "../../src/calendar/as-of.js";
import { parseCommand } from "../../src/commands/parse.js";
import { loadConfig } from "../../src/config.js";
import { refreshDerived } from "../../src/db/refresh.js";
import { createEngine, type Engine } from "../../src/engine/engine.js";
import { AS_OF, createGeneratedDatabase } from "../helpers/generated-database.js";
import { orderSums } from "../helpers/independent-kpis.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { kpiOf, testEngine } from "../helpers/test-engine.js";

const DAY = "2026-11-12";

let db: TestDatabase;
const engines: Engine[] = [];
const engineOf = (...args: Parameters<typeof testEngine>) => {
  const engine = testEngine(...args);
  engines.push(engine);
  return engine;
};

beforeAll(async () => {
  db = await createGeneratedDatabase("kpi_cache");
}, 240_000);

afterAll(async () => {
  await Promise.all(engines.map((e) => e.close()));
  await db?.drop();
});

function queryOf(text: string): Query<Area> {
  const command = parseCommand(text);
  if (command.kind !== "query") throw new Error(`not a query: ${text}`);
  return command.query;
}

async function one(sql: string): Promise<RowDataPacket> {
  const [rows] = await db.connection.query<RowDataPacket[]>(sql);
  const row = rows[0];
  if (!row) throw new Error(`no row for ${sql}`);
  return row;
}

/** Asks twice: two equal answers, the second computed again (not the kept object). */
async function expectComputedTwice(engine: Engine, query: Query<Area>): Promise<void> {
  const first = await engine.answer(query);
  const again = await engine.answer(query);
  expect(again).not.toBe(first);
  expect(again).toEqual(first);
}

describe("the answer cache", () => {
  it("serves an identical question from memory until a refresh, then the new figures at once", async () => {
    const engine = engineOf(db.url, AS_OF);
    const query = queryOf(`orders ${DAY}..${DAY}`);
    const first = await engine.answer(query);
    const again = await engine.answer(query);
    expect(again).toBe(first);
    expect(engine.cacheStats()).toMatchObject({ misses: 1, hits: 1 });
    const before = await orderSums(db.connection, { from: DAY, to: DAY });
    expect(kpiOf(first, "revenue").value).toBeCloseTo(Number(before.revenue), 2);

    // A late paid order for that day: 3 × 40.00 − 5.00 = 115.00 more revenue.
    const session = await one(
      `SELECT session_id, user_id FROM sessions WHERE user_id IS NOT NULL AND DATE(started_at) = '${DAY}' LIMIT 1`,
    );
    const product = await one("SELECT product_id FROM products ORDER BY product_id LIMIT 1");
    const { orderId } = await one("SELECT MAX(order_id) + 1 AS orderId FROM orders");
    await db.connection.query(
      `INSERT INTO orders (order_id, user_id, session_id, ad_id, ordered_at, status, city, payment_method)
       VALUES (?, ?, ?, NULL, '${DAY} 15:00:00', 'paid', 'Berlin', 'card')`,
      [orderId, session.user_id, session.session_id],
    );
    await db.connection.query(
      "INSERT INTO order_details (order_id, line_no, product_id, quantity, unit_price, unit_cost, line_discount) VALUES (?, 1, ?, 3, 40.00, 15.00, 5.00)",
      [orderId, product.product_id],
    );
    // Before the refresh the data version is the same: the kept answer still stands.
    expect(await engine.answer(query)).toBe(first);

    await refreshDerived(db.connection, { full: false });
    const fresh = await engine.answer(query);
    expect(fresh).not.toBe(first);
    const after = await orderSums(db.connection, { from: DAY, to: DAY });
    expect(Number(after.revenue)).toBeCloseTo(Number(before.revenue) + 115, 2);
    expect(kpiOf(fresh, "revenue").value).toBeCloseTo(Number(after.revenue), 2);
    expect(kpiOf(fresh, "orders").value).toBe(Number(after.orders));
    expect(engine.cacheStats()).toMatchObject({ misses: 2, hits: 2 });
  }, 60_000);

  it("never serves one zone's or one as-of day's answer for another", async () => {
    const engine = engineOf(db.url, AS_OF);
    const uncached = engineOf(db.url, AS_OF, { answerCache: false });
    const query = queryOf("campaigns yesterday");
    const early = new Date(`${AS_OF}T03:00:00Z`);
    const nextDay = new Date(early.getTime() + 86_400_000);
    const asks = [
      { now: early, timeZone: "UTC" },
      { now: early, timeZone: "Europe/Berlin" }, // the same dates, another zone
      { now: early, timeZone: "America/Los_Angeles" }, // still the day before there
      { now: nextDay, timeZone: "UTC" }, // the next as-of day
    ];
    const answers = [];
    for (const asOf of asks) answers.push(await engine.answer(query, asOf));
    expect(engine.cacheStats()).toMatchObject({ misses: asks.length, hits: 0 });
    expect(answers.map((a) => [a.period.from, a.period.to, a.period.timezone])).toEqual([
      ["2026-11-25", "2026-11-25", "UTC"],
      ["2026-11-25", "2026-11-25", "Europe/Berlin"],
      ["2026-11-24", "2026-11-24", "America/Los_Angeles"],
      ["2026-11-26", "2026-11-26", "UTC"],
    ]);
    for (const [i, asOf] of asks.entries()) {
      expect(answers[i]).toEqual(await uncached.answer(query, asOf));
      // Asked again, each is its own kept answer.
      expect(await engine.answer(query, asOf)).toBe(answers[i]);
    }
    expect(engine.cacheStats()).toMatchObject({ misses: asks.length, hits: asks.length });
  }, 60_000);

  it("stays within its bounds: the least recently used answer is evicted and computed again", async () => {
    const engine = engineOf(db.url, AS_OF, { answerCache: { maxEntries: 2, maxBytes: 64 * 1024 * 1024 } });
    const [a, b, c] = ["traffic last-7d", "traffic last-30d", "traffic mtd"].map(queryOf) as [
      Query<Area>,
      Query<Area>,
      Query<Area>,
    ];
    const first = await engine.answer(a);
    await engine.answer(b);
    await engine.answer(c);
    expect(engine.cacheStats()).toMatchObject({ entries: 2, evictions: 1, misses: 3 });
    const again = await engine.answer(a);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(engine.cacheStats()).toMatchObject({ entries: 2, evictions: 2, misses: 4, hits: 0 });

    const small = engineOf(db.url, AS_OF, { answerCache: { maxEntries: 100, maxBytes: 1 } });
    await small.answer(a);
    await small.answer(a);
    expect(small.cacheStats()).toMatchObject({ entries: 0, bytes: 0, misses: 2, hits: 0 });
  }, 60_000);

  it("runs concurrent identical questions once (single flight)", async () => {
    const areaQueries: string[] = [];
    const engine = engineOf(db.url, AS_OF, {
      onQuery: (sql) => {
        if (!sql.includes("v_data_version")) areaQueries.push(sql);
      },
    });
    // Warm the filter values and the coverage, then count one computation of this kind of question.
    await engine.answer(queryOf("campaigns 2026-10-01..2026-10-07"));
    areaQueries.length = 0;
    await engine.answer(queryOf("campaigns 2026-10-08..2026-10-14"));
    const oneComputation = areaQueries.length;
    expect(oneComputation).toBeGreaterThan(0);

    areaQueries.length = 0;
    const stats = engine.cacheStats();
    const query = queryOf("campaigns 2026-11-01..2026-11-07");
    const answers = await Promise.all(Array.from({ length: 8 }, () => engine.answer(query)));
    for (const answer of answers) expect(answer).toBe(answers[0]);
    expect(areaQueries.length).toBe(oneComputation);
    const after = engine.cacheStats();
    // One computation; the others joined it or, arriving after it, were served what it kept.
    expect(after.misses - stats.misses).toBe(1);
    expect(after.shared - stats.shared + (after.hits - stats.hits)).toBe(7);
  }, 60_000);

  it("keeps live figures (stock on hand) out of the cache", async () => {
    const engine = engineOf(db.url, AS_OF);
    const query = queryOf("stock");
    await expectComputedTwice(engine, query);
    expect(engine.cacheStats()).toMatchObject({ misses: 0, hits: 0, entries: 0 });
  }, 60_000);

  it("is sized by ANSWER_CACHE_MB: 32 MB by default, and 0 keeps no answer", async () => {
    const engineWith = (env: Record<string, string>) => {
      const engine = createEngine(loadConfig({ DATABASE_URL: db.url, ...env }), () =>
        instantForDay(AS_OF, "UTC"),
      );
      engines.push(engine);
      return engine;
    };
    expect(loadConfig({}).answerCache.maxBytes).toBe(32 * 1024 * 1024);
    expect(loadConfig({ ANSWER_CACHE_MB: "1.5", CHART_CACHE_MB: "0" })).toMatchObject({
      answerCache: { maxBytes: 1.5 * 1024 * 1024 },
      chartCache: { maxBytes: 0 },
    });
    expect(() => loadConfig({ ANSWER_CACHE_MB: "-1" })).toThrow(/ANSWER_CACHE_MB/);

    const query = queryOf(`orders ${DAY}..${DAY}`);
    const keeping = engineWith({});
    await keeping.answer(query);
    await keeping.answer(query);
    expect(keeping.cacheStats()).toMatchObject({ misses: 1, hits: 1, entries: 1 });
    const off = engineWith({ ANSWER_CACHE_MB: "0" });
    await expectComputedTwice(off, query);
    expect(off.cacheStats()).toMatchObject({ misses: 2, hits: 0, entries: 0 });
  }, 60_000);
});
