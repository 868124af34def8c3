/**
 * The sums of each member of each dimension over one range, read from the rollup views only:
 * the ad areas' own load (v_campaign_daily grouped by campaign and platform, v_format_daily by
 * format); orders from v_orders_city_daily by city and payment method (v_orders_daily when a
 * source is asked for) and v_orders_daily by source; traffic from v_sessions_daily by source
 * and device.
 */
import { sql } from "kysely";
import type { AdSums } from "../areas/ad-data/ad-data.js";
import { loadAdData } from "../areas/ad-data/ad-load.js";
import type { AdViews } from "../areas/ad-data/ad-views.js";
import type { DateRange } from "../areas/area-module.js";
import type { Dimension, ExplainFamily, Sums } from "../areas/explain-families.js";
import { campaignIdsOf, type ResolvedFilters, slugsOf } from "../areas/filters/filter-types.js";
import type { OrdersViews } from "../areas/orders/orders-views.js";
import { type ReportingDb, withViews } from "../db/reporting/reporting-views.js";
import { num } from "../db/reporting/sql-helpers.js";

export interface MemberRow {
  readonly key: string;
  readonly label: string;
  readonly sums: Sums;
}

export type MembersByDimension = Partial<Record<Dimension, readonly MemberRow[]>>;

const adSums = (s: AdSums): Sums => ({ ...s });

async function adMembers(
  db: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<MembersByDimension> {
  const data = await loadAdData(db, range, filters);
  return {
    platform: data.byPlatform.map((p) => ({ key: p.platform, label: p.platformName, sums: adSums(p) })),
    campaign: data.byCampaign.map((c) => ({ key: String(c.campaignId), label: c.campaign, sums: adSums(c) })),
    format: data.byFormat.map((f) => ({ key: f.format, label: f.format, sums: adSums(f) })),
  };
}

interface SessionsDailyRow {
  day: string;
  source: string;
  device: string;
  sessions: number;
  converted_sessions: number;
  orders: number;
  revenue: number;
}

type MemberViews = OrdersViews & { v_sessions_daily: SessionsDailyRow };

const ORDER_SUMS = ["orders_paid", "items", "discount", "revenue"] as const;

function orderSums(row: Record<string, unknown>): Sums {
  return {
    orders: num(row.orders_paid),
    items: num(row.items),
    discount: num(row.discount),
    revenue: num(row.revenue),
  };
}

/** Members of one grouping, their sums added up per member. */
function membersOf(
  rows: readonly Record<string, unknown>[],
  column: string,
  sums: (r: Record<string, unknown>) => Sums,
): MemberRow[] {
  const byKey = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const key = String(row[column]);
    const into = byKey.get(key) ?? {};
    for (const [k, v] of Object.entries(sums(row))) into[k] = (into[k] ?? 0) + v;
    byKey.set(key, into);
  }
  return [...byKey].map(([key, s]) => ({ key, label: key, sums: s }));
}

async function orderMembers(
  reporting: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<MembersByDimension> {
  const db = withViews<MemberViews>(reporting);
  const bySource = filters.source !== undefined;
  const scan = (view: "v_orders_city_daily" | "v_orders_daily") => {
    let query = db.selectFrom(view).where("day", ">=", range.from).where("day", "<=", range.to);
    if (filters.city) query = query.where("city", "in", filters.city.values);
    if (filters.source) query = query.where(sql.ref("source"), "in", slugsOf(filters.source));
    return query.select((eb) => ORDER_SUMS.map((c) => eb.fn.sum<number>(c).as(c)));
  };
  const [cells, sources] = await Promise.all([
    scan(bySource ? ("v_orders_daily" as "v_orders_city_daily") : "v_orders_city_daily")
      .select(["city", "payment_method"])
      .groupBy(["city", "payment_method"])
      .execute(),
    scan("v_orders_daily" as "v_orders_city_daily")
      .select(sql<string>`source`.as("source"))
      .groupBy(sql`source`)
      .execute(),
  ]);
  const rows = cells as unknown as Record<string, unknown>[];
  return {
    city: membersOf(rows, "city", orderSums),
    payment_method: membersOf(rows, "payment_method", orderSums),
    source: membersOf(sources as unknown as Record<string, unknown>[], "source", orderSums),
  };
}

async function trafficMembers(
  reporting: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<MembersByDimension> {
  const db = withViews<MemberViews>(reporting);
  let query = db.selectFrom("v_sessions_daily").where("day", ">=", range.from).where("day", "<=", range.to);
  if (filters.source) query = query.where("source", "in", slugsOf(filters.source));
  const cells = await query
    .select((eb) => [
      "source",
      "device",
      eb.fn.sum<number>("sessions").as("sessions"),
      eb.fn.sum<number>("converted_sessions").as("converted_sessions"),
      eb.fn.sum<number>("orders").as("orders"),
      eb.fn.sum<number>("revenue").as("revenue"),
    ])
    .groupBy(["source", "device"])
    .execute();
  const sums = (r: Record<string, unknown>): Sums => ({
    sessions: num(r.sessions),
    converted_sessions: num(r.converted_sessions),
    orders: num(r.orders),
    revenue: num(r.revenue),
  });
  const rows = cells as unknown as Record<string, unknown>[];
  return { source: membersOf(rows, "source", sums), device: membersOf(rows, "device", sums) };
}

export const MEMBER_LOADS: Readonly<
  Record<
    ExplainFamily,
    (db: ReportingDb, range: DateRange, filters: ResolvedFilters) => Promise<MembersByDimension>
  >
> = { ads: adMembers, orders: orderMembers, traffic: trafficMembers };

/** Sums per day over a range (one row per day with data): what movers judge a KPI's history on. */
export type DailySums = ReadonlyMap<string, Sums>;

async function adDaily(
  reporting: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<DailySums> {
  const db = withViews<AdViews>(reporting);
  let query = db.selectFrom("v_campaign_daily").where("day", ">=", range.from).where("day", "<=", range.to);
  if (filters.platform) query = query.where("platform", "in", slugsOf(filters.platform));
  if (filters.campaign) query = query.where("campaign_id", "in", campaignIdsOf(filters.campaign));
  const cols = [
    "impressions",
    "clicks",
    "leads",
    "conversions",
    "spend",
    "orders",
    "revenue",
    "cogs",
  ] as const;
  const rows = await query
    .select((eb) => [
      sql<string>`DATE_FORMAT(day, '%Y-%m-%d')`.as("d"),
      ...cols.map((c) => eb.fn.sum<number>(c).as(c)),
    ])
    .groupBy("day")
    .execute();
  return new Map(rows.map((r) => [String(r.d), Object.fromEntries(cols.map((c) => [c, num(r[c])]))]));
}

async function orderDaily(
  reporting: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<DailySums> {
  const db = withViews<MemberViews>(reporting);
  const view = filters.source ? ("v_orders_daily" as "v_orders_city_daily") : "v_orders_city_daily";
  let query = db.selectFrom(view).where("day", ">=", range.from).where("day", "<=", range.to);
  if (filters.city) query = query.where("city", "in", filters.city.values);
  if (filters.source) query = query.where(sql.ref("source"), "in", slugsOf(filters.source));
  const rows = await query
    .select((eb) => [
      sql<string>`DATE_FORMAT(day, '%Y-%m-%d')`.as("d"),
      ...ORDER_SUMS.map((c) => eb.fn.sum<number>(c).as(c)),
    ])
    .groupBy("day")
    .execute();
  return new Map(rows.map((r) => [String(r.d), orderSums(r as unknown as Record<string, unknown>)]));
}

async function trafficDaily(
  reporting: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<DailySums> {
  const db = withViews<MemberViews>(reporting);
  let query = db.selectFrom("v_sessions_daily").where("day", ">=", range.from).where("day", "<=", range.to);
  if (filters.source) query = query.where("source", "in", slugsOf(filters.source));
  const cols = ["sessions", "converted_sessions", "orders", "revenue"] as const;
  const rows = await query
    .select((eb) => [
      sql<string>`DATE_FORMAT(day, '%Y-%m-%d')`.as("d"),
      ...cols.map((c) => eb.fn.sum<number>(c).as(c)),
    ])
    .groupBy("day")
    .execute();
  return new Map(rows.map((r) => [String(r.d), Object.fromEntries(cols.map((c) => [c, num(r[c])]))]));
}

export const DAILY_LOADS: Readonly<
  Record<ExplainFamily, (db: ReportingDb, range: DateRange, filters: ResolvedFilters) => Promise<DailySums>>
> = { ads: adDaily, orders: orderDaily, traffic: trafficDaily };
