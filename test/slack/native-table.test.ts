/**
 * The main table as Slack's native table block, at the documented limits
 * (https://docs.slack.dev/reference/block-kit/blocks/table-block: 100 rows, 20 cells per
 * row, one table per message, in the attachments): exactly at each limit everything shows
 * and nothing goes to CSV; one over, the block holds the limit and the rest is named and
 * sent as CSV. The independent checker (test/helpers/block-kit-check.ts) is shown to reject
 * each broken rule, so the tests that rely on it can fail.
 */
import { describe, expect, it } from "vitest";
import type { AnswerTable } from "../../src/answer/answer.js";
import { answerToBlocks } from "../../src/bot/slack/answer-to-blocks.js";
import { messageProblems } from "../helpers/block-kit-check.js";
import { blockTexts } from "../helpers/slack-bot.js";
import { CAMPAIGNS } from "./answer-fixtures.js";

/** `rows` data rows of `columns` columns: a name column, then money columns with row × 100 + column. */
function table(rows: number, columns: number): AnswerTable {
  return {
    key: `t_${rows}_${columns}`,
    title: "Grid",
    columns: Array.from({ length: columns }, (_, c) => (c === 0 ? "name" : `m${c}`)),
    units: Array.from({ length: columns }, (_, c) => (c === 0 ? "text" : "money")),
    rows: Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => (c === 0 ? `Row ${r}` : r * 100 + c)),
    ),
  };
}

function render(t: AnswerTable) {
  const message = answerToBlocks({ ...CAMPAIGNS, tables: [t] }, { currency: "EUR" });
  const blocks = message.attachments[0]?.blocks ?? [];
  const block = blocks.find((b) => b.type === "table") as
    | { rows: { type: string; text: string }[][]; column_settings: { align: string }[] }
    | undefined;
  if (!block) throw new Error("no table block");
  return { message, block, texts: blockTexts(message.attachments) };
}

describe("rows (Slack: at most 100 per table block, the header row included)", () => {
  it("99 data rows: the header and every row, exactly 100, nothing cut", () => {
    const { message, block, texts } = render(table(99, 3));
    expect(block.rows).toHaveLength(100);
    expect(block.rows[99]?.map((c) => c.text)).toEqual(["Row 98", "€9,801.00", "€9,802.00"]);
    expect(message.cutTables).toEqual([]);
    expect(texts.some((t) => t.includes("more row"))).toBe(false);
    expect(messageProblems({ ...message })).toEqual([]);
  });

  it("100 data rows: the block holds 100 rows; the last row is named and the table goes to CSV", () => {
    const { message, block, texts } = render(table(100, 3));
    expect(block.rows).toHaveLength(100);
    expect(block.rows[99]?.[0]?.text).toBe("Row 98");
    expect(texts).toContain("_… and 1 more row in the CSV file_");
    expect(message.cutTables).toEqual(["t_100_3"]);
    expect(messageProblems({ ...message })).toEqual([]);
  });
});

describe("columns (Slack: at most 20 cells per row and 20 column settings)", () => {
  it("20 columns: every column, numbers right-aligned, the name column wrapped", () => {
    const { message, block } = render(table(3, 20));
    expect(block.rows.every((row) => row.length === 20)).toBe(true);
    expect(block.rows[0]?.[19]?.text).toBe("M19");
    expect(block.rows[2]?.[19]?.text).toBe("€119.00"); // data row 1 (row 0 is the header): 1 × 100 + 19
    expect(block.column_settings).toHaveLength(20);
    expect(block.column_settings[0]).toEqual({ align: "left", is_wrapped: true });
    expect(block.column_settings.slice(1).every((s) => s.align === "right")).toBe(true);
    expect(message.cutTables).toEqual([]);
    expect(messageProblems({ ...message })).toEqual([]);
  });

  it("21 columns: 20 shown, the 21st named under the table, the table goes to CSV", () => {
    const { message, block, texts } = render(table(3, 21));
    expect(block.rows.every((row) => row.length === 20)).toBe(true);
    expect(block.column_settings).toHaveLength(20);
    expect(texts).toContain("_1 more column in the CSV file: M20_");
    expect(message.cutTables).toEqual(["t_3_21"]);
    expect(messageProblems({ ...message })).toEqual([]);
  });
});

describe("one table per message", () => {
  it("the first table with rows is the table block; the others are code blocks in the message", () => {
    const message = answerToBlocks({ ...CAMPAIGNS, tables: [table(2, 2), table(3, 2)] }, { currency: "EUR" });
    const tables = message.attachments.flatMap((a) => a.blocks ?? []).filter((b) => b.type === "table");
    expect(tables).toHaveLength(1);
    expect(blockTexts(message.blocks).some((t) => t.startsWith("*Grid*\n```"))).toBe(true);
    expect(messageProblems({ ...message })).toEqual([]);
  });
});

describe("the independent checker rejects what Slack rejects", () => {
  const cell = (text: string) => ({ type: "raw_text", text });
  const tableBlock = (rows: number, cells: number, extra: Record<string, unknown> = {}) => ({
    type: "table",
    rows: Array.from({ length: rows }, () => Array.from({ length: cells }, () => cell("x"))),
    ...extra,
  });
  const withTables = (...tables: unknown[]) => ({
    text: "t",
    attachments: tables.map((t) => ({ blocks: [t] })),
  });

  it("accepts exactly 100 rows of 20 cells with 20 column settings", () => {
    const settings = Array.from({ length: 20 }, () => ({ align: "right", is_wrapped: false }));
    expect(messageProblems(withTables(tableBlock(100, 20, { column_settings: settings })))).toEqual([]);
  });

  it.each([
    ["101 rows", withTables(tableBlock(101, 2)), /101 rows > 100/],
    ["21 cells", withTables(tableBlock(2, 21)), /21 cells > 20/],
    [
      "21 column settings",
      withTables(tableBlock(2, 2, { column_settings: Array(21).fill(null) })),
      /21 column_settings > 20/,
    ],
    ["two tables", withTables(tableBlock(2, 2), tableBlock(2, 2)), /2 tables > 1 per message/],
    [
      "a table in the top-level blocks",
      { text: "t", blocks: [tableBlock(2, 2)] },
      /goes in the message's attachments/,
    ],
    ["an empty cell", withTables({ type: "table", rows: [[cell("")]] }), /raw_text without text/],
    [
      "an unknown alignment",
      withTables(tableBlock(1, 1, { column_settings: [{ align: "justify" }] })),
      /align justify/,
    ],
    [
      "rows of different lengths",
      withTables({ type: "table", rows: [[cell("a"), cell("b")], [cell("c")]] }),
      /1 cells, row 0 has 2/,
    ],
    [
      "attachments with neither blocks nor text",
      { attachments: [{ blocks: [tableBlock(1, 1)] }] },
      /without top-level/,
    ],
  ])("rejects %s", (_, args, problem) => {
    expect(messageProblems(args as Record<string, unknown>).join("\n")).toMatch(problem);
  });
});
