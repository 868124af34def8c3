/**
 * Which days of a period have data (DESIGN.md "Coverage"): the Answer's `coverage`, the one
 * line that says when the period or its comparison reaches outside the data, and the KPIs
 * with no change where the comparison is partial or empty. Pure: the first and last day with
 * data come from the engine (v_data_coverage).
 */
import { addDays } from "../calendar/calendar.js";
import { formatDateRange } from "../calendar/date-format.js";
import type { AnswerTable, ChartSpec, Coverage, CoverageState, Kpi } from "./answer.js";
import type { ComparisonMode } from "./query.js";

/** The facts an area reads, each a daily rollup with its own first and last day. */
export const DATA_FACTS = ["orders", "products", "ads", "sessions", "users"] as const;

export type DataFact = (typeof DATA_FACTS)[number];

/** The first and last day with data of a fact; null when it has none at all. */
export interface DataSpan {
  readonly firstDay: string;
  readonly lastDay: string;
}

/** full: every day has data; partial: some days do; empty: none. */

interface Range {
  readonly from: string;
  readonly to: string;
}

/**
 * The days of `range` the data reaches. Data through yesterday also counts for `today`: the
 * day still running is not missing data.
 */
function coveredDays(range: Range, span: DataSpan | null, today: string): Range | null {
  if (!span) return null;
  const last = span.lastDay >= addDays(today, -1) && today > span.lastDay ? today : span.lastDay;
  const [, from = range.from] = [range.from, span.firstDay].sort();
  const [to = range.to] = [range.to, last].sort();
  return from <= to ? { from, to } : null;
}

function stateOf(range: Range, covered: Range | null): CoverageState {
  if (!covered) return "empty";
  return covered.from === range.from && covered.to === range.to ? "full" : "partial";
}

export interface CoverageInput {
  readonly period: Range;
  readonly comparison: Range | null;
  readonly span: DataSpan | null;
  /** The as-of day in the report zone. */
  readonly today: string;
}

/** How much of an answer's period and comparison the data covers. */
export function coverageOf(input: CoverageInput): Coverage {
  const { period, comparison, span } = input;
  return {
    firstDay: span?.firstDay ?? null,
    lastDay: span?.lastDay ?? null,
    period: stateOf(period, coveredDays(period, span, input.today)),
    comparison: comparison ? stateOf(comparison, coveredDays(comparison, span, input.today)) : null,
  };
}

/** What an answer needs for its coverage line. */
export interface CoveredAnswer {
  readonly period: Range & { readonly label: string };
  readonly comparison: Range | null;
  readonly coverage: Coverage | null;
  readonly query: { readonly comparison: ComparisonMode };
}

const day = (iso: string) => formatDateRange(iso, iso);

/** "data starts on Dec 1, 2025" / "data ends on …" for a range with no data. */
function whereDataIs(coverage: Coverage, range: Range): string {
  if (!coverage.firstDay || !coverage.lastDay) return "there is no data yet";
  if (range.to < coverage.firstDay) return `data starts on ${day(coverage.firstDay)}`;
  return `data ends on ${day(coverage.lastDay)}`;
}

/** The days of a partly covered range that have data. */
function dataDays(coverage: Coverage, range: Range): string {
  const from = coverage.firstDay && coverage.firstDay > range.from ? coverage.firstDay : range.from;
  const to = coverage.lastDay && coverage.lastDay < range.to ? coverage.lastDay : range.to;
  return formatDateRange(from, to);
}

/**
 * The one line an answer says when its period or comparison reaches outside the data
 * ("Last year's figures cover only Oct 22 – Dec 31, 2025."); undefined when all is covered.
 */
export function coverageNote(answer: CoveredAnswer): string | undefined {
  const { coverage, period, comparison } = answer;
  if (!coverage) return undefined;
  const lastYear = answer.query.comparison === "last-year";
  if (coverage.period === "empty") return `No data for ${period.label}; ${whereDataIs(coverage, period)}.`;
  if (coverage.period === "partial") return `This period's figures cover only ${dataDays(coverage, period)}.`;
  if (!comparison) return undefined;
  if (coverage.comparison === "empty") {
    const which = lastYear ? "last year" : "the previous period";
    const range = formatDateRange(comparison.from, comparison.to);
    return `No data for ${which} (${range}); ${whereDataIs(coverage, comparison)}, so no change is shown.`;
  }
  if (coverage.comparison === "partial") {
    const which = lastYear ? "Last year's" : "The previous period's";
    return `${which} figures cover only ${dataDays(coverage, comparison)}, so no change is shown.`;
  }
  return undefined;
}

/** What the answer shows, adjusted to its coverage. */
export interface CoveredParts {
  readonly kpis: readonly Kpi[];
  readonly tables: readonly AnswerTable[];
  readonly charts: readonly ChartSpec[];
}

/**
 * A period with no data shows no figures (not zeros); a change is shown only when both the
 * period and its comparison are wholly covered, and no previous value is shown for a
 * comparison without data.
 */
export function coverParts(parts: CoveredParts, coverage: Coverage): CoveredParts {
  if (coverage.period === "empty") {
    const kpis = parts.kpis.map((k) => ({ ...k, value: null, previous: null, change: null }));
    return { kpis, tables: [], charts: [] };
  }
  const compared =
    coverage.comparison === null || (coverage.period === "full" && coverage.comparison === "full");
  if (compared) return parts;
  const emptyComparison = coverage.comparison === "empty";
  const kpis = parts.kpis.map((k) => ({ ...k, change: null, previous: emptyComparison ? null : k.previous }));
  return { ...parts, kpis };
}
