/**
 * answerToBlocks (pure): what a person reads — KPI fields with ▲/▼ and green/red by what
 * is good for the metric, the period, tables as aligned monospace text — and that no
 * Answer, however large or odd, produces a message Slack would reject (checked by an
 * independent validator with Slack's documented limits), oversized ones by construction
 * and random ones by property.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { answerToBlocks } from "../../src/bot/slack/answer-to-blocks.js";
import { decodeAction } from "../../src/commands/action-payload.js";
import { queryToText } from "../../src/commands/command-text.js";
import { blockKitProblems } from "../helpers/block-kit-check.js";
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
    expect(message.text).toBe("Campaigns · last 30 days — Oct 27 – Nov 25, 2026 · UTC");
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

  it("shows the table aligned in a code block, escaped for mrkdwn, with units formatted", () => {
    const table = texts.find((t) => t.startsWith("*Campaigns by profit*"));
    expect(table).toBe(
      [
        "*Campaigns by profit*",
        "```",
        "Campaign            Spend  Revenue    ROAS",
        "Autumn Sale        €37.00  €390.00  10.54×",
        "Brand &amp; &lt;Friends&gt;   €0.00        —       —",
        "```",
      ].join("\n"),
    );
    expect(message.cutTables).toEqual([]);
  });

  it("ends with notes, the charts that follow, freshness with the metric definitions, and the buttons", () => {
    const types = message.blocks.map((b) => b.type);
    expect(types).toEqual([
      "header",
      "context",
      "section",
      "section",
      "context",
      "context",
      "context",
      "actions",
    ]);
    expect(texts).toContain("Revenue is attributed to the last ad clicked.");
    expect(texts).toContain(":bar_chart: Chart below: ROAS by campaign");
    expect(texts).toContain(
      "Data through Nov 25, 2026 · refreshed 2026-11-26 01:30 · Metric definitions: `/kpi help metrics`",
    );
    expect(blockKitProblems(message.blocks, "message")).toEqual([]);
  });
});

describe("oversized answers stay within every Block Kit limit", () => {
  it("200 rows, 30 KPIs, 10 charts, 500-character titles and cells, 15 long notes", () => {
    const message = render(OVERSIZED);
    expect(blockKitProblems(message.blocks, "message")).toEqual([]);
    const header = message.blocks[0] as { text: { text: string } };
    expect(header.text.text).toHaveLength(150);
    expect(header.text.text.endsWith("…")).toBe(true);
    expect(fields(OVERSIZED)).toHaveLength(30);
    const table = blockTexts(message.blocks).find((t) => t.includes("```")) ?? "";
    expect(table).toMatch(
      /_… and 185 more rows in the CSV file · not shown here: Column 3 x+, Column 4 x+, .*_$/s,
    );
    expect(message.cutTables).toEqual(["huge"]);
  });

  it("80 KPIs and 60 tables: 40 KPIs and 39 tables shown, the rest counted; the hidden tables go to CSV", () => {
    const tables = Array.from({ length: 60 }, (_, i) => bigTable(`t${i}`, 3, 2));
    const message = render({ ...OVERSIZED, kpis: manyKpis(80), tables });
    expect(blockKitProblems(message.blocks, "message")).toEqual([]);
    expect(message.blocks).toHaveLength(50);
    expect(blockTexts(message.blocks)).toContain(
      "… and 40 more KPIs and 21 more tables (in the CSV files) not shown here",
    );
    expect(message.cutTables.slice(-21)).toEqual(tables.slice(39).map((t) => t.key));
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
        expect(blockKitProblems(message.blocks, "message")).toEqual([]);
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
