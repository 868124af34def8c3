/**
 * Follow-ups in a Teams conversation, end to end (the real server and Agents SDK, a fake Bot
 * Connector, the fixture shop): in a channel's reply chain, three messages that name only what
 * changes are each answered with the right query — figures those of the base tables, the reading
 * on the card — with the bot restarted (same database) between two of them; another reply chain
 * of the same channel has a context of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatNumber } from "../../src/metrics/format.js";
import { adSums } from "../helpers/independent-kpis.js";
import { messageActivity } from "../helpers/teams-activities.js";
import { cardOf, createFixtureDatabase, factsOf, textsOf } from "../helpers/teams-cards.js";
import { startTeamsHarness, type TeamsHarness } from "../helpers/teams-harness.js";
import type { TestDatabase } from "../helpers/test-database.js";

let db: TestDatabase;
let bot: TeamsHarness;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_teams_follow");
  bot = await startTeamsHarness({ databaseUrl: db.url });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

const CHAIN = "19:marketing-channel@thread.tacv2;messageid=1790000000001";
const OTHER_CHAIN = "19:marketing-channel@thread.tacv2;messageid=1790000000002";
const money = (value: number) => formatNumber(value, "money", { currency: "EUR" });

/** `@KPI Bot <text>` in a reply chain; the bot's reply. */
async function ask(text: string, conversationId = CHAIN) {
  const before = bot.connector.delivered.length;
  const sent = await bot.post(
    messageActivity(text, { serviceUrl: bot.connector.url, conversationId, mention: true }),
  );
  expect(sent.status).toBe(200);
  const delivered = await bot.connector.waitFor((d) => d.length > before);
  return delivered[delivered.length - 1] as NonNullable<(typeof delivered)[number]>;
}

async function askForCard(text: string) {
  const card = cardOf(await ask(text));
  return { texts: textsOf(card), spend: factsOf(card).Spend ?? "" };
}

describe("follow-ups in a Teams conversation", () => {
  it("three follow-ups, each the right query, with a restart between two of them", async () => {
    const asked = await askForCard("campaigns last-30d");
    expect(asked.texts.join("\n")).not.toContain("Read as");

    const first = await askForCard("how about meta?");
    expect(first.texts.join("\n")).toContain("ask `campaigns last-30d platform=meta`");
    const meta30 = await adSums(
      db.connection,
      { from: "2026-10-27", to: "2026-11-25" },
      { platform: "meta" },
    );
    expect(first.spend.startsWith(money(meta30.spend))).toBe(true);

    // A restart (same database): the context is in bot_thread_context, not in the process.
    await bot.close();
    bot = await startTeamsHarness({ databaseUrl: db.url });

    const second = await askForCard("2026-11-10..2026-11-11 instead");
    expect(second.texts.join("\n")).toContain("ask `campaigns 2026-11-10..2026-11-11 platform=meta`");
    const meta = await adSums(db.connection, { from: "2026-11-10", to: "2026-11-11" }, { platform: "meta" });
    expect(meta.spend).toBeGreaterThan(0);
    expect(second.spend.startsWith(money(meta.spend))).toBe(true);

    const third = await askForCard("only google");
    expect(third.texts.join("\n")).toContain("ask `campaigns 2026-11-10..2026-11-11 platform=google`");
    const google = await adSums(
      db.connection,
      { from: "2026-11-10", to: "2026-11-11" },
      { platform: "google" },
    );
    expect(google.spend).not.toBe(meta.spend);
    expect(third.spend.startsWith(money(google.spend))).toBe(true);
  });

  it("another reply chain has its own context: the same words there are a question of their own", async () => {
    const reply = await ask("only google", OTHER_CHAIN);
    // Read as a new plain question (the default period), not as a follow-up of the chain above.
    expect(textsOf(cardOf(reply)).join("\n")).toContain("ask `campaigns last-30d platform=google`");
  });
});
