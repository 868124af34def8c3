/** How a question was heard, in words: "Campaigns · last 7 days vs same dates last year · platform Meta · top 5 by ROAS". */
import type { FilterKey, Query } from "../answer/query.js";
import { type Area, areaModule } from "../areas/registry.js";
import { instantForDay } from "../calendar/as-of.js";
import { formatDateRange } from "../calendar/date-format.js";
import { comparisonPeriod } from "../commands/comparison-period.js";
import { matchFilter } from "../commands/filter-match.js";
import { resolvePeriodWithNotes } from "../commands/period.js";
import { isUserError } from "../errors.js";
import { headingOf } from "../metrics/measures.js";
import type { Vocabulary } from "./vocabulary.js";

function periodWords(query: Query<Area>, today: string): string {
  try {
    const resolved = resolvePeriodWithNotes(query.period, {
      now: instantForDay(today, "UTC"),
      timeZone: "UTC",
    });
    if (areaModule(query.area).asOfNow)
      return `as of ${formatDateRange(resolved.period.to, resolved.period.to)}`;
    const against = comparisonPeriod(resolved.period, resolved.kind, query.comparison).label;
    return `${resolved.period.label} vs ${against}`;
  } catch (error) {
    if (isUserError(error)) return "";
    throw error;
  }
}

/** A filter value as the data names it ("meta" → "Meta") when it selects one value, else as written. */
function valueName(key: FilterKey, value: string, vocabulary: Vocabulary): string {
  try {
    const found = matchFilter(key, value, vocabulary.values[key] ?? []);
    const [only] = found;
    if (found.length !== 1 || !only) return value;
    return typeof only.resolved === "string" ? only.resolved : only.resolved.name;
  } catch (error) {
    if (isUserError(error)) return value;
    throw error;
  }
}

export function heardLine(query: Query<Area>, vocabulary: Vocabulary): string {
  const today = vocabulary.today;
  const parts = [
    query.explain
      ? `Why ${headingOf(query.explain.kpi)} moved · ${areaModule(query.area).title}`
      : areaModule(query.area).title,
  ];
  parts.push(periodWords(query, today));
  for (const [key, value] of Object.entries(query.filters) as [FilterKey, string][]) {
    parts.push(`${key} ${valueName(key, value, vocabulary)}`);
  }
  if (query.rank) {
    const what = query.rank.order === "top" ? "highest" : "lowest";
    parts.push(
      `${query.rank.limit !== undefined ? `${what} ${query.rank.limit}` : `${what} first`} by ${headingOf(query.rank.by)}`,
    );
  }
  return parts.filter((p) => p !== "").join(" · ");
}
