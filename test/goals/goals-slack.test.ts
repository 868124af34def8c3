/**
 * Goals end to end in Slack, on the fixture shop as of Nov 26, 2026 (UTC): `/kpi goal` sets one,
 * `/kpi goals` lists it, answers with its KPI and filters lead with its progress and pace (the
 * revenue so far this month from the base tables), answers with other filters do not, and
 * `/kpi goals remove` takes it away. Bad words get one line and store nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatNumber } from "../../src/metrics/format.js";
import { orderSums } from "../helpers/independent-kpis.js";
import { blockTexts, createFixtureDatabase, type SlackBot, startSlackBot } from "../helpers/slack-bot.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

let db: TestDatabase;
let bot: SlackBot;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_goals");
  bot = await startSlackBot({ databaseUrl: db.url });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

async function reply(text: string): Promise<string> {
  const sent = await bot.command(text);
  const response = await waitFor(() => bot.fake.responses.find((r) => r.id === sent.responseId), text);
  return String(response.body.text);
}

async function answerTexts(text: string): Promise<string[]> {
  const before = bot.delivered();
  await bot.command(text);
  await waitFor(() => bot.delivered() === before + 1, text);
  const posts = bot.fake.ok("chat.postMessage");
  return blockTexts(posts[posts.length - 1]?.args.blocks);
}

const euro = (v: number) => formatNumber(v, "money", { currency: "EUR" });

describe("goals in Slack", () => {
  it("a goal set in chat shows on answers with its KPI: progress so far this month and the linear pace", async () => {
    expect(await reply("goal revenue 1,000 month")).toMatch(
      /^Goal set: #\d+ Revenue €1,000.00 per month \(orders\)/u,
    );
    expect(await reply("goals")).toMatch(/^#\d+ Revenue €1,000.00 per month \(orders\)$/u);

    const texts = await answerTexts("orders last-7d");
    // Nov 1 – Nov 26 (as of noon UTC on Nov 26: 25.5 of 30 days gone, 4 whole days left), from the base tables.
    const soFar = (await orderSums(db.connection, { from: "2026-11-01", to: "2026-11-26" })).revenue;
    expect(soFar).toBe(525);
    const pace = (soFar / 25.5) * 30;
    const line = texts.find((t) => t.startsWith("Goal · Revenue"));
    expect(line).toBe(
      `Goal · Revenue this month: ${euro(soFar)} of €1,000.00 (53%), 4 days left — behind pace: heading for ${euro(pace)}, 62% of the goal.`,
    );
  });

  it("answers with other filters, or without the KPI, show no goal", async () => {
    expect((await answerTexts("orders last-7d city=Berlin")).some((t) => t.startsWith("Goal ·"))).toBe(false);
    expect((await answerTexts("stock")).some((t) => t.startsWith("Goal ·"))).toBe(false);
  });

  it("a goal with filters goes with the area that accepts them; remove takes a goal away", async () => {
    const set = await reply("goal spend 40k month platform=meta");
    expect(set).toMatch(/Spend €40,000.00 per month platform=meta \(campaigns\)/u);
    const id = /#(\d+)/u.exec(set)?.[1];
    const texts = await answerTexts("campaigns mtd platform=meta");
    expect(texts.some((t) => t.startsWith("Goal · Spend (platform=meta) this month:"))).toBe(true);
    expect(await reply(`goals remove ${id}`)).toMatch(/^Removed goal #\d+ Spend/u);
    expect((await answerTexts("campaigns mtd platform=meta")).some((t) => t.startsWith("Goal ·"))).toBe(
      false,
    );
  });

  it("bad words get one line and store nothing", async () => {
    expect(await reply("goal roas 4 month")).toMatch(/No goal for `roas`/u);
    expect(await reply("goal revenue lots month")).toMatch(/Unknown word `lots`/u);
    expect(await reply("goal revenue 5000")).toMatch(/Per week, month or quarter\?/u);
    expect(await reply("goals remove 999")).toBe("No goal #999 — /kpi goals lists them.");
    const [rows] = await db.connection.query("SELECT COUNT(*) AS n FROM bot_goals");
    expect(Number((rows as { n: number }[])[0]?.n)).toBe(1);
  });
});
