/**
 * `/kpi` end to end: a signed slash command to the real server (Bolt's HTTP receiver on the
 * shared express app) is acknowledged within Slack's 3 seconds, then the answer is posted
 * to the channel with the fixture's hand-worked figures, its charts uploaded there as PNGs;
 * bad input, help and refused areas reach only the asker.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { blockKitProblems, messageProblems } from "../helpers/block-kit-check.js";
import type { FakeCall } from "../helpers/fake-slack.js";
import {
  BOT_TOKEN,
  blockTexts,
  CHANNEL,
  createFixtureDatabase,
  SIGNING_SECRET,
  type SlackBot,
  startSlackBot,
} from "../helpers/slack-bot.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

/** The table block of a posted answer: its cells' texts and each column's alignment. */
function tableOf(post: FakeCall | undefined): { rows: string[][]; align: string[] } {
  const attachments = (post?.args.attachments ?? []) as { blocks: { type: string }[] }[];
  const block = attachments.flatMap((a) => a.blocks).find((b) => b.type === "table") as
    | { rows: { text: string }[][]; column_settings: { align: string }[] }
    | undefined;
  if (!block) throw new Error("no table block in the message's attachments");
  return {
    rows: block.rows.map((row) => row.map((cell) => cell.text)),
    align: block.column_settings.map((setting) => setting.align),
  };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let db: TestDatabase;
let bot: SlackBot;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_slack_cmd");
  // 110 more products out of stock: a low-stock list longer than a table block holds (100 rows).
  const values = Array.from(
    { length: 110 },
    (_, i) =>
      `(${100 + i}, 2, 'BG-${100 + i}', 'Bag ${String(i).padStart(3, "0")}', 50.00, 20.00, 0, 3, 1, '2025-01-01')`,
  );
  await db.connection.query(
    `INSERT INTO products (product_id, category_id, sku, name, price, unit_cost, stock_qty, reorder_level, is_active, created_date) VALUES ${values.join(", ")}`,
  );
  await db.connection.query("CALL sp_refresh_all(0)");
  bot = await startSlackBot({ databaseUrl: db.url, env: { AREA_CHANNELS: "orders:C0FINANCE" } });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});
beforeEach(() => bot.fake.reset());

describe("/kpi campaigns last-30d", () => {
  it("acks within 3 s, then posts the answer with the database's figures and uploads the charts", async () => {
    const started = Date.now();
    const delivered = bot.delivered();
    const sent = await bot.command("campaigns last-30d");
    expect(sent.status).toBe(200);
    expect(sent.ms).toBeLessThan(3000);

    const [post] = await waitFor(
      () => bot.fake.ok("chat.postMessage").length === 1 && bot.fake.ok("chat.postMessage"),
      "the answer",
    );
    expect(post?.args.channel).toBe(CHANNEL);
    expect(post?.args.thread_ts).toBeUndefined();
    expect(post?.token).toBe(BOT_TOKEN);
    const texts = blockTexts(post?.args.blocks).join("\n");
    // Fixture: Autumn Sale spend 35 + 2 = 37 (previous period 80), attributed revenue 240 + 150 = 390.
    expect(texts).toContain("Campaigns · last 30 days");
    expect(texts).toContain("Oct 27 – Nov 25, 2026 · UTC · vs Sep 27 – Oct 26, 2026");
    // The fixture's data ends on Nov 11: the period is only partly covered, so no change is shown.
    expect(texts).toContain("This period's figures cover only Oct 27 – Nov 11, 2026.");
    expect(texts).toMatch(/\*Spend\*\n€37\.00 {2}—\n_prev €80\.00_/);
    expect(texts).toMatch(/\*Revenue\*\n€390\.00 {2}—\n_prev €0\.00_/);
    // The main table: a native table block in the message's attachment, numbers right-aligned.
    const table = tableOf(post);
    expect(table.rows[0]?.slice(0, 4)).toEqual(["Campaign", "Spend", "Revenue", "Profit"]);
    expect(table.rows.find((row) => row[0] === "Autumn Sale")?.slice(1, 4)).toEqual([
      "€37.00",
      "€390.00",
      "€193.00",
    ]);
    expect(table.align.slice(0, 4)).toEqual(["left", "right", "right", "right"]);
    expect(texts).toContain("Metric definitions: `/kpi help metrics`");
    expect(texts).toMatch(/Data through Nov 11, 2026/);
    expect(messageProblems(post?.args ?? {})).toEqual([]);

    const complete = await waitFor(() => bot.fake.ok("files.completeUploadExternal")[0], "the chart upload");
    expect(complete.args.channel_id).toBe(CHANNEL);
    const files = complete.args.files as { id: string; title: string }[];
    expect(files.map((f) => f.title).sort()).toEqual(["CTR by campaign", "ROAS by campaign"]);
    for (const file of files) {
      const upload = bot.fake.uploads.find((u) => u.fileId === file.id);
      expect(upload?.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(upload?.filename).toMatch(/^campaigns-(ctr|roas)_by_campaign-2026-10-27_2026-11-25\.png$/);
      expect(upload?.altText).toMatch(/chart, (CTR|ROAS) by campaign: Autumn Sale /);
    }
    expect(bot.fake.ok("chat.postEphemeral")).toEqual([]);
    expect(bot.fake.responses).toEqual([]);
    // Done only once the server says so, so nothing of this answer lands in the next test.
    await waitFor(() => bot.delivered() > delivered, "the delivery");
    console.info(
      `slash command: ack ${sent.ms.toFixed(0)} ms, answer posted ${(post?.at ?? 0) - started} ms after sending`,
    );
  });

  it("never logs the bot token or the signing secret", () => {
    const logs = bot.logs.join("\n");
    expect(logs).toContain("chat request");
    expect(logs).not.toContain(BOT_TOKEN);
    expect(logs).not.toContain(SIGNING_SECRET);
  });
});

describe("a table longer than a table block holds", () => {
  it("shows the header and 99 rows with 'and N more', and uploads the whole table as CSV next to the charts", async () => {
    const before = bot.delivered();
    await bot.command("stock");
    // This answer posted and fully delivered (the count alone could be an earlier answer's).
    const isTitle = (t: string) => t === "*At or below reorder level*";
    const post = await waitFor(
      () =>
        bot.delivered() > before &&
        bot.fake.ok("chat.postMessage").find((p) => blockTexts(p.args.attachments).some(isTitle)),
      "the answer",
    );
    const table = tableOf(post);
    expect(table.rows).toHaveLength(100); // Slack's limit: the header and 99 rows
    expect(blockTexts(post.args.attachments)).toContain("_… and 13 more rows in the CSV file_");
    expect(messageProblems(post.args)).toEqual([]);
    const [complete] = bot.fake.ok("files.completeUploadExternal");
    const csv = bot.fake.uploads.find(
      (u) => u.filename === "stock-at_or_below_reorder-2026-10-27_2026-11-25.csv",
    );
    const lines = csv?.bytes.toString("utf8").trimEnd().split("\r\n") ?? [];
    expect(lines[0]).toBe("SKU,Product,Category,Stock,Reorder level,Units sold (30 days),Days of cover");
    expect(lines).toHaveLength(1 + 112);
    expect(lines).toContain("BG-209,Bag 109,Bags,0,3,0,0");
    expect(complete?.args.channel_id).toBe(CHANNEL);
    expect(bot.fake.uploads.filter((u) => u.filename.endsWith(".png")).length).toBeGreaterThan(0);
  });
});

describe("what only the asker sees", () => {
  it.each([
    ["campains", /Unknown area `campains` — did you mean `campaigns`\?/],
    ["orders 2026-13-01", /Unknown period `2026-13-01` — dates are YYYY-MM or YYYY-MM-DD..YYYY-MM-DD/],
  ])("/kpi %s → an ephemeral error with the suggestion, nothing in the channel", async (text, message) => {
    const sent = await bot.command(text);
    expect(sent.status).toBe(200);
    const response = await waitFor(
      () => bot.fake.responses.find((r) => r.id === sent.responseId),
      "the error",
    );
    expect(response.body.response_type).toBe("ephemeral");
    expect(String(response.body.text)).toMatch(message);
    expect(bot.fake.attempts("chat.postMessage")).toEqual([]);
    expect(bot.fake.attempts("files.getUploadURLExternal")).toEqual([]);
  });

  it("/kpi help → the help, ephemeral, escaped for mrkdwn", async () => {
    const sent = await bot.command("help");
    const response = await waitFor(
      () => bot.fake.responses.find((r) => r.id === sent.responseId),
      "the help",
    );
    expect(response.body.response_type).toBe("ephemeral");
    expect(String(response.body.text)).toContain("`/kpi &lt;area&gt; [period]");
    expect(blockKitProblems(response.body.blocks, "message")).toEqual([]);
    expect(bot.fake.attempts("chat.postMessage")).toEqual([]);
  });

  it("an area restricted to other channels (AREA_CHANNELS) is refused here, ephemerally", async () => {
    const sent = await bot.command("orders last-7d");
    const response = await waitFor(
      () => bot.fake.responses.find((r) => r.id === sent.responseId),
      "the refusal",
    );
    expect(String(response.body.text)).toContain("`orders` is answered only in selected channels");
    expect(bot.fake.attempts("chat.postMessage")).toEqual([]);

    const before = bot.delivered();
    await bot.command("orders last-7d", { channelId: "C0FINANCE" });
    await waitFor(() => bot.delivered() > before, "the answer in the allowed channel");
    expect(bot.fake.ok("chat.postMessage").map((c) => c.args.channel)).toEqual(["C0FINANCE"]);
  });
});
