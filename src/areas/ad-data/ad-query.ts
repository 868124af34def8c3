/**
 * campaigns, ad-performance, roas and ctr read v_campaign_daily (day x campaign x platform,
 * agg_campaign_daily): one scan per period grouped by campaign and platform, from which the
 * totals, per-campaign and per-platform sums are added up. Formats come from v_format_daily
 * (day x platform x format), or per ad from v_ad_performance when one campaign is asked for
 * (a campaign's few ads, found through the rollup's ad index).
 */
import { sql } from "kysely";
import { type ReportingDb, type ViewsDb, withViews } from "../../db/reporting/reporting-views.js";
import { num, rollupOrFiner } from "../../db/reporting/sql-helpers.js";
import type { DateRange } from "../area-module.js";
import { campaignIdsOf, type ResolvedFilters, slugsOf } from "../filters/filter-types.js";
import type { AdData, AdSums } from "./ad-data.js";
import type { AdViews } from "./ad-views.js";

export type AdDb = ViewsDb<AdViews>;

/** The summed columns and their decimal places in the rollup (agg_ad_daily). */
const SUM_SCALES = {
  impressions: 0,
  clicks: 0,
  leads: 0,
  conversions: 0,
  spend: 7,
  orders: 0,
  revenue: 2,
  cogs: 2,
} as const satisfies Record<keyof AdSums, number>;
type SumColumn = keyof AdSums;
const SUM_COLUMNS = Object.keys(SUM_SCALES) as SumColumn[];

/** A row's sums as numbers (0 for a missing one: SUM over no rows). */
function adSums(row: Partial<Record<SumColumn, unknown>> | undefined): AdSums {
  return Object.fromEntries(SUM_COLUMNS.map((c) => [c, num(row?.[c])])) as Record<SumColumn, number>;
}

/** Adds sums up; each column rounded to its SQL scale, so the result equals SQL's exact SUM. */
export function addSums(rows: readonly AdSums[]): AdSums {
  const total = adSums(undefined) as Record<SumColumn, number>;
  for (const row of rows) for (const c of SUM_COLUMNS) total[c] += row[c];
  for (const c of SUM_COLUMNS) total[c] = Number(total[c].toFixed(SUM_SCALES[c]));
  return total;
}

function groupSums<K, R>(rows: readonly (AdSums & R)[], key: (row: R) => K): Array<[R, AdSums]> {
  const groups = new Map<K, { first: R; rows: AdSums[] }>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k) ?? { first: row, rows: [] };
    group.rows.push(row);
    groups.set(k, group);
  }
  return [...groups.values()].map((g) => [g.first, addSums(g.rows)]);
}

/** The ad sums of v_campaign_daily over a range and filters (callers add their grouping). */
export function campaignDaily(db: AdDb, range: DateRange, filters: ResolvedFilters) {
  let query = db.selectFrom("v_campaign_daily").where("day", ">=", range.from).where("day", "<=", range.to);
  if (filters.platform) query = query.where("platform", "in", slugsOf(filters.platform));
  if (filters.campaign) query = query.where("campaign_id", "in", campaignIdsOf(filters.campaign));
  return query.select((eb) => SUM_COLUMNS.map((c) => eb.fn.sum<number>(c).as(c)));
}

/** Sums by ad format: per ad (v_ad_performance) for one campaign, else the format rollup. */
function byFormat(db: AdDb, range: DateRange, filters: ResolvedFilters) {
  const view = rollupOrFiner("v_format_daily", "v_ad_performance", filters.campaign !== undefined);
  let query = db.selectFrom(view).where("day", ">=", range.from).where("day", "<=", range.to);
  if (filters.campaign) query = query.where(sql.ref("campaign_id"), "in", campaignIdsOf(filters.campaign));
  if (filters.platform) query = query.where("platform", "in", slugsOf(filters.platform));
  return query
    .select((eb) => SUM_COLUMNS.map((c) => eb.fn.sum<number>(c).as(c)))
    .select("ad_format")
    .groupBy("ad_format")
    .execute();
}

export async function loadAdData(
  reporting: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<AdData> {
  const db = withViews<AdViews>(reporting);
  const [cells, formats] = await Promise.all([
    campaignDaily(db, range, filters)
      .select(["campaign_id", "campaign", "platform", "platform_name"])
      .groupBy(["campaign_id", "campaign", "platform", "platform_name"])
      .execute(),
    byFormat(db, range, filters),
  ]);
  const rows = cells.map((r) => ({
    ...adSums(r),
    campaignId: r.campaign_id,
    campaign: r.campaign,
    platform: r.platform,
    platformName: r.platform_name,
  }));
  return {
    totals: addSums(rows),
    byCampaign: groupSums(rows, (r) => r.campaignId).map(([r, sums]) => ({
      ...sums,
      campaignId: r.campaignId,
      campaign: r.campaign,
    })),
    byPlatform: groupSums(rows, (r) => r.platform).map(([r, sums]) => ({
      ...sums,
      platform: r.platform,
      platformName: r.platformName,
    })),
    byFormat: formats.map((r) => ({ ...adSums(r), format: r.ad_format })),
  };
}
