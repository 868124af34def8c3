/**
 * Follow-ups in a thread: a message that names only what changes ("vs last-year",
 * "platform=tiktok", "last-90d", "only city=Berlin", "why") applied to the thread's last query.
 * The rules (README "Follow-ups in a thread"):
 *
 * - The area never changes: a message that names an area is a new question and replaces the
 *   context (the caller decides that; here the area is the previous one's).
 * - A period replaces the period; a comparison replaces the comparison; a period alone keeps the
 *   comparison ("last-90d" after "… vs last-year" stays against last year).
 * - A filter replaces the filter of the same key and is added to those of other keys
 *   ("platform=tiktok" after platform=meta city=Berlin → platform=tiktok city=Berlin);
 *   "only …" replaces all the filters with the ones it names.
 * - "why" explains the change of the KPI it names, else of the KPI the thread already explains,
 *   else of the first KPI of the last answer that can be explained; `by=` chooses the split.
 *   Once explaining, later follow-ups keep explaining (a new question leaves it).
 * - "top 10", "worst 3", "by ctr" rank the answer's tables: what the follow-up names of the
 *   ranking replaces that part of the thread's ranking (the KPI, the order, the number of rows), the
 *   rest stays; without one, the area's first rankable KPI, top. A ranking ends explaining, "why"
 *   ends ranking (a query explains or ranks, not both).
 * - "chart" asks the same query again (answers carry their charts).
 *
 * The merged query is checked like any query (filters the area accepts, a KPI it can explain),
 * so a follow-up that does not fit the thread's area gets one line, not a guess.
 */
import type { ComparisonMode, Filters, PeriodSpec, Query, Ranking } from "../answer/query.js";
import type { Area } from "../areas/registry.js";
import { commandError } from "./messages.js";
import { checkQuery } from "./parse.js";
import { rankingOf } from "./rank-words.js";

/** What a follow-up names; anything it leaves out stays as it was. */
export interface FollowUpParts {
  readonly period?: PeriodSpec;
  readonly comparison?: ComparisonMode;
  /** Filters named; with `only`, they replace every previous filter. */
  readonly filters?: Filters;
  readonly only?: boolean;
  /** "why" (optionally naming a KPI, optionally `by=`). */
  readonly why?: { readonly kpi?: string; readonly by?: string };
  /** "top 10", "worst 3 by cpa", "by ctr": the parts of a ranking named (`limit` "all": every row). */
  readonly rank?: {
    readonly order?: "top" | "bottom" | "best" | "worst";
    readonly limit?: number | "all";
    readonly by?: string;
  };
  /** "as a chart". */
  readonly chart?: boolean;
}

/** True when the parts name nothing (not a follow-up). */
export function namesNothing(parts: FollowUpParts): boolean {
  return (
    parts.period === undefined &&
    parts.comparison === undefined &&
    Object.keys(parts.filters ?? {}).length === 0 &&
    parts.why === undefined &&
    parts.rank === undefined &&
    !parts.chart
  );
}

function mergedFilters(previous: Filters, parts: FollowUpParts): Filters {
  const named = parts.filters ?? {};
  return parts.only ? { ...named } : { ...previous, ...named };
}

function mergedExplain(previous: Query<Area>, parts: FollowUpParts, headlineKpi: string | undefined) {
  if (!parts.why) return previous.explain;
  const kpi = parts.why.kpi ?? previous.explain?.kpi ?? headlineKpi;
  if (!kpi) {
    throw commandError(
      "missing_kpi",
      `Which KPI? \`${previous.area}\` has nothing to explain — e.g. ask \`why roas\` after a campaigns answer.`,
    );
  }
  const by = parts.why.by ?? (kpi === previous.explain?.kpi ? previous.explain.by : undefined);
  return { kpi, ...(by !== undefined ? { by } : {}) };
}

function mergedRank(previous: Query<Area>, parts: FollowUpParts): Ranking | undefined {
  if (!parts.rank) return parts.why ? undefined : previous.rank;
  const before = previous.rank;
  const limit = parts.rank.limit ?? before?.limit;
  return rankingOf(previous.area, {
    ...((parts.rank.order ?? before?.order) ? { order: parts.rank.order ?? before?.order } : {}),
    ...(typeof limit === "number" ? { limit } : {}),
    ...((parts.rank.by ?? before?.by) ? { by: parts.rank.by ?? before?.by } : {}),
  });
}

/** The thread's query with the follow-up applied, checked as a typed query is (one-line UserError otherwise). */
export function applyFollowUp(
  previous: Query<Area>,
  parts: FollowUpParts,
  headlineKpi?: string,
): Query<Area> {
  const rank = mergedRank(previous, parts);
  const explain = parts.rank ? undefined : mergedExplain(previous, parts, headlineKpi);
  return checkQuery({
    area: previous.area,
    period: parts.period ?? previous.period,
    comparison: parts.comparison ?? previous.comparison,
    filters: mergedFilters(previous.filters, parts),
    ...(explain ? { explain } : rank ? { rank } : {}),
  });
}
