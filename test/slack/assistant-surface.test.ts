/**
 * Slack's assistant container, end to end (SLACK_ASSISTANT=true; the real Bolt app over signed
 * HTTP, a fake Web API recording every call in order): a new assistant thread gets suggested
 * prompts — the asker's recent question first, then examples of the areas they may ask about; a
 * question there sets the status and the thread's title, then gets the same answer (and buttons)
 * as anywhere, in the thread; a follow-up there applies to the thread's last answer; the bot's
 * own messages and a change of the viewed channel call nothing. A direct message outside the
 * assistant is answered in the conversation, and follow-ups work there too.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { THINKING_STATUS } from "../../src/bot/slack/listeners/assistant-listener.js";
import { readSlackConfig } from "../../src/bot/slack/slack-config.js";
import { formatNumber } from "../../src/metrics/format.js";
import { adSums } from "../helpers/independent-kpis.js";
import {
  blockTexts,
  CHANNEL,
  createFixtureDatabase,
  type SlackBot,
  startSlackBot,
  USER,
} from "../helpers/slack-bot.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";
import { waitForAsync } from "../schedule/wait-for-async.js";

const DM = "D0ASSIST";
const THREAD = "1790003000.000100";
let db: TestDatabase;
let bot: SlackBot;
let eventTs = 1790003000;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_slack_assistant");
  bot = await startSlackBot({ databaseUrl: db.url, env: { SLACK_ASSISTANT: "true" } });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});
beforeEach(() => bot.fake.reset());

const ASSISTANT_AND_POSTS = new Set([
  "assistant.threads.setStatus",
  "assistant.threads.setTitle",
  "assistant.threads.setSuggestedPrompts",
  "chat.postMessage",
  "chat.postEphemeral",
]);
const recorded = () => bot.fake.calls.filter((c) => ASSISTANT_AND_POSTS.has(c.method));

/** A message from the person in the DM (in the assistant thread when `threadTs` is given). */
async function message(text: string, threadTs?: string, extra: Record<string, unknown> = {}) {
  const ts = `${++eventTs}.000200`;
  const sent = await bot.event({
    type: "message",
    channel_type: "im",
    channel: DM,
    user: USER,
    text,
    ts,
    event_ts: ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    ...extra,
  });
  expect(sent.status).toBe(200);
}

const threadStarted = () => ({
  type: "assistant_thread_started",
  assistant_thread: {
    user_id: USER,
    channel_id: DM,
    thread_ts: THREAD,
    context: { channel_id: CHANNEL, team_id: "T0FAKE", enterprise_id: null },
  },
  event_ts: `${++eventTs}.000300`,
});

describe("the assistant container", () => {
  it("a new thread gets suggested prompts: the asker's recent question, then area examples", async () => {
    expect((await bot.command("campaigns last-30d")).status).toBe(200);
    await waitFor(() => bot.fake.ok("chat.postMessage")[0], "the answer");
    // The audit is written in batches: the question counts once it is there.
    await waitForAsync(async () => {
      const [rows] = await db.connection.query(
        "SELECT COUNT(*) AS n FROM bot_audit WHERE outcome = 'answered'",
      );
      return Number((rows as { n: number }[])[0]?.n) > 0;
    }, "the audit row");
    bot.fake.reset();
    await bot.event(threadStarted());
    const call = await waitFor(() => bot.fake.ok("assistant.threads.setSuggestedPrompts")[0], "the prompts");
    expect(call.args).toMatchObject({ channel_id: DM, thread_ts: THREAD });
    const prompts = call.args.prompts as { title: string; message: string }[];
    expect(prompts[0]?.message).toBe("campaigns last-30d");
    expect(prompts.length).toBe(4);
    // Examples from the area registry: each one is a question the bot answers.
    expect(prompts.slice(1).map((p) => p.message)).toContain("users last-30d");
    expect(recorded().map((c) => c.method)).toEqual(["assistant.threads.setSuggestedPrompts"]);
  });

  it("a question: status, title, then the answer in the thread; a follow-up there; all in order", async () => {
    await message("campaigns 2026-11-10..2026-11-11", THREAD);
    await waitFor(() => bot.fake.ok("chat.postMessage")[0], "the answer");
    await message("and for meta?", THREAD);
    await waitFor(() => bot.fake.ok("chat.postMessage")[1], "the follow-up's answer");
    const calls = recorded();
    expect(calls.map((c) => c.method)).toEqual([
      "assistant.threads.setStatus",
      "assistant.threads.setTitle",
      "chat.postMessage",
      "assistant.threads.setStatus",
      "assistant.threads.setTitle",
      "chat.postMessage",
    ]);
    expect(calls[0]?.args).toMatchObject({ channel_id: DM, thread_ts: THREAD, status: THINKING_STATUS });
    expect(calls[1]?.args).toMatchObject({
      channel_id: DM,
      thread_ts: THREAD,
      title: "campaigns 2026-11-10..2026-11-11",
    });
    expect(calls[2]?.args).toMatchObject({ channel: DM, thread_ts: THREAD });
    const all = await adSums(db.connection, { from: "2026-11-10", to: "2026-11-11" });
    const answer = blockTexts(calls[2]?.args.blocks).join("\n");
    expect(answer).toContain(`*Spend*\n${formatNumber(all.spend, "money", { currency: "EUR" })}`);
    // The same buttons as anywhere else.
    expect(answer).toContain("kpi_period_last-30d");
    const followUp = blockTexts(calls[5]?.args.blocks).join("\n");
    expect(followUp).toContain("ask `campaigns 2026-11-10..2026-11-11 platform=meta`");
    const meta = await adSums(db.connection, { from: "2026-11-10", to: "2026-11-11" }, { platform: "meta" });
    expect(followUp).toContain(`*Spend*\n${formatNumber(meta.spend, "money", { currency: "EUR" })}`);
  });

  it("a mistake is told in the thread (the asker's own), and changes nothing", async () => {
    await message("campains", THREAD);
    const reply = await waitFor(() => bot.fake.ok("chat.postMessage")[0], "the reply");
    expect(reply.args).toMatchObject({ channel: DM, thread_ts: THREAD });
    expect(String(reply.args.text)).toContain("did you mean `campaigns`?");
  });

  it("the bot's own messages and a change of the viewed channel call nothing", async () => {
    await message("Campaigns · last 30 days", THREAD, { bot_id: "BKPIBOT" });
    await bot.event({
      type: "assistant_thread_context_changed",
      assistant_thread: {
        user_id: USER,
        channel_id: DM,
        thread_ts: THREAD,
        context: { channel_id: "C0OTHER", team_id: "T0FAKE", enterprise_id: null },
      },
      event_ts: `${++eventTs}.000400`,
    });
    // A barrier: a later question is answered, so both events had their turn.
    await message("help", THREAD);
    await waitFor(() => bot.fake.ok("chat.postMessage")[0], "the barrier");
    expect(recorded().map((c) => c.method)).toEqual([
      "assistant.threads.setStatus",
      "assistant.threads.setTitle",
      "chat.postMessage",
    ]);
  });
});

describe("direct messages (with the assistant feature on)", () => {
  it("are answered in the conversation, and a follow-up applies to the last answer there", async () => {
    await message("campaigns 2026-11-10..2026-11-11 platform=google");
    const answer = await waitFor(() => bot.fake.ok("chat.postMessage")[0], "the answer");
    expect(answer.args.channel).toBe(DM);
    expect(answer.args.thread_ts).toBeUndefined();
    await message("vs last year");
    const followUp = await waitFor(() => bot.fake.ok("chat.postMessage")[1], "the follow-up's answer");
    expect(blockTexts(followUp.args.blocks).join("\n")).toContain(
      "ask `campaigns 2026-11-10..2026-11-11 vs last-year platform=google`",
    );
    expect(bot.fake.attempts("assistant.threads.setStatus")).toEqual([]);
  });
});

describe("SLACK_ASSISTANT", () => {
  const base = { SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_SIGNING_SECRET: "0123456789abcdef0123" };
  it("is off unless set to true; another value is named as a problem", () => {
    expect(readSlackConfig(base).config?.assistant).toBe(false);
    expect(readSlackConfig({ ...base, SLACK_ASSISTANT: "true" }).config?.assistant).toBe(true);
    expect(readSlackConfig({ ...base, SLACK_ASSISTANT: "yes" }).problems).toEqual([
      "SLACK_ASSISTANT: must be true or false",
    ]);
  });
});
