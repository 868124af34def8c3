/**
 * Replay protection on POST /slack/events: the same signed request delivered twice (same
 * body, timestamp and signature) is answered once; the duplicate gets 200 and nothing else.
 * A new signature (Slack's own retry) or a new request passes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHANNEL,
  createFixtureDatabase,
  SIGNING_SECRET,
  type SlackBot,
  startSlackBot,
  USER,
} from "../helpers/slack-bot.js";
import { FORM, postToSlackEndpoint, slashCommandBody } from "../helpers/slack-requests.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

let db: TestDatabase;
let bot: SlackBot;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_replay");
  bot = await startSlackBot({ databaseUrl: db.url });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

const body = (text: string, id: string) =>
  slashCommandBody({ text, channelId: CHANNEL, userId: USER, responseUrl: bot.fake.responseUrl(id) });

describe("a replayed Slack request", () => {
  it("is processed once: one answer posted, the duplicate acknowledged with an empty 200", async () => {
    const signed = { secret: SIGNING_SECRET, timestamp: Math.floor(Date.now() / 1000) };
    const request = body("campaigns last-30d", "replay1");
    const first = await postToSlackEndpoint(bot.eventsUrl, request, FORM, signed);
    const second = await postToSlackEndpoint(bot.eventsUrl, request, FORM, signed);
    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 200, text: "" });
    await waitFor(() => bot.delivered() >= 1, "the answer");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bot.fake.ok("chat.postMessage")).toHaveLength(1);
    expect(bot.logs.filter((l) => l.includes("duplicate Slack request ignored"))).toHaveLength(1);
    await bot.bot.guard.audit.flush();
    const [audit] = await db.connection.query("SELECT COUNT(*) AS n FROM bot_audit");
    expect(Number((audit as { n: number }[])[0]?.n)).toBe(1);
  });

  it("ten concurrent copies: still one answer", async () => {
    const signed = { secret: SIGNING_SECRET, timestamp: Math.floor(Date.now() / 1000) - 1 };
    const request = body("ctr last-7d", "replay2");
    const before = bot.fake.ok("chat.postMessage").length;
    const sent = await Promise.all(
      Array.from({ length: 10 }, () => postToSlackEndpoint(bot.eventsUrl, request, FORM, signed)),
    );
    expect(sent.every((s) => s.status === 200)).toBe(true);
    await waitFor(() => bot.fake.ok("chat.postMessage").length > before, "the answer");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bot.fake.ok("chat.postMessage").length).toBe(before + 1);
  });

  it("the same text signed again (a new request) is answered again", async () => {
    const before = bot.fake.ok("chat.postMessage").length;
    const request = body("campaigns last-30d", "replay3");
    const now = Math.floor(Date.now() / 1000);
    await postToSlackEndpoint(bot.eventsUrl, request, FORM, { secret: SIGNING_SECRET, timestamp: now - 2 });
    await postToSlackEndpoint(bot.eventsUrl, request, FORM, { secret: SIGNING_SECRET, timestamp: now - 3 });
    await waitFor(() => bot.fake.ok("chat.postMessage").length >= before + 2, "two answers");
  });

  it("a bad signature is still refused by Bolt (the guard does not let anything through)", async () => {
    const request = body("campaigns last-30d", "replay4");
    const sent = await postToSlackEndpoint(bot.eventsUrl, request, FORM, {
      secret: "wrong-secret-0123456789abcdef",
    });
    expect(sent.status).toBe(401);
  });
});
