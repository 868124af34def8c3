/**
 * Card buttons (re-run with another period or comparison, the card updated in place) and
 * charts served behind signed, expiring links when they may not travel inside the message.
 * Figures for other periods are computed independently from the base tables.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signChartUrl } from "../../src/bot/teams/charts/chart-url.js";
import { STALE_BUTTON_TEXT } from "../../src/bot/teams/teams-turns.js";
import { formatNumber } from "../../src/metrics/format.js";
import { headingOf } from "../../src/metrics/measures.js";
import { PNG_SIGNATURE, pngSize } from "../charts/png-helpers.js";
import { validateAdaptiveCard } from "../helpers/adaptive-card-validator.js";
import { ANSWER_BUTTONS } from "../helpers/answer-buttons.js";
import { adSums } from "../helpers/independent-kpis.js";
import { messageActivity, submitActivity } from "../helpers/teams-activities.js";
import {
  buttonData,
  cardOf,
  createFixtureDatabase,
  factsOf,
  imagesOf,
  textsOf,
} from "../helpers/teams-cards.js";
import {
  CHART_SECRET,
  PUBLIC_BASE_URL,
  startTeamsHarness,
  type TeamsHarness,
} from "../helpers/teams-harness.js";
import type { TestDatabase } from "../helpers/test-database.js";

let db: TestDatabase;
let bot: TeamsHarness;
/** The same bot, but every chart goes behind a link (inline budget 0). */
let linking: TeamsHarness;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_teams_buttons");
  bot = await startTeamsHarness({ databaseUrl: db.url });
  linking = await startTeamsHarness({
    databaseUrl: db.url,
    channel: { chartBudget: { maxInlineChartBytes: 0 } },
  });
});

afterAll(async () => {
  await bot?.close();
  await linking?.close();
  await db?.drop();
});

async function send(harness: TeamsHarness, activity: unknown) {
  const before = harness.connector.delivered.length;
  expect((await harness.post(activity)).status).toBe(200);
  const delivered = await harness.connector.waitFor((d) => d.length > before);
  return delivered[delivered.length - 1] as NonNullable<(typeof delivered)[number]>;
}

describe("card buttons", () => {
  it("'90 days' re-runs the command and updates the card in place with that period's figures", async () => {
    const first = await send(bot, messageActivity("campaigns last-30d", { serviceUrl: bot.connector.url }));
    const value = buttonData(cardOf(first), "90 days");
    const update = await send(
      bot,
      submitActivity(value, { serviceUrl: bot.connector.url, replyToId: first.id }),
    );
    expect(update.method).toBe("PUT");
    expect(update.activityId).toBe(first.id);
    const card = cardOf(update);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(textsOf(card).slice(0, 2)).toEqual([
      "Campaigns · last 90 days",
      "Aug 28 – Nov 25, 2026 · UTC · vs May 30 – Aug 27, 2026",
    ]);
    const spend = (await adSums(db.connection, { from: "2026-08-28", to: "2026-11-25" })).spend;
    expect(spend).toBe(117); // €37 in November plus ad 3's €80 in October
    expect(factsOf(card).Spend).toBe(`${formatNumber(spend, "money", { currency: "EUR" })}  —`); // the previous 90 days are before the data: no change
    expect(card.actions?.map((a) => a.title)).toEqual(ANSWER_BUTTONS);
    expect(card.actions?.find((a) => a.style === "positive")?.title).toBe("90 days");
  });

  it("'Download CSV' answers with signed links to the tables as CSV, rows matching the engine's", async () => {
    const first = await send(bot, messageActivity("campaigns last-30d", { serviceUrl: bot.connector.url }));
    const call = await send(
      bot,
      submitActivity(buttonData(cardOf(first), "Download CSV"), { serviceUrl: bot.connector.url }),
    );
    const text = String(call.body.text);
    expect(text).toMatch(/^\*\*CSV downloads\*\* \(links work for 24 hours\)/);
    const links = [...text.matchAll(/\]\((https:[^)]+)\)/g)].map((m) => new URL(m[1] as string));
    expect(links).toHaveLength(1);
    const link = links[0] as URL;
    expect(link.origin).toBe(PUBLIC_BASE_URL);
    expect(link.pathname).toMatch(/^\/files\/[a-f0-9]{32}\.csv$/);
    const response = await fetch(`${bot.server.url}${link.pathname}${link.search}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="campaigns-by_campaign-2026-10-27_2026-11-25.csv"',
    );
    const lines = (await response.text()).trimEnd().split("\r\n");
    const outcome = await bot.engine.run("campaigns last-30d");
    if (outcome.kind !== "answer") throw new Error("expected an answer");
    const table = outcome.answer.tables[0];
    expect(lines[0]).toBe(table?.columns.map(headingOf).join(","));
    expect(lines.slice(1).map((line) => line.split(","))).toEqual(
      table?.rows.map((row) => row.map((cell) => (cell === null ? "" : String(cell)))),
    );
    // The same id is not a chart: the chart route does not serve it.
    const asChart = `${bot.server.url}${link.pathname.replace("/files/", "/charts/").replace(".csv", ".png")}${link.search}`;
    expect((await fetch(asChart)).status).toBe(404);
  });

  it("'vs last year' toggles the comparison, and the new card toggles back", async () => {
    const first = await send(bot, messageActivity("campaigns last-30d", { serviceUrl: bot.connector.url }));
    const value = buttonData(cardOf(first), "vs last year");
    const card = cardOf(
      await send(bot, submitActivity(value, { serviceUrl: bot.connector.url, replyToId: first.id })),
    );
    expect(textsOf(card)[1]).toBe("Oct 27 – Nov 25, 2026 · UTC · vs Oct 27 – Nov 25, 2025");
    expect(card.actions?.map((a) => a.title)).toContain("vs previous period");
  });

  it("without the card's id (replyToId), the new card is sent as a new message", async () => {
    const first = await send(bot, messageActivity("orders last-30d", { serviceUrl: bot.connector.url }));
    const value = buttonData(cardOf(first), "Month to date");
    const call = await send(bot, submitActivity(value, { serviceUrl: bot.connector.url }));
    expect(call.method).toBe("POST");
    expect(textsOf(cardOf(call))[0]).toBe("Orders · month to date");
  });

  it("foreign or tampered button data gets a short text, not a crash", async () => {
    const stale = await send(
      bot,
      submitActivity({ action: "something-else" }, { serviceUrl: bot.connector.url }),
    );
    expect(stale.body.text).toBe(STALE_BUTTON_TEXT);
    const bad = await send(
      bot,
      submitActivity(
        { kind: "kpi-rerun", command: "campagns last-30d", period: "last-7d" },
        { serviceUrl: bot.connector.url },
      ),
    );
    expect(String(bad.body.text)).toMatch(/did you mean `campaigns`/);
  });
});

describe("charts behind signed links", () => {
  let urls: URL[];
  beforeAll(async () => {
    const call = await send(
      linking,
      messageActivity("campaigns last-30d", { serviceUrl: linking.connector.url }),
    );
    expect(validateAdaptiveCard(cardOf(call))).toEqual([]);
    urls = imagesOf(cardOf(call)).map((image) => new URL(image.url));
  });
  const local = (url: URL) => `${linking.server.url}${url.pathname}${url.search}`;

  it("are on the public base URL as /charts/<id>.png?exp=…&sig=… expiring in 24 h", () => {
    expect(urls).toHaveLength(2);
    for (const url of urls) {
      expect(url.origin).toBe(PUBLIC_BASE_URL);
      expect(url.pathname).toMatch(/^\/charts\/[a-f0-9]{32}\.png$/);
      const expiresIn = Number(url.searchParams.get("exp")) * 1000 - Date.parse("2026-11-26T12:00:00Z");
      expect(expiresIn).toBe(24 * 3600 * 1000);
    }
  });

  it("serve the PNG to anyone holding the link", async () => {
    const response = await fetch(local(urls[0] as URL));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 800, height: 450 });
  });

  it("refuse a tampered signature, expiry or id with 403", async () => {
    const url = urls[0] as URL;
    const sig = url.searchParams.get("sig") as string;
    const tampered = [
      new URL(url.href.replace(`sig=${sig}`, `sig=${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`)),
      new URL(url.href.replace(/exp=(\d+)/, (_m, exp: string) => `exp=${Number(exp) + 3600}`)),
      new URL(url.href.replace(url.pathname, (urls[1] as URL).pathname)),
      new URL(`${url.origin}${url.pathname}`),
    ];
    for (const bad of tampered) expect((await fetch(local(bad))).status, bad.href).toBe(403);
  });

  it("answer 404 for a well-signed link to a chart this server does not hold", async () => {
    const unknown = new URL(
      signChartUrl({
        baseUrl: PUBLIC_BASE_URL,
        secret: CHART_SECRET,
        id: "f".repeat(32),
        expiresAt: new Date("2026-11-27T00:00:00Z"),
      }),
    );
    expect((await fetch(local(unknown))).status).toBe(404);
  });

  it("stop working after 24 hours (403)", async () => {
    linking.setNow(new Date("2026-11-27T12:00:01Z"));
    try {
      expect((await fetch(local(urls[1] as URL))).status).toBe(403);
    } finally {
      linking.setNow(new Date("2026-11-26T12:00:00Z"));
    }
  });
});
