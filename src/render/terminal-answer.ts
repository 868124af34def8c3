/** The Answer as terminal text: title, period, KPI lines with changes, aligned tables, notes. */
import type { Answer, AnswerTable, Kpi } from "../answer/answer.js";
import { formatDateRange, formatPeriod } from "../calendar/date-format.js";
import { formatNumber } from "../metrics/format.js";
import { headingOf } from "../metrics/measures.js";
import { changeText } from "../metrics/trend.js";
import { cellText, isNumberColumn, tableTitle } from "./answer-text.js";
import { leadLines } from "./lead-text.js";

export interface TerminalOptions {
  readonly currency: string;
  /** Rows shown per table before "… and N more". */
  readonly maxRows?: number;
  /** Paths of chart images written, by chart key. */
  readonly chartFiles?: ReadonlyMap<string, string>;
}

export const TERMINAL_MAX_ROWS = 15;

function kpiLines(kpis: readonly Kpi[], currency: string, compared: boolean): string[] {
  const rows = kpis.map((k) => [
    k.label,
    formatNumber(k.value, k.unit, { currency }),
    changeText(k, compared, currency),
    k.previous === null ? "" : `prev ${formatNumber(k.previous, k.unit, { currency })}`,
  ]);
  return alignRows(rows, [false, true, true, false]).map((line) => `  ${line}`);
}

export function tableLines(table: AnswerTable, currency: string, maxRows: number): string[] {
  const shown = table.rows.slice(0, maxRows);
  const header = table.columns.map(headingOf);
  const body = shown.map((row) => row.map((cell, i) => cellText(cell, table, i, currency)));
  const numeric = table.columns.map((_, i) => isNumberColumn(table, i));
  const lines = alignRows([header, ...body], numeric).map((line) => `  ${line}`);
  if (table.rows.length > shown.length) lines.push(`  … and ${table.rows.length - shown.length} more`);
  if (table.rows.length === 0) lines.push("  (no rows)");
  return lines;
}

/** Pads columns to equal width; numeric columns right-aligned. */
function alignRows(rows: readonly (readonly string[])[], rightAligned: readonly boolean[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = " ".repeat((widths[i] ?? 0) - [...cell].length);
        return rightAligned[i] ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd(),
  );
}

export function answerToText(answer: Answer, options: TerminalOptions): string {
  const maxRows = options.maxRows ?? TERMINAL_MAX_ROWS;
  const lines = [answer.title, formatPeriod(answer.period)];
  if (answer.comparison)
    lines.push(`compared with ${formatDateRange(answer.comparison.from, answer.comparison.to)}`);
  const lead = leadLines(answer, options.currency);
  if (lead.length > 0) lines.push("", ...lead);
  lines.push("", ...kpiLines(answer.kpis, options.currency, answer.comparison !== null));
  for (const table of answer.tables) {
    lines.push("", tableTitle(table), ...tableLines(table, options.currency, maxRows));
  }
  if (answer.charts.length > 0) {
    lines.push("", "Charts:");
    for (const chart of answer.charts) {
      const file = options.chartFiles?.get(chart.key);
      lines.push(`  ${chart.title}${file ? ` → ${file}` : ""}`);
    }
  }
  if (answer.notes.length > 0) lines.push("", ...answer.notes.map((n) => `Note: ${n}`));
  return `${lines.join("\n")}\n`;
}
