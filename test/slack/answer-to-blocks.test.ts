/**
 * answerToBlocks (pure): what a person reads — KPI fields with ▲/▼ and green/red by what
 * is good for the metric, the period, the main table as a native table block in the
 * attachment (further tables as aligned monospace text, one table per message) — and that
 * no Answer, however large or odd, produces a message Slack would reject (checked by an
 * independent validator with Slack's documented limits), oversized ones by construction
 * and random ones by property.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer, AnswerTable } from "../../src/answer/answer.js";
import { answerToBlocks } from "../../src/bot/slack/answer-to-blocks.js";
import { decodeAction } from "../../src/commands/action-payload.js";
import { queryToText } from "../../src/commands/command-text.js";
import { messageProblems } from "../helpers/block-kit-check.js";
import { blockTexts } from "../helpers/slack-bot.js";
import { answering, bigTable, CAMPAIGNS, manyCharts, manyKpis, OVERSIZED } from "./answer-fixtures.js";

const render = (answer: Answer, text = "campaigns last-30d") =>
  answerToBlocks(answering(answer, text), {
    currency: "EUR",
    freshness: { lastDay: "2026-11-25", lastRefreshAt: "2026-11-26 01:30:31.405" },
  });

function fields(answer: Answer): string[] {
  const blocks = render(answer).blocks as { type: string; fields?: { text: string }[] }[];
  return blocks.flatMap((b) => b.fields?.map((f) => f.text) ?? []);
}

describe("a normal answer", () => {
  const message = render(CAMPAIGNS);
  const texts = blockTexts(message.blocks);

  it("has the title as header, the period with its comparison, and a notification text", () => {
    expect(message.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Campaigns · last 30 days" },
    });
    expect(texts).toContain("Oct 27 – Nov 25, 2026 · UTC · vs Sep 27 – Oct 26, 2026");
    expect(message.text).toBe(
      "Campaigns · last 30 days — Oct 27 – Nov 25, 2026 · UTC: Spend €37.00, Revenue €300.00, ROAS 10.54×",
    );
  });

  it("shows each KPI with value, change arrow, good/bad colour for that metric, and previous value", () => {
    expect(fields(CAMPAIGNS)).toEqual([
      "*Spend*\n€37.00  ▼ 53.8%  :large_green_circle:\n_prev €80.00_", // less spend: good
      "*Revenue*\n€300.00  ▼ 25.0%  :red_circle:\n_prev €400.00_", // less revenue: bad
      "*ROAS*\n10.54×  —\n_prev 0.00×_", // no change from zero
      "*CTR*\n0.23%  ▲ 0.21 pp  :large_green_circle:\n_prev 0.02%_", // percentage points,
      "*CPA*\n€18.50  ▲ 85.0%  :red_circle:\n_prev €10.00_", // dearer conversions: bad
      "*Leads*\n3  = 0.0%\n_prev 3_",
      "*CVR*\n22.00%  —", // no previous value: "—"
    ]);
  });

  it("shows the main table as a native table block in the attachment: numbers right-aligned and formatted", () => {
    expect(message.attachments).toEqual([
      {
        fallback: "Campaigns by profit: 2 rows",
        blocks: [
          { type: "section", text: { type: "mrkdwn", text: "*Campaigns by profit*" } },
          {
            type: "table",
            rows: [
              ["Campaign", "Spend", "Revenue", "ROAS"].map((text) => ({ type: "raw_text", text })),
              ["Autumn Sale", "€37.00", "€390.00", "10.54×"].map((text) => ({ type: "raw_text", text })),
              // raw_text is not mrkdwn: no escaping; no value is "—", never an empty cell
              ["Brand & <Friends>", "€0.00", "—", "—"].map((text) => ({ type: "raw_text", text })),
            ],
            column_settings: [
              { align: "left", is_wrapped: true },
              { align: "right", is_wrapped: false },
              { align: "right", is_wrapped: false },
              { align: "right", is_wrapped: false },
            ],
          },
        ],
      },
    ]);
    expect(message.cutTables).toEqual([]);
    expect(texts.some((t) => t.includes("```"))).toBe(false);
  });

  it("a second table (Slack allows one table per message) is aligned text in a code block, escaped for mrkdwn", () => {
    const main = CAMPAIGNS.tables[0] as AnswerTable;
    const two = render({ ...CAMPAIGNS, tables: [main, { ...main, key: "again", title: "Again" }] });
    expect(two.attachments).toHaveLength(1);
    expect(blockTexts(two.blocks).find((t) => t.startsWith("*Again*"))).toBe(
      [
        "*Again*",
        "```",
        "Campaign            Spend  Revenue    ROAS",
        "Autumn Sale        €37.00  €390.00  10.54×",
        "Brand &amp; &lt;Friends&gt;   €0.00        —       —",
        "```",
      ].join("\n"),
    );
    expect(messageProblems({ ...two })).toEqual([]);
  });

  it("an empty main table says so in the blocks; the next table with rows becomes the native one", () => {
    const main = CAMPAIGNS.tables[0] as AnswerTable;
    const empty = { ...main, key: "empty", title: "Nothing", rows: [] };
    const out = render({ ...CAMPAIGNS, tables: [empty, main] });
    expect(blockTexts(out.blocks)).toContain("*Nothing*\n_(no rows)_");
    expect(blockTexts(out.attachments)).toContain("*Campaigns by profit*");
  });

  it("ends with notes, the charts that follow, freshness with the metric definitions, and the buttons", () => {
    const types = message.blocks.map((b) => b.type);
    expect(types).toEqual(["header", "context", "section", "context", "context", "context", "actions"]);
    expect(texts).toContain("Revenue is attributed to the last ad clicked.");
    expect(texts).toContain(":bar_chart: Chart below: ROAS by campaign");
    expect(texts).toContain(
      "Data through Nov 25, 2026 · refreshed 2026-11-26 01:30 · Metric definitions: `/kpi help metrics`",
    );
    expect(messageProblems({ ...message })).toEqual([]);
  });
});

describe("oversized answers stay within every Block Kit limit", () => {
  it("200 rows, 30 KPIs, 10 charts, 500-character titles and cells, 15 long notes", () => {
    const message = render(OVERSIZED);
    expect(messageProblems({ ...message })).toEqual([]);
    const header = message.blocks[0] as { text: { text: string } };
    expect(header.text.text).toHaveLength(150);
    expect(header.text.text.endsWith("…")).toBe(true);
    expect(fields(OVERSIZED)).toHaveLength(30);
    // 200 rows: the table block holds its limit (the header and 99 rows); the rest go to the CSV
    const table = message.attachments[0]?.blocks?.find((b) => b.type === "table") as
      | { rows: unknown[][] }
      | undefined;
    expect(table?.rows).toHaveLength(100);
    expect(blockTexts(message.attachments)).toContain("_… and 101 more rows in the CSV file_");
    expect(message.cutTables).toEqual(["huge"]);
  });

  it("80 KPIs and 60 tables: 40 KPIs and 39 tables shown, the rest counted; the hidden tables go to CSV", () => {
    const tables = Array.from({ length: 60 }, (_, i) => bigTable(`t${i}`, 3, 2));
    const message = render({ ...OVERSIZED, kpis: manyKpis(80), tables });
    expect(messageProblems({ ...message })).toEqual([]);
    expect(message.blocks).toHaveLength(50);
    // the first table is the native one, in the attachment; 39 more fit in the blocks
    expect(blockTexts(message.blocks)).toContain(
      "… and 40 more KPIs and 20 more tables (in the CSV files) not shown here",
    );
    expect(message.cutTables.slice(-20)).toEqual(tables.slice(40).map((t) => t.key));
  });

  it("any Answer at all (random sizes, text with &, <, >, ``` and emoji) renders within the limits", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", "&", "<", ">", "`", "*", "😀", " ", "\n", "é"),
      maxLength: 700,
    });
    const cell = fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null));
    const table = fc.integer({ min: 1, max: 25 }).chain((width) =>
      fc.record({
        key: fc.constantFrom("a", "b_c"),
        title: text,
        columns: fc.array(
          text.map((t) => `${t}x`),
          { minLength: width, maxLength: width },
        ),
        rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 250 }),
      }),
    );
    const answer = fc.record({
      title: text.map((t) => `${t}T`),
      kpis: fc.integer({ min: 0, max: 90 }).map(manyKpis),
      tables: fc.array(table, { maxLength: 8 }),
      charts: fc.integer({ min: 0, max: 12 }).map(manyCharts),
      notes: fc.array(text, { maxLength: 14 }),
    });
    fc.assert(
      fc.property(answer, (parts) => {
        const message = render({ ...CAMPAIGNS, ...parts });
        expect(messageProblems({ ...message })).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe("the buttons", () => {
  const buttons = (answer: Answer, text: string) =>
    (
      render(answer, text).blocks.find((b) => b.type === "actions") as
        | { elements: { text: { text: string }; value: string }[] }
        | undefined
    )?.elements ?? [];

  it("carry the query (filters kept), changed as each says, and name the comparison to switch to", () => {
    const all = buttons(CAMPAIGNS, "CAMPAIGNS mtd vs last-year platform=meta");
    expect(all.map((b) => b.text.text)).toEqual([
      "7 days",
      "30 days",
      "90 days",
      "Month to date",
      "vs previous period",
      "Download CSV",
    ]);
    expect(all.map((b) => queryToText(decodeAction(b.value).query))).toEqual([
      "campaigns last-7d vs last-year platform=meta",
      "campaigns last-30d vs last-year platform=meta",
      "campaigns last-90d vs last-year platform=meta",
      "campaigns mtd vs last-year platform=meta",
      "campaigns mtd platform=meta",
      "campaigns mtd vs last-year platform=meta",
    ]);
  });

  it("stock (as of now) has no period buttons; an answer without tables no CSV button", () => {
    expect(buttons(CAMPAIGNS, "stock").map((b) => b.text.text)).toEqual(["Download CSV"]);
    expect(buttons({ ...CAMPAIGNS, tables: [] }, "ctr").map((b) => b.text.text)).not.toContain(
      "Download CSV",
    );
    expect(render({ ...CAMPAIGNS, tables: [] }, "stock").blocks.some((b) => b.type === "actions")).toBe(
      false,
    );
  });
});
