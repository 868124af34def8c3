/**
 * A digest to a Teams conversation: the conversation is remembered from an inbound message,
 * then a tick posts the digest proactively through the real adapter to the fake connector,
 * one message with a card per area whose facts are the database's figures, exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScheduleRuntime } from "../../src/app/scheduling.js";
import { runTick } from "../../src/schedule/tick.js";
import { addDailyDigest } from "../helpers/targets.js";
import { CHANNEL, messageActivity } from "../helpers/teams-activities.js";
import { createFixtureDatabase, factsOf } from "../helpers/teams-cards.js";
import { startTeamsHarness, type TeamsHarness } from "../helpers/teams-harness.js";
import type { TestDatabase } from "../helpers/test-database.js";

let db: TestDatabase;
let bot: TeamsHarness;
let runtime: ScheduleRuntime;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_digest_teams");
  bot = await startTeamsHarness({ databaseUrl: db.url });
  // The bot's own scheduler, sending through its Teams platform (as `kpi serve` does).
  runtime = bot.bot.scheduling.runtime(bot.bot.platforms.senders);
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

describe("a digest to Teams", () => {
  it("goes to the remembered conversation as one message with a card per area, once", async () => {
    expect(
      (await bot.post(messageActivity("help", { serviceUrl: bot.connector.url, conversationId: CHANNEL })))
        .status,
    ).toBe(200);
    const created = new Date("2026-11-26T06:00:00Z");
    await addDailyDigest(runtime.tick.db, `teams:${CHANNEL}`, "campaigns,roas", created);
    const slot = new Date("2026-11-26T09:00:00Z");
    const before = bot.connector.calls.length;
    const report = await runTick(slot, runtime.tick);
    expect(report.outcomes.map((o) => o.status)).toEqual(["sent"]);
    const digests = bot.connector.calls.slice(before).filter((c) => c.method === "POST" && c.status < 300);
    expect(digests).toHaveLength(1);
    const body = digests[0]?.body as { text: string; attachments: { content: never }[] };
    expect(digests[0]?.conversationId).toBe(CHANNEL);
    expect(body.text).toContain("Daily digest · campaigns, roas");
    expect(body.text).toContain("Oct 27 – Nov 25, 2026 · UTC");
    expect(body.attachments).toHaveLength(2);
    const campaigns = factsOf(body.attachments[0]?.content as never);
    expect(Object.values(campaigns).join(" ")).toContain("€37.00");
    expect(Object.values(campaigns).join(" ")).toContain("€390.00");
    expect(report.outcomes[0]?.messageId).toBe(digests[0]?.id);

    const again = await runTick(slot, runtime.tick);
    expect(again.outcomes).toEqual([]);
    expect(bot.connector.calls.slice(before).filter((c) => c.method === "POST")).toHaveLength(1);
  });
});
