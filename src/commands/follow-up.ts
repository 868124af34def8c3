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
 * - "chart" asks the same query again (answers carry their charts).
 *
 * The merged query is checked like any query (filters the area accepts, a KPI it can explain),
 * so a follow-up that does not fit the thread's area gets one line, not a guess.
 */
import type { ComparisonMode, Filters, PeriodSpec, Query } from "../answer/query.js";
import type { Area } from "../areas/registry.js";
import { commandError } from "./messages.js";
import { checkQuery } from "./parse.js";

/** What a follow-up names; anything it leaves out stays as it was. */
export interface FollowUpParts {
  readonly period?: PeriodSpec;
  readonly comparison?: ComparisonMode;
  /** Filters named; with `only`, they replace every previous filter. */
  readonly filters?: Filters;
  readonly only?: boolean;
  /** "why" (optionally naming a KPI, optionally `by=`). */
  readonly why?: { readonly kpi?: string; readonly by?: string };
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

/** The thread's query with the follow-up applied, checked as a typed query is (one-line UserError otherwise). */
export function applyFollowUp(
  previous: Query<Area>,
  parts: FollowUpParts,
  headlineKpi?: string,
): Query<Area> {
  const explain = mergedExplain(previous, parts, headlineKpi);
  return checkQuery({
    area: previous.area,
    period: parts.period ?? previous.period,
    comparison: parts.comparison ?? previous.comparison,
    filters: mergedFilters(previous.filters, parts),
    ...(explain ? { explain } : {}),
  });
}
