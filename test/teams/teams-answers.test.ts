/**
 * End to end through the real server and the Agents SDK adapter: Teams-style message
 * activities posted to /api/messages, replies read back from a fake Bot Connector.
 * Expected figures are the fixture's hand numbers (test/db/fixture.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEAMS_MESSAGE_LIMIT_BYTES } from "../../src/bot/teams/charts/chart-placement.js";
import { pngSize } from "../charts/png-helpers.js";
import { validateAdaptiveCard } from "../helpers/adaptive-card-validator.js";
import { ANSWER_BUTTONS } from "../helpers/answer-buttons.js";
import { CHANNEL, messageActivity, PERSONAL_CHAT } from "../helpers/teams-activities.js";
import {
  cardOf,
  createFixtureDatabase,
  dataUriPng,
  factsOf,
  imagesOf,
  messageBytes,
  textsOf,
} from "../helpers/teams-cards.js";
import { startTeamsHarness, type TeamsHarness } from "../helpers/teams-harness.js";
import type { TestDatabase } from "../helpers/test-database.js";

let db: TestDatabase;
let bot: TeamsHarness;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_teams_answers");
  bot = await startTeamsHarness({ databaseUrl: db.url });
});

afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

/** Posts a message and returns the one call it caused at the connector. */
async function ask(text: string, options: { conversationId?: string; mention?: boolean } = {}) {
  bot.connector.reset();
  const activity = messageActivity(text, { serviceUrl: bot.connector.url, ...options });
  const started = performance.now();
  const response = await bot.post(activity);
  expect(response.status).toBe(200);
  const [call] = await bot.connector.waitFor((delivered) => delivered.length >= 1);
  const ms = Math.round(performance.now() - started);
  expect(bot.connector.calls).toHaveLength(1);
  return { call: call as NonNullable<typeof call>, activity, ms };
}

describe("a question in a channel, @mentioning the bot", () => {
  let reply: Awaited<ReturnType<typeof ask>>;
  beforeAll(async () => {
    reply = await ask("campaigns last-30d", {
      conversationId: `${CHANNEL};messageid=1764147600000`,
      mention: true,
    });
  });

  it("is answered in its thread with an Adaptive Card 1.5", () => {
    expect(reply.call.method).toBe("POST");
    expect(reply.call.conversationId).toBe(`${CHANNEL};messageid=1764147600000`);
    expect(reply.call.activityId).toBe(reply.activity.id);
    // Anonymous (development) mode: no token was asked of Entra ID, none is sent.
    expect(reply.call.authorization).toBeUndefined();
    const card = cardOf(reply.call);
    expect(card.type).toBe("AdaptiveCard");
    expect(card.version).toBe("1.5");
    expect(textsOf(card).slice(0, 2)).toEqual([
      "Campaigns · last 30 days",
      "Oct 27 – Nov 25, 2026 · UTC · vs Sep 27 – Oct 26, 2026",
    ]);
  });

  it("shows the fixture's figures for Oct 27 – Nov 25 against Sep 27 – Oct 26", () => {
    // Spend: ad 1 CPM €10 × 3,500 impressions + ad 2 CPC €0.50 × 4 clicks = €37; before: ad 3 CPM €8 × 10,000 = €80.
    // Revenue: orders 1 (2 × 100 − 10 + 50 = 240) and 3 (150), both from ads = €390. ROAS 390 / 37 = 10.54×.
    // Leads: 2 on ad 1 and 1 on ad 2 = 3; CPA: 37 / 2 conversions = €18.50.
    expect(factsOf(cardOf(reply.call))).toMatchObject({
      // Revenue, ROAS and leads had a base of zero (nothing attributed before): no change, "—".
      Spend: "€37.00  ▼ 53.8%",
      Revenue: "€390.00  —",
      ROAS: "10.54×  —",
      Leads: "3  —",
      CPA: "€18.50",
    });
  });

  it("has the main table and the charts as PNG images inside the message", () => {
    const card = cardOf(reply.call);
    const table = card.body.find((e) => e.type === "Table");
    expect(JSON.stringify(table)).toContain('"Autumn Sale"');
    const images = imagesOf(card);
    expect(images.map((i) => i.altText)).toEqual(["Chart: CTR by campaign", "Chart: ROAS by campaign"]);
    for (const image of images) {
      const png = dataUriPng(image.url);
      expect(pngSize(png)).toEqual({ width: 800, height: 450 });
      expect(png.length).toBeLessThanOrEqual(60 * 1024);
    }
  });

  it("is a valid card, and the whole message is under Teams' 100 KB", () => {
    expect(validateAdaptiveCard(cardOf(reply.call))).toEqual([]);
    const bytes = messageBytes(reply.call);
    expect(bytes).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
    console.info(`[teams] campaigns card: ${bytes} bytes with 2 inline charts; reply in ${reply.ms} ms`);
  });

  it("carries the answer's buttons: the periods (this one highlighted), the last-year comparison, CSV", () => {
    const actions = cardOf(reply.call).actions ?? [];
    expect(actions.map((a) => a.title)).toEqual(ANSWER_BUTTONS);
    expect(actions.filter((a) => a.style === "positive").map((a) => a.title)).toEqual(["30 days"]);
  });
});

describe("the other ways to ask", () => {
  it.each([
    ["campaigns last-30d", PERSONAL_CHAT],
    ["kpi campaigns last-30d", PERSONAL_CHAT],
    ["KPI Campaigns Last-30d", CHANNEL],
  ])("%j in %s gets the same figures", async (text, conversationId) => {
    const { call } = await ask(text, { conversationId });
    expect(factsOf(cardOf(call))).toMatchObject({ Spend: "€37.00  ▼ 53.8%", Revenue: "€390.00  —" });
  });

  it("a bigger answer (users: four charts) still fits, some charts inline", async () => {
    const { call } = await ask("users last-30d");
    const card = cardOf(call);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(messageBytes(call)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
    expect(imagesOf(card)).toHaveLength(4);
    expect(imagesOf(card).some((i) => i.url.startsWith("data:image/png;base64,"))).toBe(true);
    console.info(`[teams] users card: ${messageBytes(call)} bytes`);
  });
});

describe("bad input and help", () => {
  it("a misspelt area gets a short text reply with the nearest word, no card", async () => {
    const { call } = await ask("campagns last-30d", { mention: true, conversationId: CHANNEL });
    expect(call.body.attachments ?? []).toEqual([]);
    const text = String(call.body.text);
    expect(text).toMatch(/Unknown area `campagns`.*did you mean `campaigns`/);
    expect(text.length).toBeLessThan(300);
    expect(text).not.toMatch(/stack|Error:|SELECT/i);
  });

  it("an empty mention gets a short hint, not silence", async () => {
    const { call } = await ask("", { mention: true, conversationId: CHANNEL });
    expect(String(call.body.text).length).toBeGreaterThan(0);
    expect(String(call.body.text).length).toBeLessThan(300);
  });

  it("help is answered as text", async () => {
    const { call } = await ask("help");
    expect(call.body.attachments ?? []).toEqual([]);
    expect(String(call.body.text)).toContain("campaigns");
  });
});
