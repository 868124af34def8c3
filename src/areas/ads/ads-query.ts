/**
 * ads (structure) reads v_ad_structure (every ad now; one scan grouped by format, platform and
 * status, added up here) and spend in the range by platform: v_platform_daily, or
 * v_campaign_daily when one campaign is asked for.
 */
import { sql } from "kysely";
import { type ReportingDb, withViews } from "../../db/reporting/reporting-views.js";
import { num, rollupOrFiner } from "../../db/reporting/sql-helpers.js";
import type { AdViews } from "../ad-data/ad-views.js";
import type { DateRange } from "../area-module.js";
import type { CountAndAmount } from "../area-series.js";
import { campaignIdsOf, type ResolvedFilters, slugsOf } from "../filters/filter-types.js";
import type { AdStructureData } from "./ads-data.js";

interface Cell {
  readonly format: string;
  readonly platform: string;
  readonly status: string;
  readonly count: number;
  readonly amount: number;
}

/** Sums cells by one key; amounts rounded to cents like SQL's SUM of DECIMAL(.,2). */
function sumBy(cells: readonly Cell[], key: (cell: Cell) => string): CountAndAmount[] {
  const groups = new Map<string, { count: number; amount: number }>();
  for (const cell of cells) {
    const group = groups.get(key(cell)) ?? { count: 0, amount: 0 };
    group.count += cell.count;
    group.amount += cell.amount;
    groups.set(key(cell), group);
  }
  return [...groups].map(([k, g]) => ({ key: k, count: g.count, amount: Number(g.amount.toFixed(2)) }));
}

export async function loadAdStructureData(
  reporting: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<AdStructureData> {
  const db = withViews<AdViews>(reporting);
  /** Ads that ran at some point in the range, by format, platform and status. */
  let live = db
    .selectFrom("v_ad_structure")
    .where("start_date", "<=", range.to)
    .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">=", range.from)]));
  if (filters.platform) live = live.where("platform", "in", slugsOf(filters.platform));
  if (filters.campaign) live = live.where("campaign_id", "in", campaignIdsOf(filters.campaign));
  let spend = db
    .selectFrom(rollupOrFiner("v_platform_daily", "v_campaign_daily", filters.campaign !== undefined))
    .where("day", ">=", range.from)
    .where("day", "<=", range.to);
  if (filters.campaign) spend = spend.where(sql.ref("campaign_id"), "in", campaignIdsOf(filters.campaign));
  if (filters.platform) spend = spend.where("platform", "in", slugsOf(filters.platform));
  const [liveCells, spendRows] = await Promise.all([
    live
      .select((eb) => [
        "ad_format",
        "platform_name",
        "status",
        eb.fn.countAll<number>().as("count"),
        eb.fn.sum<number>("planned_budget").as("amount"),
      ])
      .groupBy(["ad_format", "platform_name", "status"])
      .execute(),
    spend
      .select((eb) => ["platform_name", eb.fn.sum<number>("spend").as("amount")])
      .groupBy("platform_name")
      .execute(),
  ]);
  const cells: Cell[] = liveCells.map((r) => ({
    format: r.ad_format,
    platform: r.platform_name,
    status: r.status,
    count: num(r.count),
    amount: num(r.amount),
  }));
  const [totals] = sumBy(cells, () => "");
  const byStatus = sumBy(cells, (c) => c.status);
  const statusCount = (status: string) => byStatus.find((r) => r.key === status)?.count ?? 0;
  const spendByPlatform = spendRows.map((r) => ({ key: r.platform_name, amount: num(r.amount) }));
  return {
    live: totals?.count ?? 0,
    activeNow: statusCount("active"),
    pausedNow: statusCount("paused"),
    endedNow: statusCount("ended"),
    plannedBudget: totals?.amount ?? 0,
    spend: Number(spendByPlatform.reduce((sum, r) => sum + r.amount, 0).toFixed(7)),
    byFormat: sumBy(cells, (c) => c.format),
    byPlatform: sumBy(cells, (c) => c.platform),
    byStatus,
    byPlatformSpend: spendByPlatform,
  };
}
