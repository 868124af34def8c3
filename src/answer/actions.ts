/**
 * What a person can do next with an answer, defined once for every platform: switch the
 * period, toggle the comparison, download the tables. Each action carries the query it runs;
 * each renderer maps actions to its own buttons (Block Kit, Adaptive Card) and sends the
 * action back as a payload that decodes to the same query (src/commands/action-payload.ts).
 */
import type { PeriodWord, Query } from "./query.js";

/** What an action does: run its query (another period, the other comparison), or download its tables. */
export const ACTION_KINDS = ["rerun", "csv"] as const;

export type ActionKind = (typeof ACTION_KINDS)[number];

export interface AnswerAction {
  /** Stable id: `period_last-7d`, `compare`, `csv` (Slack action ids are `kpi_<id>`). */
  readonly id: string;
  readonly kind: ActionKind;
  readonly label: string;
  /** The query the action runs (rerun) or whose tables it downloads (csv). */
  readonly query: Query;
  /** The answer already shows this (the current period): renderers highlight it. */
  readonly current?: boolean;
}

/** The period buttons, in the order shown. */
export const PERIOD_ACTIONS: readonly { readonly word: PeriodWord; readonly label: string }[] = [
  { word: "last-7d", label: "7 days" },
  { word: "last-30d", label: "30 days" },
  { word: "last-90d", label: "90 days" },
  { word: "mtd", label: "Month to date" },
];

export const COMPARE_ACTION_ID = "compare";
export const CSV_ACTION_ID = "csv";
export const periodActionId = (word: PeriodWord): string => `period_${word}`;

export interface ActionOptions {
  /** The area answers "as of now" (stock): no other period, no comparison to toggle. */
  readonly asOfNow: boolean;
  readonly hasTables: boolean;
}

/** The actions of an answer to `query`. */
export function answerActions(query: Query, options: ActionOptions): AnswerAction[] {
  const actions: AnswerAction[] = [];
  if (!options.asOfNow) {
    const current = query.period.kind === "relative" ? query.period.word : undefined;
    for (const { word, label } of PERIOD_ACTIONS) {
      actions.push({
        id: periodActionId(word),
        kind: "rerun",
        label,
        query: { ...query, period: { kind: "relative", word } },
        ...(word === current ? { current: true } : {}),
      });
    }
    const toLastYear = query.comparison !== "last-year";
    actions.push({
      id: COMPARE_ACTION_ID,
      kind: "rerun",
      label: toLastYear ? "vs last year" : "vs previous period",
      query: { ...query, comparison: toLastYear ? "last-year" : "previous" },
    });
  }
  if (options.hasTables) actions.push({ id: CSV_ACTION_ID, kind: "csv", label: "Download CSV", query });
  return actions;
}
