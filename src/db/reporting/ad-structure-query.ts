/** ads (structure) reads v_ad_structure (every ad now) and v_ad_performance (spend in the range). */
import type { AdStructureData, CountAndAmount, DateRange, ResolvedFilters } from "../../areas/area-data.js";
import type { ReportingDb } from "./reporting-db.js";
import { num } from "./sql-helpers.js";

export async function loadAdStructureData(
  db: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<AdStructureData> {
  /** Ads that ran at some point in the range. */
  const live = () => {
    let query = db
      .selectFrom("v_ad_structure")
      .where("start_date", "<=", range.to)
      .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">=", range.from)]));
    if (filters.platform) query = query.where("platform", "=", filters.platform.slug);
    if (filters.campaign) query = query.where("campaign_id", "=", filters.campaign.id);
    return query.select((eb) => [
      eb.fn.countAll<number>().as("count"),
      eb.fn.sum<number>("planned_budget").as("amount"),
    ]);
  };
  const spend = () => {
    let query = db.selectFrom("v_ad_performance").where("day", ">=", range.from).where("day", "<=", range.to);
    if (filters.platform) query = query.where("platform", "=", filters.platform.slug);
    if (filters.campaign) query = query.where("campaign_id", "=", filters.campaign.id);
    return query;
  };
  const [totals, byFormat, byPlatform, byStatus, spendTotal, spendByPlatform] = await Promise.all([
    live().executeTakeFirst(),
    live().select("ad_format as key").groupBy("ad_format").execute(),
    live().select("platform_name as key").groupBy("platform_name").execute(),
    live().select("status as key").groupBy("status").execute(),
    spend()
      .select((eb) => eb.fn.sum<number>("spend").as("spend"))
      .executeTakeFirst(),
    spend()
      .select((eb) => [
        "platform_name as key",
        eb.fn.countAll<number>().as("count"),
        eb.fn.sum<number>("spend").as("amount"),
      ])
      .groupBy("platform_name")
      .execute(),
  ]);
  const rows = (list: { key: string; count: unknown; amount: unknown }[]): CountAndAmount[] =>
    list.map((r) => ({ key: r.key, count: num(r.count), amount: num(r.amount) }));
  const statusCount = (status: string) => num(byStatus.find((r) => r.key === status)?.count);
  return {
    live: num(totals?.count),
    activeNow: statusCount("active"),
    pausedNow: statusCount("paused"),
    endedNow: statusCount("ended"),
    plannedBudget: num(totals?.amount),
    spend: num(spendTotal?.spend),
    byFormat: rows(byFormat),
    byPlatform: rows(byPlatform),
    byStatus: rows(byStatus),
    byPlatformSpend: rows(spendByPlatform),
  };
}
