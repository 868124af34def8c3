/**
 * The sums of each member of each dimension over one range, and the sums per day (a KPI's
 * history), read from the rollup views only: the ad areas' own queries (v_campaign_daily
 * grouped by campaign and platform, v_format_daily by format); orders from v_orders_city_daily
 * by city and payment method (v_orders_daily when a source is asked for) and v_orders_daily by
 * source; traffic from v_sessions_daily by source and device.
 */
import { type SelectQueryBuilder, sql } from "kysely";
import { codeLabel } from "../answer/code-labels.js";
import type { AdSums } from "../areas/ad-data/ad-data.js";
import { loadAdData } from "../areas/ad-data/ad-load.js";
import { type AdDb, campaignDaily } from "../areas/ad-data/ad-query.js";
import type { AdViews } from "../areas/ad-data/ad-views.js";
import type { DateRange } from "../areas/area-module.js";
import type { Dimension, ExplainFamily, Sums } from "../areas/explain-families.js";
import { type ResolvedFilters, slugsOf } from "../areas/filters/filter-types.js";
import type { OrdersViews } from "../areas/orders/orders-views.js";
import { type ReportingDb, withViews } from "../db/reporting/reporting-views.js";
import { num } from "../db/reporting/sql-helpers.js";

export interface MemberRow {
  readonly key: string;
  readonly label: string;
  readonly sums: Sums;
}

export type MembersByDimension = Partial<Record<Dimension, readonly MemberRow[]>>;

/** Sums per day over a range (one row per day with data): what movers judge a KPI's history on. */
export type DailySums = ReadonlyMap<string, Sums>;

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
type Row = Record<string, unknown>;

const AD_SUMS = [
  "impressions",
  "clicks",
  "leads",
  "conversions",
  "spend",
  "orders",
  "revenue",
  "cogs",
] as const;
const ORDER_SUMS = ["orders_paid", "items", "discount", "revenue"] as const;
const SESSION_SUMS = ["sessions", "converted_sessions", "orders", "revenue"] as const;

const sumsOf =
  (columns: readonly string[], rename: Readonly<Record<string, string>> = {}) =>
  (row: Row): Sums =>
    Object.fromEntries(columns.map((c) => [rename[c] ?? c, num(row[c])]));
const adSums = sumsOf(AD_SUMS);
const orderSums = sumsOf(ORDER_SUMS, { orders_paid: "orders" });
const sessionSums = sumsOf(SESSION_SUMS);

/** Members of one grouping, their sums added up per member; stored codes (`paid_social`) read as words. */
function membersOf(rows: readonly Row[], column: string, sums: (r: Row) => Sums): MemberRow[] {
  const byKey = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const key = String(row[column]);
    const into = byKey.get(key) ?? {};
    for (const [k, v] of Object.entries(sums(row))) into[k] = (into[k] ?? 0) + v;
    byKey.set(key, into);
  }
  return [...byKey].map(([key, s]) => ({ key, label: codeLabel(key), sums: s }));
}

// biome-ignore lint/suspicious/noExplicitAny: the three scans differ in their views; only their sums and day are read.
type Scan = SelectQueryBuilder<any, any, any>;

/** One row per day of a scan that selects its sums. */
async function byDay(summed: Scan, sums: (r: Row) => Sums): Promise<DailySums> {
  const rows = (await summed
    .select(sql<string>`DATE_FORMAT(day, '%Y-%m-%d')`.as("d"))
    .groupBy("day")
    .execute()) as Row[];
  return new Map(rows.map((r) => [String(r.d), sums(r)]));
}

const summing = (scan: Scan, columns: readonly string[]) =>
  scan.select((eb) => columns.map((c) => eb.fn.sum<number>(c).as(c)));

function ordersScan(reporting: ReportingDb, range: DateRange, filters: ResolvedFilters, withSource: boolean) {
  const db = withViews<MemberViews>(reporting);
  const view = withSource ? ("v_orders_daily" as "v_orders_city_daily") : "v_orders_city_daily";
  let query = db.selectFrom(view).where("day", ">=", range.from).where("day", "<=", range.to);
  if (filters.city) query = query.where("city", "in", filters.city.values);
  if (filters.source) query = query.where(sql.ref("source"), "in", slugsOf(filters.source));
  return query;
}

function sessionsScan(reporting: ReportingDb, range: DateRange, filters: ResolvedFilters) {
  const db = withViews<MemberViews>(reporting);
  let query = db.selectFrom("v_sessions_daily").where("day", ">=", range.from).where("day", "<=", range.to);
  if (filters.source) query = query.where("source", "in", slugsOf(filters.source));
  return query;
}

async function adMembers(
  db: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<MembersByDimension> {
  const data = await loadAdData(db, range, filters);
  const sums = (s: AdSums): Sums => ({ ...s });
  return {
    platform: data.byPlatform.map((p) => ({ key: p.platform, label: p.platformName, sums: sums(p) })),
    campaign: data.byCampaign.map((c) => ({ key: String(c.campaignId), label: c.campaign, sums: sums(c) })),
    format: data.byFormat.map((f) => ({ key: f.format, label: f.format, sums: sums(f) })),
  };
}

async function orderMembers(
  db: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<MembersByDimension> {
  const summed = (withSource: boolean) => summing(ordersScan(db, range, filters, withSource), ORDER_SUMS);
  const [cells, sources] = await Promise.all([
    summed(filters.source !== undefined)
      .select(["city", "payment_method"])
      .groupBy(["city", "payment_method"])
      .execute(),
    summed(true).select(sql<string>`source`.as("source")).groupBy(sql`source`).execute(),
  ]);
  const rows = cells as unknown as Row[];
  return {
    city: membersOf(rows, "city", orderSums),
    payment_method: membersOf(rows, "payment_method", orderSums),
    source: membersOf(sources as unknown as Row[], "source", orderSums),
  };
}

async function trafficMembers(
  db: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<MembersByDimension> {
  const cells = await summing(sessionsScan(db, range, filters), SESSION_SUMS)
    .select(["source", "device"])
    .groupBy(["source", "device"])
    .execute();
  const rows = cells as unknown as Row[];
  return { source: membersOf(rows, "source", sessionSums), device: membersOf(rows, "device", sessionSums) };
}

type Load<T> = (db: ReportingDb, range: DateRange, filters: ResolvedFilters) => Promise<T>;

export const MEMBER_LOADS: Readonly<Record<ExplainFamily, Load<MembersByDimension>>> = {
  ads: adMembers,
  orders: orderMembers,
  traffic: trafficMembers,
};

export const DAILY_LOADS: Readonly<Record<ExplainFamily, Load<DailySums>>> = {
  ads: (db, range, filters) => byDay(campaignDaily(withViews<AdViews>(db) as AdDb, range, filters), adSums),
  orders: (db, range, filters) =>
    byDay(summing(ordersScan(db, range, filters, filters.source !== undefined), ORDER_SUMS), orderSums),
  traffic: (db, range, filters) =>
    byDay(summing(sessionsScan(db, range, filters), SESSION_SUMS), sessionSums),
};
