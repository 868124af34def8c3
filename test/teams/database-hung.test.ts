/**
 * Teams with the database black-holed by a TCP proxy (it accepts connections and reads, but
 * nothing comes back): the conversation is told the data source is slow, then gets one line
 * saying it did not answer within the statement timeout; a shorter outage still ends in the
 * answer card, and the next question after it is answered without a restart.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SLOW_DATA_TEXT } from "../../src/bot/delayed-notice.js";
import { proxyFor, type TcpProxy } from "../helpers/tcp-proxy.js";
import { messageActivity } from "../helpers/teams-activities.js";
import { cardOf, createFixtureDatabase, factsOf } from "../helpers/teams-cards.js";
import { startTeamsHarness, type TeamsHarness } from "../helpers/teams-harness.js";
import type { TestDatabase } from "../helpers/test-database.js";

const STATEMENT_TIMEOUT_MS = 3000;
/** Generous: a loaded machine, the notice and the reply's own HTTP round trips. */
const MARGIN_MS = 3000;

let db: TestDatabase;
let proxy: TcpProxy;
let bot: TeamsHarness;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_teams_hung");
  const proxied = await proxyFor(db.url);
  proxy = proxied.proxy;
  const url = proxied.url;
  bot = await startTeamsHarness({
    databaseUrl: url,
    env: { DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS), SLOW_DATA_NOTICE_MS: "300" },
  });
});
afterAll(async () => {
  proxy?.restore();
  await bot?.close();
  await proxy?.close();
  await db?.drop();
});

const turns: Promise<Response>[] = [];

/** Posts a question without waiting for the turn to end (its bot-state write may be black-holed too). */
function ask(text: string): void {
  bot.connector.reset();
  turns.push(bot.post(messageActivity(text, { serviceUrl: bot.connector.url })));
}

/** Every turn ends, with 200. */
afterEach(async () => {
  const statuses = await Promise.all(turns.splice(0).map(async (turn) => (await turn).status));
  expect(statuses.every((status) => status === 200)).toBe(true);
});

const spendOf = (call: Parameters<typeof cardOf>[0]) => factsOf(cardOf(call)).Spend;

describe("a database that stops answering, in Teams", () => {
  it("answers while it is up", async () => {
    ask("campaigns last-30d");
    const [answer] = await bot.connector.waitFor((d) => d.length >= 1);
    expect(spendOf(answer)).toContain("€37.00");
  });

  it("longer than the statement timeout: 'slow', then one line within the timeout", async () => {
    proxy.blackhole();
    const started = performance.now();
    ask("campaigns last-30d");
    const told = await bot.connector.waitFor((d) => d.length >= 2, STATEMENT_TIMEOUT_MS + 2 * MARGIN_MS);
    const elapsed = performance.now() - started;
    expect(told.map((call) => call.body.text)).toEqual([
      SLOW_DATA_TEXT,
      "The data source did not answer within 3 s, try again in a minute.",
    ]);
    expect(told.flatMap((call) => (call.body.attachments as unknown[] | undefined) ?? [])).toEqual([]);
    expect(elapsed).toBeLessThan(STATEMENT_TIMEOUT_MS + MARGIN_MS);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(bot.connector.delivered).toHaveLength(2);
    proxy.restore();
  });

  it("shorter than the statement timeout: 'slow', then the answer; then the next question too", async () => {
    proxy.blackhole();
    ask("campaigns last-30d");
    await bot.connector.waitFor((d) => d.length >= 1, MARGIN_MS);
    proxy.restore();
    const [slow, answer] = await bot.connector.waitFor((d) => d.length >= 2);
    expect(slow?.body.text).toBe(SLOW_DATA_TEXT);
    expect(spendOf(answer)).toContain("€37.00");

    ask("campaigns last-30d");
    const [next] = await bot.connector.waitFor((d) => d.length >= 1);
    expect(spendOf(next)).toContain("€37.00");
  });
});
