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

export type ChartKind = "bar" | "horizontal-bar" | "line" | "doughnut" | "funnel";

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
}
