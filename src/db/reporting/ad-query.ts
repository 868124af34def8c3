/** campaigns, ad-performance, roas and ctr read v_campaign_daily (day x campaign x platform). */
import type { AdData, AdSums, DateRange, ResolvedFilters } from "../../areas/area-data.js";
import type { ReportingDb } from "./reporting-db.js";
import { num } from "./sql-helpers.js";

const SUM_COLUMNS = [
  "impressions",
  "clicks",
  "leads",
  "conversions",
  "spend",
  "orders",
  "revenue",
  "cogs",
] as const;

function adSums(row: Partial<Record<(typeof SUM_COLUMNS)[number], unknown>> | undefined): AdSums {
  return {
    impressions: num(row?.impressions),
    clicks: num(row?.clicks),
    leads: num(row?.leads),
    conversions: num(row?.conversions),
    spend: num(row?.spend),
    orders: num(row?.orders),
    revenue: num(row?.revenue),
    cogs: num(row?.cogs),
  };
}

function campaignDaily(db: ReportingDb, range: DateRange, filters: ResolvedFilters) {
  let query = db.selectFrom("v_campaign_daily").where("day", ">=", range.from).where("day", "<=", range.to);
  if (filters.platform) query = query.where("platform", "=", filters.platform.slug);
  if (filters.campaign) query = query.where("campaign_id", "=", filters.campaign.id);
  return query.select((eb) => SUM_COLUMNS.map((c) => eb.fn.sum<number>(c).as(c)));
}

function adPerformance(db: ReportingDb, range: DateRange, filters: ResolvedFilters) {
  let query = db.selectFrom("v_ad_performance").where("day", ">=", range.from).where("day", "<=", range.to);
  if (filters.platform) query = query.where("platform", "=", filters.platform.slug);
  if (filters.campaign) query = query.where("campaign_id", "=", filters.campaign.id);
  return query.select((eb) => SUM_COLUMNS.map((c) => eb.fn.sum<number>(c).as(c)));
}

export async function loadAdData(
  db: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<AdData> {
  const [totals, byCampaign, byPlatform, byFormat] = await Promise.all([
    campaignDaily(db, range, filters).executeTakeFirst(),
    campaignDaily(db, range, filters)
      .select(["campaign_id", "campaign"])
      .groupBy(["campaign_id", "campaign"])
      .execute(),
    campaignDaily(db, range, filters)
      .select(["platform", "platform_name"])
      .groupBy(["platform", "platform_name"])
      .execute(),
    adPerformance(db, range, filters).select("ad_format").groupBy("ad_format").execute(),
  ]);
  return {
    totals: adSums(totals),
    byCampaign: byCampaign.map((r) => ({ ...adSums(r), campaignId: r.campaign_id, campaign: r.campaign })),
    byPlatform: byPlatform.map((r) => ({
      ...adSums(r),
      platform: r.platform,
      platformName: r.platform_name,
    })),
    byFormat: byFormat.map((r) => ({ ...adSums(r), format: r.ad_format })),
  };
}
