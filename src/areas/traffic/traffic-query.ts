/** traffic reads v_traffic_conversion (day x traffic source). */
import { type ReportingDb, withViews } from "../../db/reporting/reporting-views.js";
import { num } from "../../db/reporting/sql-helpers.js";
import type { DateRange } from "../area-module.js";
import { type ResolvedFilters, slugsOf } from "../filters/filter-types.js";
import type { TrafficData } from "./traffic-data.js";
import type { TrafficViews } from "./traffic-views.js";

export async function loadTrafficData(
  reporting: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<TrafficData> {
  const db = withViews<TrafficViews>(reporting);
  const base = () => {
    let query = db
      .selectFrom("v_traffic_conversion")
      .where("day", ">=", range.from)
      .where("day", "<=", range.to);
    if (filters.source) query = query.where("source", "in", slugsOf(filters.source));
    return query.select((eb) => [
      eb.fn.sum<number>("sessions").as("sessions"),
      eb.fn.sum<number>("converted_sessions").as("converted"),
      eb.fn.sum<number>("orders").as("orders"),
      eb.fn.sum<number>("revenue").as("revenue"),
    ]);
  };
  const [totals, bySource, byDay] = await Promise.all([
    base().executeTakeFirst(),
    base().select(["source", "source_name"]).groupBy(["source", "source_name"]).execute(),
    base().select("day").groupBy("day").orderBy("day").execute(),
  ]);
  const sums = (
    r: { sessions?: unknown; converted?: unknown; orders?: unknown; revenue?: unknown } | undefined,
  ) => ({
    sessions: num(r?.sessions),
    convertedSessions: num(r?.converted),
    orders: num(r?.orders),
    revenue: num(r?.revenue),
  });
  return {
    totals: sums(totals),
    bySource: bySource.map((r) => ({ ...sums(r), source: r.source, sourceName: r.source_name })),
    byDay: byDay.map((r) => ({ day: r.day, sessions: num(r.sessions), convertedSessions: num(r.converted) })),
  };
}
