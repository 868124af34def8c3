/**
 * The pieces of an Answer every renderer writes the same way (terminal, Slack, Teams, CSV):
 * the period line, table titles and headings, cells, KPI values. One home, so a heading or a
 * number never reads differently from one surface to another.
 */
import type { Answer, AnswerTable, Cell } from "../answer/answer.js";
import { formatDateRange, formatPeriod } from "../calendar/date-format.js";
import { formatNumber } from "../metrics/format.js";
import { headingOf } from "../metrics/measures.js";
import { NO_VALUE } from "../metrics/units.js";

/** "Oct 27 – Nov 25, 2026 · UTC · vs Sep 27 – Oct 26, 2026". */
export function periodLine(answer: Pick<Answer, "period" | "comparison">): string {
  const period = formatPeriod(answer.period);
  if (!answer.comparison) return period;
  return `${period} · vs ${formatDateRange(answer.comparison.from, answer.comparison.to)}`;
}

/** A table's title, or its key as a heading ("By campaign"). */
export function tableTitle(table: AnswerTable): string {
  return table.title?.trim() || headingOf(table.key);
}

/** Whether a column holds numbers (right-aligned). */
export function isNumberColumn(table: AnswerTable, column: number): boolean {
  return (table.units?.[column] ?? "text") !== "text";
}

/** One cell as text: numbers by their column's unit, no value as —. */
export function cellText(cell: Cell, table: AnswerTable, column: number, currency: string): string {
  if (cell === null || cell === "") return NO_VALUE;
  if (typeof cell === "number") return formatNumber(cell, table.units?.[column] ?? "count", { currency });
  return cell;
}
