/**
 * Buttons under an answer, pressed as Slack would send them (signed block_actions with the
 * posted message): a period button re-runs the query for the new period in the answer's
 * thread, "vs last year" toggles the comparison, and "Download CSV" uploads the answer's
 * table whose rows match the table the engine computes. A tampered value is refused; a
 * button of the earlier format (the command text as value) still works.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { decodeAction } from "../../src/commands/action-payload.js";
import { queryToText } from "../../src/commands/command-text.js";
import { headingOf } from "../../src/metrics/measures.js";
import { ANSWER_BUTTONS } from "../helpers/answer-buttons.js";
import type { FakeCall } from "../helpers/fake-slack.js";
import {
  blockTexts,
  CHANNEL,
  createFixtureDatabase,
  type SlackBot,
  startSlackBot,
} from "../helpers/slack-bot.js";
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
  style?: string;
}

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_slack_btn");
  bot = await startSlackBot({ databaseUrl: db.url });
  await bot.command("campaigns last-30d");
  await waitFor(() => bot.delivered() === 1, "the first answer");
  answer = bot.fake.ok("chat.postMessage")[0] as FakeCall;
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});
beforeEach(() => bot.fake.reset());

function buttonsOf(call: FakeCall): Button[] {
  const blocks = call.args.blocks as { type: string; elements?: Button[] }[];
  return blocks.find((b) => b.type === "actions")?.elements ?? [];
}

let presses = 0;
async function press(message: FakeCall, actionId: string, value?: string) {
  const button = buttonsOf(message).find((b) => b.action_id === actionId);
  if (!button) throw new Error(`no button ${actionId}`);
  const responseId = `press${++presses}`;
  await pressButton(bot, message, button, {
    blockId: "kpi_answer_actions",
    responseId,
    ...(value !== undefined ? { value } : {}),
  });
  return responseId;
}

describe("answer buttons", () => {
  it("carry the query each runs, with the current period highlighted", () => {
    const buttons = buttonsOf(answer);
    expect(buttons.map((b) => b.text.text)).toEqual(ANSWER_BUTTONS);
    expect(buttons.map((b) => queryToText(decodeAction(b.value).query))).toEqual([
      "campaigns last-7d",
      "campaigns last-30d",
      "campaigns last-90d",
      "campaigns mtd",
      "campaigns last-30d vs last-year",
      "campaigns last-30d",
    ]);
    expect(buttons.filter((b) => b.style === "primary").map((b) => b.text.text)).toEqual(["30 days"]);
  });

  it("7d re-runs the command for the last 7 days, in the answer's thread", async () => {
    await press(answer, "kpi_period_last-7d");
    await waitFor(() => bot.delivered() === 2, "the re-run");
    const [post] = bot.fake.ok("chat.postMessage");
    expect(post?.args.thread_ts).toBe(answer.reply.ts);
    expect(post?.args.channel).toBe(CHANNEL);
    const texts = blockTexts(post?.args.blocks).join("\n");
    expect(texts).toContain("Campaigns · last 7 days");
    expect(texts).toContain("Nov 19 – Nov 25, 2026 · UTC · vs Nov 12 – Nov 18, 2026");
    const current = buttonsOf(post as FakeCall).find((b) => b.style === "primary");
    expect(current?.text.text).toBe("7 days");
  });

  it("'vs last year' re-runs against the same dates a year earlier, and then offers 'vs previous period'", async () => {
    await press(answer, "kpi_compare");
    await waitFor(() => bot.delivered() === 3, "the re-run");
    const [post] = bot.fake.ok("chat.postMessage");
    expect(blockTexts(post?.args.blocks).join("\n")).toContain("vs Oct 27 – Nov 25, 2025");
    const toggle = buttonsOf(post as FakeCall).find((b) => b.action_id === "kpi_compare");
    expect(toggle?.text.text).toBe("vs previous period");
    expect(queryToText(decodeAction(toggle?.value ?? "").query)).toBe("campaigns last-30d");
  });

  it("'Download CSV' uploads the table as CSV into the answer's thread, rows matching the engine's table", async () => {
    await press(answer, "kpi_csv");
    const complete = await waitFor(() => bot.fake.ok("files.completeUploadExternal")[0], "the CSV upload");
    expect(complete.args).toMatchObject({ channel_id: CHANNEL, thread_ts: answer.reply.ts });
    const [upload] = bot.fake.uploads;
    expect(upload?.filename).toBe("campaigns-by_campaign-2026-10-27_2026-11-25.csv");
    const lines = upload?.bytes.toString("utf8").trimEnd().split("\r\n") ?? [];

    const outcome = await bot.engine.run("campaigns last-30d");
    const table = (outcome as { answer: Answer }).answer.tables[0];
    expect(lines[0]).toBe(table?.columns.map(headingOf).join(","));
    expect(lines.slice(1).map((line) => line.split(","))).toEqual(
      table?.rows.map((row) => row.map((cell) => (cell === null ? "" : String(cell)))),
    );
    // Hand-worked fixture row: Autumn Sale, spend 37, revenue 390, profit 193.
    expect(lines[1]).toMatch(/^Autumn Sale,37,390,193,/);
    expect(bot.fake.attempts("chat.postMessage")).toEqual([]);
  });

  it("a button whose value was tampered with is refused, ephemerally", async () => {
    const responseId = await press(answer, "kpi_period_last-7d", "campains last-30d");
    const response = await waitFor(() => bot.fake.responses.find((r) => r.id === responseId), "the refusal");
    expect(response.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(String(response.body.text)).toContain("did you mean `campaigns`?");
    expect(bot.fake.attempts("chat.postMessage")).toEqual([]);
  });

  it("a payload whose query was tampered with is checked like typed text, and refused", async () => {
    const tampered = JSON.stringify({
      v: 1,
      do: "rerun",
      q: {
        area: "orders",
        period: { kind: "relative", word: "last-7d" },
        comparison: "previous",
        filters: { platform: "meta" },
      },
    });
    const responseId = await press(answer, "kpi_period_last-7d", tampered);
    const response = await waitFor(() => bot.fake.responses.find((r) => r.id === responseId), "the refusal");
    expect(String(response.body.text)).toMatch(/`orders` has no `platform` filter/);
    expect(bot.fake.attempts("chat.postMessage")).toEqual([]);
  });

  it("a button posted before payloads (its value the command text) still re-runs its command", async () => {
    await press(answer, "kpi_period_last-7d", "orders last-30d");
    await waitFor(() => bot.fake.ok("chat.postMessage").length === 1, "the re-run");
    const [post] = bot.fake.ok("chat.postMessage");
    expect(blockTexts(post?.args.blocks).join("\n")).toContain("Orders · last 7 days");
  });
});
