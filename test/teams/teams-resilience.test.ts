/**
 * When things around the bot fail: the database is down (a one-line reply, the server stays
 * up), the connector throttles (429 twice then 200: delivered once) or keeps failing (bounded
 * attempts, logged with a reference), and bursts to one conversation are paced under 7/s.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageActivity, PERSONAL_CHAT } from "../helpers/teams-activities.js";
import { cardOf } from "../helpers/teams-cards.js";
import { startTeamsHarness, type TeamsHarness } from "../helpers/teams-harness.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

describe("with the database down", () => {
  let bot: TeamsHarness;
  beforeAll(async () => {
    bot = await startTeamsHarness({ databaseUrl: "mysql://root@127.0.0.1:1/kpi_down" });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it("answers 'data source unavailable' in one line, and keeps answering", async () => {
    for (const text of ["campaigns last-30d", "orders mtd"]) {
      bot.connector.reset();
      expect((await bot.post(messageActivity(text, { serviceUrl: bot.connector.url }))).status).toBe(200);
      const [reply] = await bot.connector.waitFor((d) => d.length === 1);
      expect(reply?.body.text).toBe("The data source is unavailable, try again in a minute.");
      expect(reply?.body.attachments ?? []).toEqual([]);
    }
    expect((await fetch(`${bot.server.url}/healthz`)).status).toBe(200);
  });

  it("answers 400 (JSON, no stack) to a body that is not JSON or not an activity", async () => {
    const post = (body: string) =>
      fetch(`${bot.server.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
    for (const body of ["{not json", "{}", JSON.stringify({ type: "message" }), ""]) {
      const response = await post(body);
      expect(response.status, body).toBe(400);
      expect(await response.text()).not.toMatch(/<html|\bat \//i);
    }
  });

  it("logs, but does not show, that the conversation reference could not be stored", () => {
    expect(bot.logs.some((l) => l.msg === "could not store the Teams conversation reference")).toBe(true);
  });
});

describe("a throttling connector", () => {
  let db: TestDatabase;
  let bot: TeamsHarness;
  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_teams_retry" });
    bot = await startTeamsHarness({
      databaseUrl: db.url,
      channel: { delivery: { retry: { baseDelayMs: 20, maxAttempts: 4 } } },
    });
  });
  afterAll(async () => {
    await bot?.close();
    await db?.drop();
  });

  it("429 twice, then 200: the card is delivered exactly once", async () => {
    bot.connector.reset();
    bot.connector.failNext(1, { status: 429, headers: { "Retry-After": "0" } });
    bot.connector.failNext(1, { status: 429 });
    const response = await bot.post(messageActivity("campaigns last-30d", { serviceUrl: bot.connector.url }));
    expect(response.status).toBe(200);
    const delivered = await bot.connector.waitFor((d) => d.length === 1);
    expect(bot.connector.calls.map((c) => c.status)).toEqual([429, 429, 201]);
    expect(delivered).toHaveLength(1);
    expect(cardOf(delivered[0]).version).toBe("1.5");
    const retries = bot.logs.filter((l) => l.msg === "Teams connector call failed");
    expect(retries.map((l) => l.status)).toEqual([429, 429]);
  });

  it("412, 502 and 504 are retried too", async () => {
    bot.connector.reset();
    bot.connector.failNext(1, { status: 412 });
    bot.connector.failNext(1, { status: 502 });
    bot.connector.failNext(1, { status: 504 });
    await bot.post(messageActivity("help", { serviceUrl: bot.connector.url }));
    await bot.connector.waitFor((d) => d.length === 1);
    expect(bot.connector.calls.map((c) => c.status)).toEqual([412, 502, 504, 201]);
  });

  it("a connector that keeps failing gets a bounded number of attempts; the server stays up", async () => {
    bot.connector.reset();
    bot.connector.failNext(20, { status: 429 });
    const response = await bot.post(messageActivity("help", { serviceUrl: bot.connector.url }));
    expect(response.status).toBe(200);
    // 4 attempts for the reply, then 4 for the "Something went wrong (ref …)" notice: never more.
    expect(bot.connector.calls.length).toBeLessThanOrEqual(8);
    expect(bot.connector.delivered).toEqual([]);
    const failure = bot.logs.find((l) => l.msg === "Teams turn failed");
    expect(failure?.ref).toMatch(/^[0-9a-f]{4}$/);
    expect((await fetch(`${bot.server.url}/healthz`)).status).toBe(200);
  });

  it("paces a burst of proactive messages to one conversation under 7 per second", async () => {
    bot.connector.reset();
    await bot.post(messageActivity("help", { serviceUrl: bot.connector.url, conversationId: PERSONAL_CHAT }));
    await bot.connector.waitFor((d) => d.length >= 1);
    bot.connector.reset();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        bot.senders.digests.sendNotice(
          { platform: "teams", id: PERSONAL_CHAT },
          `update ${i}`,
          `notice-${i}`,
        ),
      ),
    );
    const times = bot.connector.delivered.map((c) => c.at);
    expect(times).toHaveLength(8);
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    // Sent 200 ms apart; arrivals jitter a little, but no one-second window ever holds 7.
    expect(Math.min(...gaps)).toBeGreaterThan(100);
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    expect(busiest).toBeLessThan(7);
  });
});
