/**
 * Delivery when Slack pushes back: a 429 with Retry-After on chat.postMessage is waited out
 * and the answer delivered exactly once; a failed file upload leaves the text answer up
 * with a note; a channel the bot is not in gets the asker a hint, not silence; and a slow
 * database gets the asker "Working on it…" before the answer.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { messageProblems } from "../helpers/block-kit-check.js";
import {
  blockTexts,
  CHANNEL,
  createFixtureDatabase,
  type SlackBot,
  startSlackBot,
} from "../helpers/slack-bot.js";
import { proxyFor, type TcpProxy } from "../helpers/tcp-proxy.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

let db: TestDatabase;
let bot: SlackBot;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_slack_deliver");
  bot = await startSlackBot({ databaseUrl: db.url });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});
beforeEach(() => bot.fake.reset());

async function ask(text: string) {
  const before = bot.delivered();
  const sent = await bot.command(text);
  expect(sent.status).toBe(200);
  return { sent, delivered: () => waitFor(() => bot.delivered() > before, `the answer to ${text}`) };
}

describe("Slack pushing back", () => {
  it("429 with Retry-After on chat.postMessage: waited out, the answer delivered exactly once", async () => {
    bot.fake.script("chat.postMessage", {
      status: 429,
      headers: { "retry-after": "1" },
      body: { ok: false, error: "ratelimited" },
    });
    const { delivered } = await ask("campaigns last-30d");
    await delivered();
    const attempts = bot.fake.attempts("chat.postMessage");
    expect(attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(bot.fake.ok("chat.postMessage")).toHaveLength(1);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(bot.fake.ok("files.completeUploadExternal")).toHaveLength(1);
  });

  it("a failed chart upload still delivers the text answer, with a note on it", async () => {
    bot.fake.script("files.getUploadURLExternal", { body: { ok: false, error: "file_uploads_disabled" } });
    const { delivered } = await ask("campaigns last-30d");
    await delivered();
    const [post] = bot.fake.ok("chat.postMessage");
    expect(blockTexts(post?.args.blocks).join("\n")).toContain("€390.00");
    const [update] = bot.fake.ok("chat.update");
    expect(update?.args).toMatchObject({ channel: CHANNEL, ts: post?.reply.ts });
    const texts = blockTexts(update?.args.blocks).join("\n");
    expect(texts).toContain(
      ":warning: The charts and files could not be uploaded (Slack said `file_uploads_disabled`)",
    );
    expect(texts).toContain("€390.00");
    expect(messageProblems(update?.args ?? {})).toEqual([]);
    expect(update?.args.attachments).toEqual(post?.args.attachments); // the table stays
    expect(bot.fake.attempts("files.completeUploadExternal")).toEqual([]);
    expect(bot.logs.some((l) => l.includes('"slackError":"file_uploads_disabled"'))).toBe(true);
  });

  it("a failed upload POST (HTTP 500, retried twice) is reported the same way", async () => {
    bot.fake.script("upload", { status: 500, body: { ok: false } }, 3);
    const { delivered } = await ask("roas last-30d");
    await delivered();
    const [update] = bot.fake.ok("chat.update");
    expect(blockTexts(update?.args.blocks).join("\n")).toContain("(Slack said `http_500`)");
    expect(bot.fake.attempts("upload").map((u) => u.status)).toEqual([500, 500, 500]);
  });

  it("not in the channel: the asker is told how to invite the bot, nothing else is tried", async () => {
    bot.fake.script("chat.postMessage", { body: { ok: false, error: "not_in_channel" } });
    const { sent } = await ask("campaigns last-30d");
    const response = await waitFor(
      () => bot.fake.responses.find((r) => r.id === sent.responseId),
      "the hint",
    );
    expect(response.body).toMatchObject({ response_type: "ephemeral" });
    expect(String(response.body.text)).toContain("add me with `/invite @kpi` and ask again");
    expect(bot.fake.attempts("chat.postMessage")).toHaveLength(1);
    expect(bot.fake.attempts("files.getUploadURLExternal")).toEqual([]);
  });
});

describe("a slow database", () => {
  let proxy: TcpProxy;
  let slow: SlackBot;

  beforeAll(async () => {
    const proxied = await proxyFor(db.url);
    proxy = proxied.proxy;
    const url = proxied.url;
    slow = await startSlackBot({ databaseUrl: url, workingDelayMs: 300 });
    proxy.latencyMs = 150;
  });
  afterAll(async () => {
    await slow?.close();
    await proxy?.close();
  });

  it("acks before any database work, then tells the asker 'Working on it…' before the answer arrives", async () => {
    const sent = await slow.command("campaigns last-30d");
    const ackedAt = Date.now();
    expect(sent.status).toBe(200);
    await waitFor(() => slow.delivered() === 1, "the answer", 20_000);
    const working = slow.fake.responses.find((r) => r.id === sent.responseId);
    expect(working?.body).toMatchObject({ response_type: "ephemeral", text: "Working on it…" });
    const [post] = slow.fake.ok("chat.postMessage");
    expect(working?.at ?? Infinity).toBeLessThanOrEqual(post?.at ?? 0);
    expect(ackedAt).toBeLessThanOrEqual(working?.at ?? 0);
  });
});
