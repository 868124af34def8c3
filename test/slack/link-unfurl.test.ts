/**
 * Link previews end to end over HTTP (the real Bolt app, signed event callbacks, the fake Web
 * API): with PUBLIC_BASE_URL (https) and CHART_URL_SECRET set, a `link_shared` event with the
 * bot's own signed chart and CSV links gets chat.unfurl keyed by exactly those URLs; foreign
 * links, links with a wrong signature, expired links and look-alike hosts get nothing; and
 * without PUBLIC_BASE_URL the event is not handled at all.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signChartUrl } from "../../src/bot/signed-link.js";
import { blockKitProblems } from "../helpers/block-kit-check.js";
import { CHANNEL, createFixtureDatabase, type SlackBot, startSlackBot, USER } from "../helpers/slack-bot.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

const BASE = "https://kpi.example.test";
const SECRET = "unfurl-test-secret-0123456789";
/** The bot's clock in startSlackBot: noon of the fixture's "today" (instantForDay). */
const NOW = new Date("2026-11-26T12:00:00Z");
const ID = "0123456789abcdef0123456789abcdef";

let db: TestDatabase;
let bot: SlackBot;

const chartUrl = (options: { secret?: string; expiresAt?: Date; base?: string; kind?: "png" | "csv" } = {}) =>
  signChartUrl({
    baseUrl: options.base ?? BASE,
    secret: options.secret ?? SECRET,
    id: ID,
    expiresAt: options.expiresAt ?? new Date(NOW.getTime() + 3_600_000),
    kind: options.kind ?? "png",
  });

function linkShared(urls: readonly string[], extra: Record<string, unknown> = {}) {
  return {
    type: "link_shared",
    channel: CHANNEL,
    is_bot_user_member: true,
    user: USER,
    message_ts: "1790000100.000100",
    unfurl_id: "Uxxxx",
    source: "conversations_history",
    links: urls.map((url) => ({ domain: new URL(url).hostname, url })),
    event_ts: "1790000100.000200",
    ...extra,
  };
}

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_slack_unfurl");
  bot = await startSlackBot({
    databaseUrl: db.url,
    env: { PUBLIC_BASE_URL: BASE, CHART_URL_SECRET: SECRET },
  });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});
beforeEach(() => bot.fake.reset());

describe("link_shared with PUBLIC_BASE_URL set", () => {
  it("the bot's own chart and CSV links: chat.unfurl keyed by exactly those URLs; the foreign link left out", async () => {
    const chart = chartUrl();
    const csv = chartUrl({ kind: "csv" });
    const sent = await bot.event(linkShared([chart, "https://example.com/report.png", csv]));
    expect(sent.status).toBe(200);
    const call = await waitFor(() => bot.fake.ok("chat.unfurl")[0], "chat.unfurl");
    expect(call.args.channel).toBe(CHANNEL);
    expect(call.args.ts).toBe("1790000100.000100");
    const unfurls = call.args.unfurls as Record<string, { blocks: { type: string; image_url?: string }[] }>;
    expect(Object.keys(unfurls).sort()).toEqual([chart, csv].sort());
    expect(unfurls[chart]?.blocks.find((b) => b.type === "image")?.image_url).toBe(chart);
    expect(JSON.stringify(unfurls[csv])).toContain("KPI table (CSV download)");
    expect(JSON.stringify(unfurls[chart])).toContain("link works until Thu Nov 26, 2026 13:00 UTC");
    for (const unfurl of Object.values(unfurls))
      expect(blockKitProblems(unfurl.blocks, "message")).toEqual([]);
  });

  it("a link typed in the composer is unfurled by its unfurl_id and source", async () => {
    const chart = chartUrl();
    await bot.event(linkShared([chart], { channel: "COMPOSER", message_ts: "Uxxxx-1", source: "composer" }));
    const call = await waitFor(() => bot.fake.ok("chat.unfurl")[0], "chat.unfurl");
    expect(call.args).toMatchObject({ unfurl_id: "Uxxxx", source: "composer" });
    expect(call.args.channel).toBeUndefined();
  });

  it.each([
    ["a foreign link", "https://example.com/charts/0123456789abcdef0123456789abcdef.png?exp=1&sig=x"],
    ["a look-alike host", chartUrl({ base: "https://kpi.example.test.evil.example" })],
    ["plain http on the same host", chartUrl({ base: "http://kpi.example.test" })],
    ["a link signed with another key", chartUrl({ secret: "someone-elses-secret-0123456" })],
    ["an expired link", chartUrl({ expiresAt: new Date(NOW.getTime() - 1000) })],
    ["a chart id under /files", chartUrl().replace("/charts/", "/files/")],
  ])("%s: no chat.unfurl", async (_, url) => {
    const sent = await bot.event(linkShared([url]));
    expect(sent.status).toBe(200);
    // The event is handled once Bolt has run the listener; a later answer must not slip in.
    await bot.event(linkShared([chartUrl()], { message_ts: "1790000100.000999" }));
    const call = await waitFor(() => bot.fake.ok("chat.unfurl")[0], "the own link's unfurl");
    expect(call.args.ts).toBe("1790000100.000999");
    expect(bot.fake.attempts("chat.unfurl")).toHaveLength(1);
  });
});

describe("without PUBLIC_BASE_URL", () => {
  it("link_shared is not handled: no chat.unfurl even for a link on the local address", async () => {
    const local = await startSlackBot({ databaseUrl: db.url, env: { CHART_URL_SECRET: SECRET } });
    try {
      const url = chartUrl({ base: "http://localhost:3000" });
      expect((await local.event(linkShared([url]))).status).toBe(200);
      await local.command("help");
      await waitFor(() => local.fake.responses.length > 0, "the help reply (the events before it are done)");
      expect(local.fake.attempts("chat.unfurl")).toEqual([]);
    } finally {
      await local.close();
    }
  });
});
