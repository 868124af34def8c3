/**
 * Answer tables as CSV files (RFC 4180): one file per table, header row of column names,
 * raw numbers (no currency signs or rounding) so a spreadsheet can compute with them.
 * Text cells that a spreadsheet would run as a formula (=, +, -, @) get a leading quote.
 */
import type { Answer, AnswerTable, Cell } from "../answer/answer.js";
import { headingOf } from "../metrics/measures.js";
import { tableTitle } from "./answer-text.js";

export interface CsvFile {
  readonly filename: string;
  readonly title: string;
  readonly content: string;
}

/** What "Download CSV" says for an answer without tables, on every platform. */
export const NO_TABLE_TEXT = "This answer has no table to download.";

const FORMULA_START = /^[=+\-@\t\r]/u;

export function csvCell(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function tableToCsv(table: AnswerTable): string {
  const lines = [table.columns.map(headingOf), ...table.rows].map((row) => row.map(csvCell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** `campaigns-by_campaign-2026-10-27_2026-11-25.csv`: area, table and period, safe for any file system. */
export function csvFileName(answer: Answer, table: AnswerTable): string {
  const safe = (text: string) => text.replace(/[^a-z0-9_-]+/giu, "-");
  return `${safe(answer.area)}-${safe(table.key)}-${answer.period.from}_${answer.period.to}.csv`;
}

/** The CSV files of an answer's tables (all of them, or those whose keys are given). */
export function answerCsvFiles(answer: Answer, keys?: readonly string[]): CsvFile[] {
  return answer.tables
    .filter((table) => !keys || keys.includes(table.key))
    .map((table) => ({
      filename: csvFileName(answer, table),
      title: `${answer.title} — ${tableTitle(table)}`,
      content: tableToCsv(table),
    }));
}

/** The CSV files as bytes (UTF-8), ready to upload or serve. */
export function csvBytes(answer: Answer, keys?: readonly string[]): (CsvFile & { readonly bytes: Buffer })[] {
  return answerCsvFiles(answer, keys).map((csv) => ({ ...csv, bytes: Buffer.from(csv.content, "utf8") }));
}
