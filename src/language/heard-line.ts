/** How a question was heard, in words: "Campaigns · last 7 days vs same dates last year · platform meta · top 5 by ROAS". */
import type { Query } from "../answer/query.js";
import { type Area, areaModule } from "../areas/registry.js";
import { instantForDay } from "../calendar/as-of.js";
import { formatDateRange } from "../calendar/date-format.js";
import { comparisonPeriod } from "../commands/comparison-period.js";
import { resolvePeriodWithNotes } from "../commands/period.js";
import { isUserError } from "../errors.js";
import { headingOf } from "../metrics/measures.js";

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

export function heardLine(query: Query<Area>, today: string): string {
  const parts = [
    query.explain
      ? `Why ${headingOf(query.explain.kpi)} moved · ${areaModule(query.area).title}`
      : areaModule(query.area).title,
  ];
  parts.push(periodWords(query, today));
  for (const [key, value] of Object.entries(query.filters)) parts.push(`${key} ${value}`);
  if (query.rank) {
    const what = query.rank.order === "top" ? "highest" : "lowest";
    parts.push(
      `${query.rank.limit !== undefined ? `${what} ${query.rank.limit}` : `${what} first`} by ${headingOf(query.rank.by)}`,
    );
  }
  return parts.filter((p) => p !== "").join(" · ");
}
