/**
 * Follow-ups in a Slack thread, end to end (the real Bolt app over signed HTTP, a fake Web API,
 * the fixture shop): an answer posted in the channel starts a thread; three @mentions in its
 * replies name only what changes and are each answered with the right query — its figures those
 * of the base tables, its reading shown (plain words and the exact grammar alike) — with the bot restarted (same database) between two of
 * them. A new question in the thread replaces the context, and someone the access policy does not
 * let see the thread's area is refused there, context or not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { CFO, writePolicyFile } from "../security/policy-file.js";

let db: TestDatabase;
let bot: SlackBot;
const policy = writePolicyFile();

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_slack_thread");
  bot = await startSlackBot({ databaseUrl: db.url, env: { ACCESS_POLICY_FILE: policy } });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

const money = (value: number) => formatNumber(value, "money", { currency: "EUR" });
let eventTs = 1790001000;

/** `@kpi <text>` in the thread `threadTs`; resolves with the message the bot posted there. */
async function mentionInThread(text: string, threadTs: string, user = USER) {
  const posts = bot.fake.ok("chat.postMessage").length;
  const ephemerals = bot.fake.ok("chat.postEphemeral").length;
  const ts = `${++eventTs}.000100`;
  const sent = await bot.event({
    type: "app_mention",
    user,
    text: `<@UKPIBOT> ${text}`,
    ts,
    thread_ts: threadTs,
    channel: CHANNEL,
    event_ts: ts,
  });
  expect(sent.status).toBe(200);
  const reply = await waitFor(
    () =>
      bot.fake.ok("chat.postMessage").slice(posts)[0] ??
      bot.fake.ok("chat.postEphemeral").slice(ephemerals)[0],
    `the reply to ${text}`,
  );
  return { method: reply.method, args: reply.args, text: blockTexts(reply.args.blocks).join("\n") };
}

/** `/kpi <text>` in the channel: the answer posted there (its ts starts a thread). */
async function commandInChannel(text: string, userId = USER) {
  const posts = bot.fake.ok("chat.postMessage").length;
  expect((await bot.command(text, { userId })).status).toBe(200);
  const post = await waitFor(() => bot.fake.ok("chat.postMessage")[posts], text);
  expect(post.args.thread_ts).toBeUndefined();
  return String(post.reply.ts);
}

describe("follow-ups in a Slack thread", () => {
  it("three follow-ups, each the right query, with a restart between two of them", async () => {
    const thread = await commandInChannel("campaigns last-30d");

    const first = await mentionInThread("and for meta?", thread);
    expect(first.method).toBe("chat.postMessage");
    expect(first.args.thread_ts).toBe(thread);
    expect(first.text).toContain("ask `campaigns last-30d platform=meta`");
    const meta30 = await adSums(
      db.connection,
      { from: "2026-10-27", to: "2026-11-25" },
      { platform: "meta" },
    );
    expect(first.text).toContain(`*Spend*\n${money(meta30.spend)}`);

    // A restart (same database): the context is in bot_thread_context, not in the process.
    await bot.close();
    bot = await startSlackBot({ databaseUrl: db.url, env: { ACCESS_POLICY_FILE: policy } });

    const second = await mentionInThread("2026-11-10..2026-11-10 instead", thread);
    expect(second.text).toContain("ask `campaigns 2026-11-10..2026-11-10 platform=meta`");
    const meta10 = await adSums(
      db.connection,
      { from: "2026-11-10", to: "2026-11-10" },
      { platform: "meta" },
    );
    expect(meta10.spend).toBeGreaterThan(0);
    expect(second.text).toContain(`*Spend*\n${money(meta10.spend)}`);

    const third = await mentionInThread("why did roas move?", thread);
    expect(third.args.thread_ts).toBe(thread);
    expect(third.text).toContain("ask `explain campaigns roas 2026-11-10..2026-11-10 platform=meta`");
    expect(third.text).toContain("Explain ROAS");
    expect(third.text).toContain(
      formatNumber(meta10.revenue / meta10.spend, "multiple", { currency: "EUR" }),
    );
  });

  it("a new question in the thread replaces its context", async () => {
    const thread = await commandInChannel("campaigns last-30d platform=meta");
    const asked = await mentionInThread("campaigns 2026-11-10..2026-11-11", thread);
    expect(asked.method).toBe("chat.postMessage");
    expect(asked.text).not.toContain("Read as");
    // platform=meta went with the old context: the new question has no filter to keep.
    const next = await mentionInThread("what about google?", thread);
    expect(next.text).toContain("ask `campaigns 2026-11-10..2026-11-11 platform=google`");
  });

  it("the asker's grants apply: the thread's area is refused to someone who may not see it", async () => {
    const thread = await commandInChannel("orders last-30d", CFO);
    const refused = await mentionInThread("only berlin", thread, USER);
    expect(refused.method).toBe("chat.postEphemeral");
    expect(refused.args.user).toBe(USER);
    expect(refused.text).toContain("`orders` is not available to you here");
    const allowed = await mentionInThread("only berlin", thread, CFO);
    expect(allowed.method).toBe("chat.postMessage");
    expect(allowed.text).toContain("ask `orders last-30d city=Berlin`");
  });
});
