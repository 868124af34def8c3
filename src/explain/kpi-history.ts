/**
 * A KPI's values over earlier ranges (what a digest's movers are judged against), from one
 * read of the family's daily rollup over the span of all the ranges: each range's sums are
 * added up from its days and the KPI computed from them as `explain` defines it (sums, or
 * ratios of sums; null where a ratio has no denominator).
 */
import type { ExplainRequest, Query } from "../answer/query.js";
import type { AreaContext, DateRange, Reader } from "../areas/area-module.js";
import { familyOfArea, type KpiSpec, type Sums } from "../areas/explain-families.js";
import { DAILY_LOADS, type DailySums } from "./member-queries.js";

function valueOver(spec: KpiSpec, days: DailySums, range: DateRange): number | null {
  const total: Record<string, number> = {};
  for (const [day, sums] of days) {
    if (day < range.from || day > range.to) continue;
    for (const [k, v] of Object.entries(sums)) total[k] = (total[k] ?? 0) + v;
  }
  const sums = total as Sums;
  if (spec.kind === "additive") return spec.sum(sums);
  const denominator = spec.denominator(sums);
  return denominator === 0 ? null : (spec.numerator(sums) / denominator) * (spec.scale ?? 1);
}

/** Each KPI's value in each range, by key; KPIs `explain` does not know are left out. */
export async function kpiHistory(
  context: AreaContext,
  kpis: readonly ExplainRequest["kpi"][],
  ranges: readonly DateRange[],
  read: Reader,
): Promise<Map<string, (number | null)[]>> {
  const family = familyOfArea((context.query as Query).area);
  const out = new Map<string, (number | null)[]>();
  if (!family || ranges.length === 0) return out;
  const froms = ranges.map((r) => r.from).sort();
  const tos = ranges.map((r) => r.to).sort();
  const span = { from: froms[0] as string, to: tos[tos.length - 1] as string };
  const days = await read((db) => DAILY_LOADS[family.family](db, span, context.filters));
  for (const kpi of kpis) {
    const spec = family.kpis[kpi];
    if (spec)
      out.set(
        kpi,
        ranges.map((range) => valueOver(spec, days, range)),
      );
  }
  return out;
}
