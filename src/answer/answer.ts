/**
 * The Answer: the platform-neutral contract between commands and everything that shows
 * them (Slack, Teams, terminal, JSON). See DESIGN.md "The Answer". Numbers are raw
 * (no currency signs or rounding); formatting happens only in renderers.
 */

/**
 * How a number is meant; renderers format by unit. `ratio` is a fraction shown as a percent
 * (0.034 → 3.4%) unless its metric says otherwise (ROAS); `multiple` is a ratio shown as 3.42×
 * (tables and charts of ROAS). KPI units follow the metric definitions (ROAS is `ratio`).
 */
export type Unit = "count" | "currency" | "ratio" | "multiple" | "percent" | "days" | "text";

export interface Kpi {
  /** A metric key from the metric definitions (spend, revenue, roas, ctr, ...). */
  readonly key: string;
  readonly label: string;
  readonly value: number | null;
  readonly previous: number | null;
  /** Relative change (value - previous) / previous; null where undefined. */
  readonly change: number | null;
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
}
