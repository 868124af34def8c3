/**
 * The Answer: the platform-neutral contract between commands and everything that shows
 * them (Slack, Teams, terminal, JSON). See DESIGN.md "The Answer". Numbers are raw
 * (no currency signs or rounding); formatting happens only in renderers. An Answer also
 * carries the query it answers and the actions a renderer may offer, so that buttons,
 * digests and follow-ups re-use the query instead of re-parsing text.
 */
import type { AnswerAction } from "./actions.js";
import type { Query } from "./query.js";

export type { AnswerAction } from "./actions.js";
/** Whether the days with data cover a range: wholly, in part, or not at all. */
export type CoverageState = "full" | "partial" | "empty";

/** The days with data for the facts an answer reads, and how they cover its period and comparison. */
export interface Coverage {
  readonly firstDay: string | null;
  readonly lastDay: string | null;
  readonly period: CoverageState;
  /** null when the answer has no comparison. */
  readonly comparison: CoverageState | null;
}
export type { Query } from "./query.js";

/**
 * How a number is meant; renderers format by unit (src/metrics/format.ts). `percent` is a
 * fraction (0.034 reads 3.40%), `multiple` a ratio read as 3.42× (ROAS), `money` an amount in
 * the shop's currency. Every key's unit comes from the metric table (src/metrics/measures.ts).
 */
export type Unit = "money" | "count" | "percent" | "multiple" | "days" | "text";

/**
 * How a KPI's change is expressed (the metric table decides per key, src/metrics/change.ts):
 * `relative` is a fraction of the previous value (0.12 reads ▲ 12.0%), `points` a difference
 * of two percentages as fractions (0.024 reads ▲ 2.40 pp), `absolute` a difference in the
 * KPI's own unit (▲ €120.00).
 */
export type ChangeKind = "relative" | "points" | "absolute";

export interface KpiChange {
  readonly kind: ChangeKind;
  readonly value: number;
}

export interface Kpi {
  /** A metric key from the metric definitions (spend, revenue, roas, ctr, ...). */
  readonly key: string;
  readonly label: string;
  readonly value: number | null;
  readonly previous: number | null;
  /**
   * The change against the comparison as the metric table says it reads: `relative`
   * ((value − previous) ÷ previous, on a positive base only), `points` (value − previous, for
   * percentages) or `absolute` (value − previous, on a negative base); null where none is shown
   * (no comparison, a missing value, a base of zero).
   */
  readonly change: KpiChange | null;
  readonly unit: Unit;
}

export type Cell = string | number | null;

export interface AnswerTable {
  readonly key: string;
  readonly title?: string;
  readonly columns: readonly string[];
  /** Unit per column, for formatting; same length as columns. */
  readonly units?: readonly Unit[];
  readonly rows: readonly (readonly Cell[])[];
}

/**
 * `waterfall`: one series whose first value is the previous total, the middle values the
 * contributions that lead from it, and the last value the new total.
 */
export type ChartKind = "bar" | "horizontal-bar" | "line" | "doughnut" | "funnel" | "waterfall";

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

export interface ChartSpec {
  readonly key: string;
  readonly kind: ChartKind;
  readonly title: string;
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Unit of the values (axis and value-label formatting). */
  readonly unit?: Unit;
  /** The period and filters the chart shows ("Oct 27 – Nov 25, 2026 · platform Meta"), under its title. */
  readonly subtitle?: string;
}

export interface AnswerPeriod {
  readonly from: string;
  readonly to: string;
  readonly timezone: string;
  readonly label: string;
}

export interface Answer {
  readonly area: string;
  readonly title: string;
  readonly period: AnswerPeriod;
  readonly comparison: { readonly from: string; readonly to: string } | null;
  readonly kpis: readonly Kpi[];
  readonly tables: readonly AnswerTable[];
  readonly charts: readonly ChartSpec[];
  readonly notes: readonly string[];
  /** The query this answers (area, period as written, comparison, filters as typed). */
  readonly query: Query;
  /** What the person can do next (other periods, the comparison toggle, CSV), platform-neutral. */
  readonly actions: readonly AnswerAction[];
  /**
   * The days with data behind the figures and whether the period and its comparison are
   * wholly, partly or not at all covered; null for answers "as of now" (stock).
   */
  readonly coverage: Coverage | null;
  /**
   * How a plain question was read (src/language): present only when the words were not the
   * exact grammar. Renderers show it first, so people learn the grammar from the echo.
   */
  readonly reading?: Reading;
  /** An `explain` answer's lead: the KPI's move and what drove it (renderers write it as one sentence, first). */
  readonly explanation?: Explanation;
  /** Goals set for the answer's KPIs (`/kpi goal`): progress and pace, in the report zone. */
  readonly goals?: readonly GoalProgress[];
}

/** How a plain question was read. */
export interface Reading {
  /** "Campaigns · last 7 days vs same dates last year · platform Meta". */
  readonly heard: string;
  /** The same query in the exact grammar (`campaigns last-7d vs last-year platform=meta`). */
  readonly echo: string;
  /** What was guessed, one short line each ("read `campains` as `campaigns`"). */
  readonly guesses: readonly string[];
}

/**
 * What an `explain` answer says first, as data (raw numbers; the sentence is written by the
 * renderers, src/render/explanation-text.ts): the KPI's move between the comparison and the
 * period, and the members of the dimension that explains most that drove it.
 */
export interface ExplanationDriver {
  readonly label: string;
  /** Its part of the total change, in the KPI's unit (points for percentages). */
  readonly contribution: number;
  /** Ratio KPIs: the part due to the member's own ratio, and to weight moving to or from it. */
  readonly rate: number | null;
  readonly mix: number | null;
  /** The member's own value in each period (its sum, or its own ratio). */
  readonly previous: number | null;
  readonly current: number | null;
}

export interface Explanation {
  readonly kpi: string;
  readonly label: string;
  readonly unit: Unit;
  readonly kind: "additive" | "ratio";
  /** null when the KPI has no value in that period (a zero denominator): nothing to split. */
  readonly previous: number | null;
  readonly current: number | null;
  /** current − previous in the KPI's unit; null when either is missing. */
  readonly change: number | null;
  /** The dimension the drivers belong to ("platform", "campaign", …); null when nothing moved. */
  readonly dimension: string | null;
  /** Ratio KPIs: what weights the members (the denominator: "spend", "clicks", …). */
  readonly weight: string | null;
  /** The largest contributions of that dimension, largest first (at most three). */
  readonly drivers: readonly ExplanationDriver[];
  /** How many members the dimension has in either period. */
  readonly members: number;
  /** Ratio KPIs: the rate and mix effects summed over the dimension's members (rate + mix = change). */
  readonly rate: number | null;
  readonly mix: number | null;
}

/**
 * A goal's progress as an answer carries it (raw numbers; renderers write the line,
 * src/render/goal-text.ts): the KPI's value so far in the goal's current period, the target,
 * and where the pacing rule (src/goals/pace.ts) says it ends up.
 */
export interface GoalProgress {
  readonly kpi: string;
  readonly label: string;
  readonly unit: Unit;
  /** week | month | quarter. */
  readonly cadence: string;
  /** The goal period's days (YYYY-MM-DD) in the report zone, and how much of them has passed (today counts by the part of it gone). */
  readonly from: string;
  readonly to: string;
  readonly daysElapsed: number;
  readonly daysTotal: number;
  readonly target: number;
  readonly actual: number;
  /** actual ÷ target. */
  readonly progress: number;
  /** The value the period ends at if it keeps its pace (the pacing rule's projection); null before any time has passed. */
  readonly projected: number | null;
  /** Filters of the goal as typed ("platform=google"), "" for none. */
  readonly filters: string;
}
