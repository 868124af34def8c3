/**
 * A query to its Answer: resolve the period in the zone at the instant asked, the comparison,
 * match the filters against the values that exist, then let the area load and build.
 */
import type { Answer } from "../answer/answer.js";
import type { FilterKey, Query } from "../answer/query.js";
import type { Reader } from "../areas/area-module.js";
import type { FilterOption } from "../areas/filters/filter-types.js";
import { type Area, areaModule } from "../areas/registry.js";
import { comparisonPeriod } from "../commands/comparison-period.js";
import { resolveFilters } from "../commands/filter-match.js";
import { resolvePeriodWithNotes } from "../commands/period.js";

export interface AnswerDeps {
  /** The instant "today" is read at, and the zone periods resolve in. */
  readonly now: Date;
  readonly timeZone: string;
  readonly read: Reader;
  readonly filterOptions: (key: FilterKey) => Promise<readonly FilterOption[]>;
}

export async function answerQuery(query: Query<Area>, deps: AnswerDeps): Promise<Answer> {
  const module = areaModule(query.area);
  const { period, notes, kind } = resolvePeriodWithNotes(query.period, {
    now: deps.now,
    timeZone: deps.timeZone,
  });
  const comparison = module.asOfNow ? null : comparisonPeriod(period, kind, query.comparison);
  const filters = await resolveFilters(query.filters, deps.filterOptions);
  return module.answer(
    {
      query,
      period,
      comparison: comparison ? { from: comparison.from, to: comparison.to } : null,
      filters,
      notes,
    },
    deps.read,
  );
}
