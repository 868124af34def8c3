/**
 * A query to its Answer: resolve the period in the zone at the instant asked, the comparison,
 * match the filters against the values that exist, say which days have data, then let the
 * area load and build.
 */
import type { Answer } from "../answer/answer.js";
import { coverageOf, type DataFact, type DataSpan } from "../answer/coverage.js";
import type { FilterKey, Query } from "../answer/query.js";
import type { AreaContext, Reader } from "../areas/area-module.js";
import type { FilterOption } from "../areas/filters/filter-types.js";
import { type Area, areaModule } from "../areas/registry.js";
import { todayInZone } from "../calendar/calendar.js";
import { comparisonPeriod } from "../commands/comparison-period.js";
import { resolveFilters } from "../commands/filter-match.js";
import { resolvePeriodWithNotes } from "../commands/period.js";
import { explainInContext } from "../explain/explain-answer.js";

export interface AnswerDeps {
  /** The instant "today" is read at, and the zone periods resolve in. */
  readonly now: Date;
  readonly timeZone: string;
  readonly read: Reader;
  readonly filterOptions: (key: FilterKey) => Promise<readonly FilterOption[]>;
  /** The first and last day with data of a fact (null when it has none). */
  readonly dataSpan: (fact: DataFact) => Promise<DataSpan | null>;
}

/** The context an area (or an explanation) builds in: the period and comparison resolved, the filters matched, the coverage. */
export async function resolveContext(query: Query<Area>, deps: AnswerDeps): Promise<AreaContext> {
  const module = areaModule(query.area);
  const clock = { now: deps.now, timeZone: deps.timeZone };
  const { period, notes, kind } = resolvePeriodWithNotes(query.period, clock);
  const comparison = module.asOfNow ? null : comparisonPeriod(period, kind, query.comparison);
  const [filters, span] = await Promise.all([
    resolveFilters(query.filters, deps.filterOptions),
    module.fact ? deps.dataSpan(module.fact) : Promise.resolve(undefined),
  ]);
  const today = todayInZone(deps.now, deps.timeZone);
  const coverage = span === undefined ? undefined : coverageOf({ period, comparison, span, today });
  return {
    query,
    period,
    comparison: comparison ? { from: comparison.from, to: comparison.to } : null,
    filters,
    notes,
    ...(coverage ? { coverage } : {}),
  };
}

export async function answerQuery(query: Query<Area>, deps: AnswerDeps): Promise<Answer> {
  const context = await resolveContext(query, deps);
  if (query.explain) return explainInContext(context, query.explain, deps.read);
  return areaModule(query.area).answer(context, deps.read);
}
