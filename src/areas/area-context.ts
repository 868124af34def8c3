/** What every area builder receives besides its data: the resolved period, comparison and filters. */
import type { Answer, AnswerPeriod } from "../answer/answer.js";
import type { Area } from "../commands/areas.js";
import type { DateRange, ResolvedFilters } from "./area-data.js";

export interface AreaContext {
  readonly area: Area;
  readonly period: AnswerPeriod;
  readonly comparison: DateRange | null;
  readonly filters: ResolvedFilters;
  readonly notes: readonly string[];
}

const AREA_TITLES: Readonly<Record<Area, string>> = {
  users: "Users",
  products: "Products",
  orders: "Orders",
  campaigns: "Campaigns",
  ads: "Ad structure",
  "ad-performance": "Ad performance",
  traffic: "Traffic",
  stock: "Low stock",
  roas: "ROAS",
  ctr: "CTR",
};

/** "platform Meta · campaign Black Friday", or "" without filters. */
export function describeFilters(filters: ResolvedFilters): string {
  const parts: string[] = [];
  if (filters.platform) parts.push(`platform ${filters.platform.name}`);
  if (filters.campaign) parts.push(`campaign ${filters.campaign.name}`);
  if (filters.city) parts.push(`city ${filters.city}`);
  if (filters.category) parts.push(`category ${filters.category.name}`);
  if (filters.source) parts.push(`source ${filters.source.name}`);
  return parts.join(" · ");
}

/** The Answer's frame (area, title, period, comparison, notes); builders add KPIs, tables, charts. */
export function answerFrame(
  context: AreaContext,
  parts: Pick<Answer, "kpis" | "tables" | "charts"> & { notes?: readonly string[] },
): Answer {
  const filters = describeFilters(context.filters);
  const title = [AREA_TITLES[context.area], context.period.label, filters]
    .filter((p) => p !== "")
    .join(" · ");
  return {
    area: context.area,
    title,
    period: context.period,
    comparison: context.comparison ? { from: context.comparison.from, to: context.comparison.to } : null,
    kpis: parts.kpis,
    tables: parts.tables,
    charts: parts.charts,
    notes: [...context.notes, ...(parts.notes ?? [])],
  };
}
