/**
 * Plain questions through Slack, end to end (signed requests to the real server, the fake Slack
 * Web API recording what was sent): the slash command and a mention are read into the query,
 * the answer leads with how it was read and the exact-grammar echo, with the fixture's hand
 * figures; a doubtful question gets "did you mean …" with a button per reading, and pressing one
 * answers that reading.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  blockTexts,
  CHANNEL,
  createFixtureDatabase,
  type SlackBot,
  startSlackBot,
  USER,
} from "../helpers/slack-bot.js";
import { blockActionPayload } from "../helpers/slack-requests.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

let db: TestDatabase;
let bot: SlackBot;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_slack_plain");
  bot = await startSlackBot({ databaseUrl: db.url });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});
beforeEach(() => bot.fake.reset());

async function answerPosted(before: number) {
  await waitFor(() => bot.delivered() > before, "the delivery");
  const [post] = bot.fake.ok("chat.postMessage");
  return { post, texts: blockTexts(post?.args.blocks).join("\n") };
}

describe("/kpi with a plain question", () => {
  it("answers the query it read, leading with how it read it and the exact grammar", async () => {
    const before = bot.delivered();
    const sent = await bot.command("how did our campaigns do over the last 30 days?");
    expect(sent.status).toBe(200);
    const { post, texts } = await answerPosted(before);
    expect(post?.args.channel).toBe(CHANNEL);
    expect(texts).toContain(
      "Read as Campaigns · last 30 days vs previous 30 days — ask `campaigns last-30d`",
    );
    // The fixture's hand figures (test/db/fixture.ts): spend €35 + €2 = €37, attributed revenue €390.
    expect(texts).toMatch(/\*Spend\*\n€37\.00 {2}—\n_prev €80\.00_/);
    expect(texts).toMatch(/\*Revenue\*\n€390\.00 {2}—/);
  });
});

describe("@kpi with a plain question", () => {
  it("reads a platform nickname, a German city is not needed: ranks campaigns by spend on Meta", async () => {
    const before = bot.delivered();
    await bot.event({
      type: "app_mention",
      user: USER,
      text: "<@UKPIBOT> top campaigns on fb by spend, last 30 days please 🙏",
      ts: "1790000100.000100",
      channel: CHANNEL,
      event_ts: "1790000100.000100",
    });
    const { post, texts } = await answerPosted(before);
    expect(post?.args.thread_ts).toBe("1790000100.000100");
    expect(texts).toContain(
      "Read as Campaigns · last 30 days vs previous 30 days · platform Meta · highest first by Spend — ask `campaigns last-30d platform=meta by=spend`",
    );
    // Meta's ads only: ad 1 (CPM €10 × 3,500 impressions) = €35.
    expect(texts).toMatch(/\*Spend\*\n€35\.00/);
    expect(texts).toContain("Ranked by Spend, highest first");
  });

  it("asks back with a button per reading, and a press answers that reading", async () => {
    await bot.event({
      type: "app_mention",
      user: USER,
      text: "<@UKPIBOT> spend on meta vs google",
      ts: "1790000200.000100",
      channel: CHANNEL,
      event_ts: "1790000200.000100",
    });
    const [ephemeral] = await waitFor(
      () => bot.fake.ok("chat.postEphemeral").length > 0 && bot.fake.ok("chat.postEphemeral"),
      "the question back",
    );
    expect(String(ephemeral?.args.text)).toContain(
      "did you mean `campaigns last-30d platform=meta` or `campaigns last-30d platform=google`?",
    );
    const blocks = ephemeral?.args.blocks as {
      type: string;
      elements?: { text: { text: string }; value: string; action_id: string }[];
    }[];
    const buttons = blocks.find((b) => b.type === "actions")?.elements ?? [];
    expect(buttons.map((b) => b.text.text)).toEqual([
      "campaigns last-30d platform=meta",
      "campaigns last-30d platform=google",
    ]);
    expect(bot.fake.attempts("chat.postMessage")).toEqual([]);

    const before = bot.delivered();
    const google = buttons[1];
    // Slack sends a press in a message only the asker sees without the message, marked ephemeral.
    const { message: _message, ...payload } = blockActionPayload({
      message: { ts: "1790000200.000200", text: "", blocks: [] },
      button: { action_id: google?.action_id ?? "", value: google?.value ?? "", text: google?.text },
      blockId: "kpi_readings",
      channelId: CHANNEL,
      userId: USER,
      responseUrl: bot.fake.responseUrl("plain-reading"),
    });
    const pressed = await bot.interact({
      ...payload,
      container: {
        type: "message",
        message_ts: "1790000200.000200",
        channel_id: CHANNEL,
        is_ephemeral: true,
      },
    });
    expect(pressed.status).toBe(200);
    const { texts } = await answerPosted(before);
    // Google's ad 2 only: CPC €0.50 × 4 clicks = €2.
    expect(texts).toContain("Campaigns · last 30 days · platform Google");
    expect(texts).toMatch(/\*Spend\*\n€2\.00/);
  });
});
