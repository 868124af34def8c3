/**
 * An Answer table as one Block Kit section: its title and a monospace (code block) table
 * of the top rows, with "… and N more rows" when rows or characters run out (the full
 * table then goes out as CSV) and the names of columns too wide to fit. The section never
 * exceeds Slack's 3,000 characters.
 */
import type { AnswerTable, Cell } from "../../answer/answer.js";
import { headingOf } from "../../metrics/measures.js";
import { cellText as answerCellText, isNumberColumn, tableTitle } from "../../render/answer-text.js";
import { escapeMrkdwn, MAX_SECTION_TEXT_CHARS, mrkdwn, truncate } from "./block-kit-limits.js";
import type { SlackBlock } from "./block-types.js";

/** Rows shown before "… and N more" (our readability choice, not a Slack limit). */
export const TABLE_MAX_ROWS = 15;
/** Widest monospace line that reads without wrapping in Slack's desktop client (our choice). */
export const TABLE_MAX_WIDTH = 100;
/** Text cells (campaign and product names) are cut to this many characters. */
export const TABLE_MAX_CELL_CHARS = 32;
export const TABLE_MAX_TITLE_CHARS = 200;
/** Names of the columns that did not fit, listed under the table, cut to this length. */
export const TABLE_MAX_HIDDEN_NAMES_CHARS = 300;

export interface TableBlockResult {
  readonly block: SlackBlock;
  /** Rows were left out: the table should also go out as a CSV file (left-out columns are only named). */
  readonly cut: boolean;
}

/** A cell inside the code block: text cells cut to the cell width. */
export function cellText(cell: Cell, table: AnswerTable, column: number, currency: string): string {
  return typeof cell === "string"
    ? codeText(answerCellText(cell, table, column, currency))
    : answerCellText(cell, table, column, currency);
}

/** Text inside the code block: one line, no backticks (they would end it), cut to the cell width. */
function codeText(text: string): string {
  return truncate(text.replace(/\s+/gu, " ").replaceAll("`", "'"), TABLE_MAX_CELL_CHARS);
}

const width = (text: string) => [...text].length;

/** Columns (always the first) that fit in TABLE_MAX_WIDTH with two spaces between them. */
function fittingColumns(cells: readonly (readonly string[])[], count: number): number[] {
  const columns: number[] = [];
  let used = 0;
  for (let c = 0; c < count; c++) {
    const w = Math.max(...cells.map((row) => width(row[c] ?? "")));
    const next = used + (columns.length > 0 ? 2 : 0) + w;
    if (columns.length > 0 && next > TABLE_MAX_WIDTH) break;
    columns.push(c);
    used = next;
  }
  return columns;
}

function alignedLines(cells: readonly (readonly string[])[], columns: readonly number[], right: boolean[]) {
  const widths = columns.map((c) => Math.max(...cells.map((row) => width(row[c] ?? ""))));
  return cells.map((row) =>
    columns
      .map((c, i) => {
        const cell = row[c] ?? "";
        const pad = " ".repeat((widths[i] ?? 0) - width(cell));
        return right[c] ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd(),
  );
}

export function tableBlock(table: AnswerTable, currency: string): TableBlockResult {
  const title = `*${mrkdwn(tableTitle(table), TABLE_MAX_TITLE_CHARS)}*`;
  if (table.rows.length === 0) {
    return {
      block: { type: "section", text: { type: "mrkdwn", text: `${title}\n_(no rows)_` } },
      cut: false,
    };
  }
  const header = table.columns.map((c) => codeText(headingOf(c)));
  const rows = table.rows
    .slice(0, TABLE_MAX_ROWS)
    .map((row) => row.map((cell, i) => cellText(cell, table, i, currency)));
  const right = table.columns.map((_, i) => isNumberColumn(table, i));
  const columns = fittingColumns([header, ...rows], table.columns.length);
  const lines = alignedLines([header, ...rows], columns, right).map(escapeMrkdwn);

  const hiddenNames = table.columns.filter((_, i) => !columns.includes(i)).map(headingOf);
  const columnNote = `not shown here: ${mrkdwn(hiddenNames.join(", "), TABLE_MAX_HIDDEN_NAMES_CHARS)}`;

  // Drop rows from the end until the section fits; header and first row always stay.
  let shownRows = rows.length;
  const compose = (n: number) => {
    const hiddenRows = table.rows.length - n;
    const notes: string[] = [];
    if (hiddenRows > 0)
      notes.push(`… and ${hiddenRows} more ${hiddenRows === 1 ? "row" : "rows"} in the CSV file`);
    if (hiddenNames.length > 0) notes.push(columnNote);
    const tail = notes.length > 0 ? `\n_${notes.join(" · ")}_` : "";
    return `${title}\n\`\`\`\n${lines.slice(0, n + 1).join("\n")}\n\`\`\`${tail}`;
  };
  let text = compose(shownRows);
  while (text.length > MAX_SECTION_TEXT_CHARS && shownRows > 1) {
    shownRows -= 1;
    text = compose(shownRows);
  }
  text = truncate(text, MAX_SECTION_TEXT_CHARS);
  return {
    block: { type: "section", text: { type: "mrkdwn", text } },
    cut: shownRows < table.rows.length,
  };
}
