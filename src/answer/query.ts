/**
 * The query an Answer answers, as data: the area, the period as written (resolved against
 * the clock when it runs), the comparison and the filters as typed. Commands parse text into
 * it; digests, buttons and follow-ups build it directly and never go through text again.
 */

/** The relative period words (`last-Nd` are the N full days ending yesterday). */
export const PERIOD_WORDS = [
  "today",
  "yesterday",
  "last-7d",
  "last-30d",
  "last-90d",
  "mtd",
  "qtd",
  "ytd",
  "last-month",
  "last-quarter",
] as const;

export type PeriodWord = (typeof PERIOD_WORDS)[number];

/** A period as written: a relative word, a calendar month `YYYY-MM`, or a closed range of days. */
export type PeriodSpec =
  | { readonly kind: "relative"; readonly word: PeriodWord }
  | { readonly kind: "month"; readonly year: number; readonly month: number }
  | { readonly kind: "range"; readonly from: string; readonly to: string };

/** What a period is compared with: the period just before it, or the same dates a year earlier. */
export const COMPARISON_MODES = ["previous", "last-year"] as const;

export type ComparisonMode = (typeof COMPARISON_MODES)[number];

/** The filter keys of the command language; which ones an area accepts is the area's. */
export const FILTER_KEYS = ["platform", "campaign", "city", "category", "source"] as const;

export type FilterKey = (typeof FILTER_KEYS)[number];

/** Filter values as typed (`platform=Meta`); matched against the data when the query runs. */
export type Filters = Readonly<Partial<Record<FilterKey, string>>>;

/** `explain <kpi> … [by=<dimension>]`: split the change of one KPI of the area's answer by its members. */
export interface ExplainRequest {
  readonly kpi: string;
  /** The dimension asked for; without it the one that explains most is chosen (src/explain). */
  readonly by?: string;
}

/** `top=N` / `bottom=N`: the highest or the lowest values first. */
export const RANK_ORDERS = ["top", "bottom"] as const;

export type RankOrder = (typeof RANK_ORDERS)[number];

/** Most rows a ranking keeps (`top=50`). */
export const MAX_RANK_ROWS = 50;

/**
 * `top=5 by=roas`, `bottom=3 by=cpa`, `by=ctr`: the area's tables that have the `by` column are
 * ordered by it (top: highest first) and cut to `limit` rows; their charts follow (src/answer/ranking.ts).
 */
export interface Ranking {
  /** A measure key the area's tables show (roas, cpa, revenue, …). */
  readonly by: string;
  readonly order: RankOrder;
  /** At most this many rows (1–50); absent: every row, in ranked order. */
  readonly limit?: number;
}

export interface Query<AreaName extends string = string> {
  readonly area: AreaName;
  readonly period: PeriodSpec;
  readonly comparison: ComparisonMode;
  readonly filters: Filters;
  /** Present when the question is "why did this KPI change?" rather than the area's answer. */
  readonly explain?: ExplainRequest;
  /** Present when the question ranks (`top 5 campaigns by roas`). */
  readonly rank?: Ranking;
}

export const DEFAULT_PERIOD: PeriodSpec = { kind: "relative", word: "last-30d" };

export function isPeriodWord(word: string): word is PeriodWord {
  return (PERIOD_WORDS as readonly string[]).includes(word);
}

export function isComparisonMode(word: string): word is ComparisonMode {
  return (COMPARISON_MODES as readonly string[]).includes(word);
}

export function isFilterKey(word: string): word is FilterKey {
  return (FILTER_KEYS as readonly string[]).includes(word);
}

/** The spec as a command word ("last-30d", "2026-11", "2026-10-01..2026-10-31"). */
export function periodSpecToText(spec: PeriodSpec): string {
  if (spec.kind === "relative") return spec.word;
  if (spec.kind === "month")
    return `${String(spec.year).padStart(4, "0")}-${String(spec.month).padStart(2, "0")}`;
  return `${spec.from}..${spec.to}`;
}
