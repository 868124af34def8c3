/**
 * The answer and chart caches through Slack, end to end: an area restricted to one channel
 * (AREA_CHANNELS) is refused elsewhere even after its answer was computed and kept for the
 * allowed channel — the access policy is checked before the cache is asked, so a refused
 * asker never gets the kept answer; the allowed channel's second ask is served from the
 * cache, its charts too (the same PNG bytes, drawn once), as /metrics counts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNEL, createFixtureDatabase, type SlackBot, startSlackBot } from "../helpers/slack-bot.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

const FINANCE = "C0FINANCE";
/** A period the server's warm-up (every area's default question) does not ask. */
const QUESTION = "campaigns 2026-11-01..2026-11-20";

let db: TestDatabase;
let bot: SlackBot;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_slack_cache");
  bot = await startSlackBot({ databaseUrl: db.url, env: { AREA_CHANNELS: `campaigns:${FINANCE}` } });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

/** kpi_cache_requests_total by "cache:result", from the /metrics text. */
async function cacheCounts(): Promise<Record<string, number>> {
  const { body } = await bot.bot.metrics.scrape();
  const counts: Record<string, number> = {};
  for (const match of body.matchAll(/^kpi_cache_requests_total\{cache="(\w+)",result="(\w+)"\} (\d+)/gm)) {
    counts[`${match[1]}:${match[2]}`] = Number(match[3]);
  }
  return counts;
}

async function askInFinance(): Promise<void> {
  const before = bot.delivered();
  await bot.command(QUESTION, { channelId: FINANCE });
  await waitFor(() => bot.delivered() > before, "the answer in the allowed channel");
}

describe("the answer cache and the access policy", () => {
  it("never serves a kept answer to an asker the policy refuses; serves it again where allowed", async () => {
    await askInFinance();
    const afterFirst = await cacheCounts();
    const firstPngs = bot.fake.uploads.map((u) => u.bytes);
    expect(firstPngs.length).toBeGreaterThan(0);

    // The warm-up may still be answering other areas (misses); nothing may be served from the cache.
    const refused = await bot.command(QUESTION, { channelId: CHANNEL });
    const response = await waitFor(
      () => bot.fake.responses.find((r) => r.id === refused.responseId),
      "the refusal",
    );
    expect(String(response.body.text)).toContain("`campaigns` is answered only in selected channels");
    expect(bot.fake.ok("chat.postMessage").map((c) => c.args.channel)).toEqual([FINANCE]);
    const afterRefusal = await cacheCounts();
    expect(afterRefusal["answer:hit"]).toBe(afterFirst["answer:hit"]);
    expect(afterRefusal["answer:shared"]).toBe(afterFirst["answer:shared"]);

    bot.fake.reset();
    await askInFinance();
    const afterSecond = await cacheCounts();
    expect(afterSecond["answer:hit"]).toBe((afterFirst["answer:hit"] ?? 0) + 1);
    expect(afterSecond["chart:hit"]).toBe((afterFirst["chart:hit"] ?? 0) + firstPngs.length);
    expect(afterSecond["chart:miss"]).toBe(afterFirst["chart:miss"]);
    expect(bot.fake.uploads.map((u) => u.bytes)).toEqual(firstPngs);
    expect(bot.fake.ok("chat.postMessage").map((c) => c.args.channel)).toEqual([FINANCE]);
  });
});
