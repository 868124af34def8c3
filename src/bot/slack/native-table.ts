/**
 * An Answer table as Slack's native `table` block, in the one message attachment Slack
 * shows tables in: the table's title, the table (a header row of column names, then the top
 * rows; number columns right-aligned, text columns wrapped), and a line naming what did not
 * fit — rows past the block's row limit and columns past its cell limit — for the CSV file.
 *
 * Table block (https://docs.slack.dev/reference/block-kit/blocks/table-block): sent in the
 * `attachments` field of chat.postMessage, at most one per message, up to 100 rows of up to
 * 20 cells (`raw_text` with non-empty text, or `rich_text`), `column_settings` up to 20 items
 * of `align` (left | center | right) and `is_wrapped`.
 */
import type { AnswerTable } from "../../answer/answer.js";
import { headingOf } from "../../metrics/measures.js";
import { NO_VALUE } from "../../metrics/units.js";
import { cellText, isNumberColumn, tableTitle } from "../../render/answer-text.js";
import { MAX_CONTEXT_TEXT_CHARS, MAX_SECTION_TEXT_CHARS, mrkdwn, truncate } from "./block-kit-limits.js";
import type { SlackAttachment, SlackBlock, SlackTableBlock } from "./block-types.js";
import { TABLE_MAX_HIDDEN_NAMES_CHARS, TABLE_MAX_TITLE_CHARS } from "./table-block.js";

/** Rows of a table block, the header row included. */
export const MAX_TABLE_ROWS = 100;
/** Cells in one row of a table block (so columns shown), and items of `column_settings`. */
export const MAX_TABLE_CELLS = 20;
/** A cell's text is cut to this length (our choice: Slack documents no limit, long names wrap). */
export const TABLE_CELL_MAX_CHARS = 200;

/** A message attachment holding the table (Slack's place for it); `fallback` is its plain-text summary. */
export interface TableAttachment extends SlackAttachment {
  readonly fallback: string;
  readonly blocks: SlackBlock[];
}

export interface NativeTableResult {
  readonly attachment: TableAttachment;
  /** Rows or columns were left out: the table should also go out as a CSV file. */
  readonly cut: boolean;
}

/** Whether `table` can be shown as a table block at all (a block needs at least one data row here). */
export function fitsNativeTable(table: AnswerTable): boolean {
  return table.rows.length > 0 && table.columns.length > 0;
}

type TableRow = SlackTableBlock["rows"][number];
type ColumnSetting = NonNullable<SlackTableBlock["column_settings"]>[number];

const cell = (text: string): TableRow[number] => ({
  type: "raw_text",
  text: truncate(text.replace(/\s+/gu, " ").trim(), TABLE_CELL_MAX_CHARS) || NO_VALUE,
});

const plural = (n: number, word: string) => `${n} more ${n === 1 ? word : `${word}s`}`;

export function nativeTable(table: AnswerTable, currency: string): NativeTableResult {
  const columns = Math.min(table.columns.length, MAX_TABLE_CELLS);
  const dataRows = table.rows.slice(0, MAX_TABLE_ROWS - 1);
  const header: TableRow = table.columns.slice(0, columns).map((c) => cell(headingOf(c)));
  const rows = dataRows.map(
    (row): TableRow =>
      Array.from({ length: columns }, (_, i) => cell(cellText(row[i] ?? null, table, i, currency))),
  );
  const column_settings = Array.from(
    { length: columns },
    (_, i): ColumnSetting =>
      isNumberColumn(table, i) ? { align: "right", is_wrapped: false } : { align: "left", is_wrapped: true },
  );

  const hiddenRows = table.rows.length - dataRows.length;
  const hiddenNames = table.columns.slice(columns).map(headingOf);
  const notes: string[] = [];
  if (hiddenRows > 0) notes.push(`… and ${plural(hiddenRows, "row")} in the CSV file`);
  if (hiddenNames.length > 0) {
    notes.push(`${plural(hiddenNames.length, "column")} in the CSV file: ${hiddenNames.join(", ")}`);
  }
  const title = tableTitle(table);
  const blocks: SlackBlock[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(`*${mrkdwn(title, TABLE_MAX_TITLE_CHARS)}*`, MAX_SECTION_TEXT_CHARS),
      },
    },
    { type: "table", rows: [header, ...rows], column_settings },
  ];
  if (notes.length > 0) {
    const limit = Math.min(MAX_CONTEXT_TEXT_CHARS, TABLE_MAX_HIDDEN_NAMES_CHARS + 100);
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: `_${mrkdwn(notes.join(" · "), limit)}_` }],
    });
  }
  const shown = `${rows.length} ${rows.length === 1 ? "row" : "rows"}`;
  return {
    attachment: {
      fallback: truncate(`${title}: ${shown}${hiddenRows > 0 ? ` of ${table.rows.length}` : ""}`, 300),
      blocks,
    },
    cut: hiddenRows > 0 || hiddenNames.length > 0,
  };
}
