/**
 * The database going away and coming back, with the bot's DATABASE_URL pointing at a TCP
 * proxy the test closes and reopens: while it is down the asker gets an ephemeral "data
 * source unavailable" within Slack's 3 seconds and nothing goes to the channel; the server
 * keeps running and answers again, unchanged, once the database is back.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { blockTexts, createFixtureDatabase, type SlackBot, startSlackBot } from "../helpers/slack-bot.js";
import { proxyFor, type TcpProxy } from "../helpers/tcp-proxy.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

let db: TestDatabase;
let proxy: TcpProxy;
let bot: SlackBot;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_slack_down");
  const proxied = await proxyFor(db.url);
  proxy = proxied.proxy;
  const url = proxied.url;
  bot = await startSlackBot({ databaseUrl: url });
});
afterAll(async () => {
  await bot?.close();
  await proxy?.close();
  await db?.drop();
});
beforeEach(() => bot.fake.reset());

async function answerSpend(): Promise<string | undefined> {
  const before = bot.delivered();
  const sent = await bot.command("campaigns last-30d");
  expect(sent.status).toBe(200);
  await waitFor(() => bot.delivered() > before, "the answer");
  const [post] = bot.fake.ok("chat.postMessage");
  return blockTexts(post?.args.blocks).find((text) => text.startsWith("*Spend*"));
}

describe("database down, then back", () => {
  it("answers while the database is up", async () => {
    expect(await answerSpend()).toContain("€37.00");
  });

  it("tells only the asker 'data source unavailable' within 3 s while it is down", async () => {
    await proxy.close();
    const started = Date.now();
    const sent = await bot.command("campaigns last-30d");
    expect(sent.status).toBe(200);
    const response = await waitFor(
      () => bot.fake.responses.find((r) => r.id === sent.responseId),
      "the error",
    );
    const elapsed = response.at - started;
    expect(elapsed).toBeLessThan(3000);
    expect(response.body.response_type).toBe("ephemeral");
    expect(response.body.text).toBe("The data source is unavailable, try again in a minute.");
    expect(bot.fake.attempts("chat.postMessage")).toEqual([]);
    expect((await fetch(`${bot.server.url}/healthz`)).status).toBe(200);
    console.info(`database down: ephemeral error ${elapsed} ms after sending`);
  });

  it("answers again once the database is back", async () => {
    await proxy.open();
    expect(await answerSpend()).toContain("€37.00");
  });
});
