/**
 * The Explain buttons of a Slack answer, pressed as Slack sends them (signed block_actions
 * with the posted message): the explanation arrives in the answer's thread, leading with its
 * sentence, its figures those of the base tables, with the waterfall uploaded beside it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeAction } from "../../src/commands/action-payload.js";
import { queryToText } from "../../src/commands/command-text.js";
import { formatNumber } from "../../src/metrics/format.js";
import type { FakeCall } from "../helpers/fake-slack.js";
import { adSums } from "../helpers/independent-kpis.js";
import { blockTexts, createFixtureDatabase, type SlackBot, startSlackBot } from "../helpers/slack-bot.js";
import { pressButton } from "../helpers/slack-press.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

let db: TestDatabase;
let bot: SlackBot;
let answer: FakeCall;

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_slack_explain");
  bot = await startSlackBot({ databaseUrl: db.url });
  await bot.command("campaigns last-30d");
  await waitFor(() => bot.delivered() === 1, "the first answer");
  answer = bot.fake.ok("chat.postMessage")[0] as FakeCall;
  bot.fake.reset();
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

function explainButtons(call: FakeCall): Button[] {
  const blocks = call.args.blocks as { type: string; block_id?: string; elements?: Button[] }[];
  return blocks.find((b) => b.type === "actions" && b.block_id === "kpi_explain_actions")?.elements ?? [];
}

const press = (message: FakeCall, button: Button) =>
  pressButton(bot, message, button, { blockId: "kpi_explain_actions", responseId: "explain" });

const euro = (value: number) => formatNumber(value, "money", { currency: "EUR" });

describe("Explain buttons in Slack", () => {
  it("each explainable KPI of the answer has one, carrying the explain query", () => {
    const buttons = explainButtons(answer);
    expect(buttons.map((b) => b.text.text)).toContain("Explain ROAS");
    expect(buttons.map((b) => b.text.text)).toContain("Explain Spend");
    const spend = buttons.find((b) => b.text.text === "Explain Spend") as Button;
    expect(queryToText(decodeAction(spend.value).query)).toBe("explain campaigns spend last-30d");
  });

  it("'Explain Spend' answers in the thread with the sentence first, figures from the base tables and the waterfall", async () => {
    const spend = explainButtons(answer).find((b) => b.text.text === "Explain Spend") as Button;
    await press(answer, spend);
    await waitFor(() => bot.delivered() === 2, "the explanation");
    const [post] = bot.fake.ok("chat.postMessage");
    expect(post?.args.thread_ts).toBe(answer.reply.ts);
    const blocks = post?.args.blocks as { type: string; text?: { text: string } }[];
    expect(blocks[0]?.text?.text).toBe("Explain Spend · last 30 days");
    const now = await adSums(db.connection, { from: "2026-10-27", to: "2026-11-25" });
    const before = await adSums(db.connection, { from: "2026-09-27", to: "2026-10-26" });
    const meta = await adSums(db.connection, { from: "2026-10-27", to: "2026-11-25" }, { platform: "meta" });
    const metaBefore = await adSums(
      db.connection,
      { from: "2026-09-27", to: "2026-10-26" },
      { platform: "meta" },
    );
    const direction = now.spend > before.spend ? "rose" : "fell";
    // The lead sentence comes right after the period line, before the KPI fields.
    expect(blocks[2]?.type).toBe("section");
    expect(blocks[2]?.text?.text).toMatch(
      new RegExp(
        `^Spend ${direction} from ${escapeRegExp(euro(before.spend))} to ${escapeRegExp(euro(now.spend))}`,
        "u",
      ),
    );
    // The drivers by platform: the main table, a table block in the message's attachment.
    const all = blockTexts([blocks, post?.args.attachments]).join("\n");
    expect(all).toContain(euro(meta.spend - metaBefore.spend));
    const upload = await waitFor(() => bot.fake.uploads[0], "the waterfall");
    expect(upload.filename).toMatch(/waterfall/u);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}
