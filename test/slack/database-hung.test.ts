/**
 * The database accepting connections but not answering (a TCP proxy that black-holes every
 * packet, on open and new connections): the asker is told the data source is slow, then —
 * while it stays silent — gets one line saying it did not answer within the statement
 * timeout, and nothing goes to the channel. A shorter outage still ends in the answer, the
 * next question after it is answered without a restart, and a refused connection still
 * fails at once with its own line.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SLOW_DATA_TEXT } from "../../src/bot/delayed-notice.js";
import { blockTexts, createFixtureDatabase, type SlackBot, startSlackBot } from "../helpers/slack-bot.js";
import { proxyFor, type TcpProxy } from "../helpers/tcp-proxy.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

const STATEMENT_TIMEOUT_MS = 3000;
const SLOW_NOTICE_MS = 300;
/** Generous: a loaded machine, the notice and the reply's own HTTP round trips. */
const MARGIN_MS = 3000;
const TIMEOUT_TEXT = "The data source did not answer within 3 s, try again in a minute.";

let db: TestDatabase;
let proxy: TcpProxy;
let bot: SlackBot;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_slack_hung");
  const proxied = await proxyFor(db.url);
  proxy = proxied.proxy;
  const url = proxied.url;
  bot = await startSlackBot({
    databaseUrl: url,
    env: {
      DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      SLOW_DATA_NOTICE_MS: String(SLOW_NOTICE_MS),
    },
  });
});
afterAll(async () => {
  proxy?.restore();
  await bot?.close();
  await proxy?.close();
  await db?.drop();
});
beforeEach(() => bot.fake.reset());

/** What the asker was told (ephemeral replies to the command), in order, with when. */
function toldAsker(responseId: string) {
  return bot.fake.responses
    .filter((r) => r.id === responseId)
    .map((r) => ({ text: String(r.body.text), at: r.at }));
}

async function spendLine(): Promise<string | undefined> {
  const [post] = bot.fake.ok("chat.postMessage");
  return blockTexts(post?.args.blocks).find((text) => text.startsWith("*Spend*"));
}

describe("a database that stops answering", () => {
  it("answers while it is up", async () => {
    const sent = await bot.command("campaigns last-30d");
    await waitFor(() => bot.fake.ok("chat.postMessage").length > 0, "the answer");
    expect(await spendLine()).toContain("€37.00");
    expect(toldAsker(sent.responseId)).toEqual([]);
  });

  it("longer than the statement timeout: 'slow', then one line within the timeout, nothing in the channel", async () => {
    proxy.blackhole();
    const started = Date.now();
    const sent = await bot.command("campaigns last-30d");
    expect(sent.status).toBe(200);
    const told = await waitFor(
      () => (toldAsker(sent.responseId).length >= 2 ? toldAsker(sent.responseId) : undefined),
      "the slow notice and the timeout message",
      STATEMENT_TIMEOUT_MS + 2 * MARGIN_MS,
    );
    expect(told.map((t) => t.text)).toEqual([SLOW_DATA_TEXT, TIMEOUT_TEXT]);
    const [slow, final] = told.map((t) => t.at - started);
    expect(slow).toBeLessThan(STATEMENT_TIMEOUT_MS);
    expect(final).toBeLessThan(STATEMENT_TIMEOUT_MS + MARGIN_MS);
    // Nothing more comes: no answer in the channel, no third message, no stack trace.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(toldAsker(sent.responseId)).toHaveLength(2);
    expect(bot.fake.attempts("chat.postMessage")).toEqual([]);
    expect(told.every((t) => !/\bat \/|Error:|PROTOCOL_|ETIMEDOUT/.test(t.text))).toBe(true);
    console.info(`black-holed database: 'slow' after ${slow} ms, the timeout message after ${final} ms`);
    proxy.restore();
  });

  it("after it answers again, the next question is answered (no restart)", async () => {
    const sent = await bot.command("campaigns last-30d");
    await waitFor(() => bot.fake.ok("chat.postMessage").length > 0, "the answer");
    expect(await spendLine()).toContain("€37.00");
    expect(toldAsker(sent.responseId).map((t) => t.text)).not.toContain(TIMEOUT_TEXT);
  });

  it("shorter than the statement timeout: 'slow', then the answer", async () => {
    proxy.blackhole();
    const sent = await bot.command("campaigns last-30d");
    await waitFor(() => toldAsker(sent.responseId).length > 0, "the slow notice", MARGIN_MS);
    proxy.restore();
    await waitFor(() => bot.fake.ok("chat.postMessage").length > 0, "the answer");
    expect(await spendLine()).toContain("€37.00");
    expect(toldAsker(sent.responseId).map((t) => t.text)).toEqual([SLOW_DATA_TEXT]);
  });

  it("refused connections still fail at once with their own line, then answer again", async () => {
    await proxy.close();
    const started = Date.now();
    const sent = await bot.command("campaigns last-30d");
    const told = await waitFor(() => toldAsker(sent.responseId)[0], "the error", MARGIN_MS);
    expect(told.text).toBe("The data source is unavailable, try again in a minute.");
    expect(told.at - started).toBeLessThan(MARGIN_MS);
    expect(toldAsker(sent.responseId)).toHaveLength(1);
    await proxy.open();
    bot.fake.reset();
    await bot.command("campaigns last-30d");
    await waitFor(() => bot.fake.ok("chat.postMessage").length > 0, "the answer");
    expect(await spendLine()).toContain("€37.00");
  });
});
