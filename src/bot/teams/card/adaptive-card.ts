/**
 * answerToAdaptiveCard: an Answer as an Adaptive Card 1.5 for Teams — title, period, the
 * KPIs as a FactSet with their changes, the main table as a Table (top rows and columns
 * when long, with a line saying what was left out), one Image per chart and the notes.
 * Pure and deterministic: chart images come in as options; the buttons are the answer's actions.
 */
import { isExplainAction } from "../../../answer/actions.js";
import type { Answer, AnswerTable, Kpi } from "../../../answer/answer.js";
import { formatPeriod } from "../../../calendar/date-format.js";
import { formatNumber } from "../../../metrics/format.js";
import { headingOf } from "../../../metrics/measures.js";
import { changeText } from "../../../metrics/trend.js";
import { cellText, isNumberColumn, periodLine, tableTitle } from "../../../render/answer-text.js";
import { leadLines } from "../../../render/lead-text.js";
import {
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  type AdaptiveCard,
  type CardElement,
  type Fact,
  type Table,
  type TableRow,
  type TextBlock,
} from "./adaptive-card-types.js";
import { answerRefresh, cardActions } from "./card-actions.js";

/** Rows of the main table shown before "and N more" (Teams cards stay readable at this length). */
export const TEAMS_TABLE_MAX_ROWS = 10;
/** Columns of the main table shown: a Teams card is 450–600 px wide, wider tables become unreadable. */
export const TEAMS_TABLE_MAX_COLUMNS = 6;
/**
 * Buttons Teams shows in one action set; more are hidden behind "…". Explain buttons come in
 * rows of this many (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference).
 */
export const TEAMS_MAX_ACTIONS = 6;

export interface CardImage {
  readonly url: string;
  readonly altText: string;
}

export interface AdaptiveCardOptions {
  readonly currency: string;
  /** One image per chart of the answer, in the same order. */
  readonly images: readonly CardImage[];
  readonly maxTableRows?: number;
  readonly maxTableColumns?: number;
}

const text = (value: string, extra: Omit<TextBlock, "type" | "text"> = {}): TextBlock => ({
  type: "TextBlock",
  text: value,
  wrap: true,
  ...extra,
});

function kpiFact(kpi: Kpi, currency: string, compared: boolean): Fact {
  const value = formatNumber(kpi.value, kpi.unit, { currency });
  const change = changeText(kpi, compared, currency);
  return { title: kpi.label, value: change ? `${value}  ${change}` : value };
}

function tableRow(cells: readonly string[], header: boolean): TableRow {
  return {
    type: "TableRow",
    cells: cells.map((cell) => ({
      type: "TableCell",
      items: [text(cell, header ? { weight: "bolder" } : {})],
    })),
    ...(header ? { style: "accent" as const } : {}),
  };
}

/** The main table as a Table element plus what was left out, if anything. */
export function tableElements(
  table: AnswerTable,
  options: { currency: string; maxRows: number; maxColumns: number },
): CardElement[] {
  const columns = table.columns.slice(0, options.maxColumns).map((_, i) => i);
  const rows = table.rows.slice(0, options.maxRows);
  const numeric = columns.map((i) => isNumberColumn(table, i));
  const element: Table = {
    type: "Table",
    columns: columns.map((i) => ({
      width: i === 0 ? 2 : 1,
      ...(numeric[i] ? { horizontalCellContentAlignment: "right" as const } : {}),
    })),
    rows: [
      tableRow(
        columns.map((i) => headingOf(table.columns[i] ?? "")),
        true,
      ),
      ...rows.map((row) =>
        tableRow(
          columns.map((i) => cellText(row[i] ?? null, table, i, options.currency)),
          false,
        ),
      ),
    ],
    firstRowAsHeader: true,
    showGridLines: true,
    spacing: "small",
  };
  const elements: CardElement[] = [
    text(tableTitle(table), { weight: "bolder", spacing: "medium", separator: true }),
    element,
  ];
  const left: string[] = [];
  if (table.rows.length > rows.length) left.push(`and ${table.rows.length - rows.length} more rows`);
  const hidden = table.columns.slice(options.maxColumns);
  if (hidden.length > 0) left.push(`columns not shown: ${hidden.map(headingOf).join(", ")}`);
  if (table.rows.length === 0) left.push("no rows in this period");
  if (left.length > 0) elements.push(text(capitalize(left.join("; ")), { isSubtle: true, size: "small" }));
  return elements;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function answerToAdaptiveCard(answer: Answer, options: AdaptiveCardOptions): AdaptiveCard {
  if (options.images.length !== answer.charts.length) {
    throw new Error(
      `answerToAdaptiveCard: ${answer.charts.length} charts but ${options.images.length} images`,
    );
  }
  const body: CardElement[] = [
    text(answer.title, { size: "large", weight: "bolder", style: "heading" }),
    text(periodLine(answer), { isSubtle: true, spacing: "none" }),
    ...leadLines(answer, options.currency).map((line) => text(line, { spacing: "small" })),
  ];
  if (answer.kpis.length > 0) {
    body.push({
      type: "FactSet",
      facts: answer.kpis.map((k) => kpiFact(k, options.currency, answer.comparison !== null)),
    });
  }
  const explain = answer.actions.filter(isExplainAction);
  for (let i = 0; i < explain.length; i += TEAMS_MAX_ACTIONS) {
    body.push({ type: "ActionSet", actions: cardActions(explain.slice(i, i + TEAMS_MAX_ACTIONS)) });
  }
  const [main] = answer.tables;
  if (main) {
    body.push(
      ...tableElements(main, {
        currency: options.currency,
        maxRows: options.maxTableRows ?? TEAMS_TABLE_MAX_ROWS,
        maxColumns: options.maxTableColumns ?? TEAMS_TABLE_MAX_COLUMNS,
      }),
    );
  }
  answer.charts.forEach((chart, i) => {
    const image = options.images[i] as CardImage;
    body.push(text(chart.title, { weight: "bolder", spacing: "medium", separator: true }));
    body.push({ type: "Image", url: image.url, altText: image.altText, size: "stretch", spacing: "small" });
  });
  for (const note of answer.notes) body.push(text(note, { isSubtle: true, size: "small" }));
  const others = answer.actions.filter((a) => !isExplainAction(a));
  return {
    type: "AdaptiveCard",
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    fallbackText: `${answer.title} — ${formatPeriod(answer.period)}`,
    body,
    ...(others.length > 0 ? { actions: cardActions(others) } : {}),
    refresh: answerRefresh(answer.query),
  };
}
