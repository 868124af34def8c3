/**
 * What a person can do next with an answer, defined once for every platform: switch the
 * period, toggle the comparison, download the tables. Each action carries the query it runs;
 * each renderer maps actions to its own buttons (Block Kit, Adaptive Card) and sends the
 * action back as a payload that decodes to the same query (src/commands/action-payload.ts).
 */
import type { PeriodWord, Query } from "./query.js";

/**
 * What an action does: run its query in place of the answer (another period, the other
 * comparison), run it as a reply beside the answer (explain a KPI), or download its tables.
 */
export const ACTION_KINDS = ["rerun", "explain", "csv"] as const;

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
/** Explain buttons' ids start with this (`explain_roas`); renderers show them apart from the others. */
export const EXPLAIN_ACTION_PREFIX = "explain_";
export const isExplainAction = (action: AnswerAction): boolean => action.id.startsWith(EXPLAIN_ACTION_PREFIX);
export const CSV_ACTION_ID = "csv";
export const periodActionId = (word: PeriodWord): string => `period_${word}`;

export interface ActionOptions {
  /** The area answers "as of now" (stock): no other period, no comparison to toggle. */
  readonly asOfNow: boolean;
  readonly hasTables: boolean;
  /** The KPIs of the answer that `explain` can split (an Explain button each), key and label. */
  readonly explainable?: readonly { readonly key: string; readonly label: string }[];
  /** An explain answer: the other dimensions it can be split by (a "By …" button each), key and label. */
  readonly dimensions?: readonly { readonly key: string; readonly label: string }[];
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
  const { explain, ...asked } = query;
  if (!explain) {
    for (const kpi of options.explainable ?? []) {
      actions.push({
        id: `${EXPLAIN_ACTION_PREFIX}${kpi.key}`,
        kind: "explain",
        label: `Explain ${kpi.label}`,
        query: { ...asked, explain: { kpi: kpi.key } },
      });
    }
  } else {
    for (const dimension of options.dimensions ?? []) {
      actions.push({
        id: `${EXPLAIN_ACTION_PREFIX}by_${dimension.key}`,
        kind: "rerun",
        label: `By ${dimension.label}`,
        query: { ...asked, explain: { kpi: explain.kpi, by: dimension.key } },
        ...(explain.by === dimension.key ? { current: true } : {}),
      });
    }
  }
  return actions;
}
