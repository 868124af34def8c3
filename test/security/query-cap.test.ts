/**
 * The global cap on concurrent reporting queries, on the real engine and database: a burst
 * of 24 questions with DB_MAX_CONCURRENT_QUERIES=2 never runs more than 2 queries at once,
 * queues the rest, and answers every one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instantForDay } from "../../src/calendar/as-of.js";
import { loadConfig } from "../../src/config.js";
import { createEngine, type Engine } from "../../src/engine/engine.js";
import { createFixtureDatabase } from "../helpers/slack-bot.js";
import type { TestDatabase } from "../helpers/test-database.js";

let db: TestDatabase;
let engine: Engine;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_query_cap");
  engine = createEngine(loadConfig({ DATABASE_URL: db.url, DB_MAX_CONCURRENT_QUERIES: "2" }), () =>
    instantForDay("2026-11-26", "UTC"),
  );
});
afterAll(async () => {
  await engine?.close();
  await db?.drop();
});

describe("a burst of questions", () => {
  it("queues behind the cap and is answered in full", async () => {
    const areas = ["campaigns", "orders", "users", "traffic", "products", "ads"];
    let queuedSeen = 0;
    const watch = setInterval(() => {
      queuedSeen = Math.max(queuedSeen, engine.queries.queued);
    }, 1);
    const outcomes = await Promise.all(
      Array.from({ length: 24 }, (_, i) => engine.run(`${areas[i % areas.length]} last-30d`)),
    );
    clearInterval(watch);
    expect(outcomes.every((o) => o.kind === "answer")).toBe(true);
    expect(engine.queries.max).toBe(2);
    expect(engine.queries.peak).toBe(2);
    expect(queuedSeen).toBeGreaterThan(0);
    expect(engine.queries.queued).toBe(0);
  });
});
