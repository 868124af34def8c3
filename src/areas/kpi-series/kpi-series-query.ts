/**
 * One query per (source, filters, range): the sums of every KPI of the source, per day. The
 * ad source reads v_platform_daily (day × platform), or v_campaign_daily with a campaign
 * filter; orders read v_orders_city_daily, or v_orders_daily with a source filter; traffic
 * reads v_traffic_conversion; signups v_signups_by_profile_daily (one row per user and day
 * under the gender dimension, city '' for all cities).
 */
import { sql } from "kysely";
import { type ReportingDb, withViews } from "../../db/reporting/reporting-views.js";
import { num, rollupOrFiner } from "../../db/reporting/sql-helpers.js";
import type { AdViews } from "../ad-data/ad-views.js";
import type { DateRange } from "../area-module.js";
import { campaignIdsOf, type ResolvedFilters, slugsOf } from "../filters/filter-types.js";
import type { OrdersViews } from "../orders/orders-views.js";
import type { TrafficViews } from "../traffic/traffic-views.js";
import { ALL_CITIES } from "../users/users-query.js";
import type { UserViews } from "../users/users-views.js";
import type { DaySums, KpiSource } from "./kpi-sources.js";

type Row = { day: string } & Record<string, unknown>;

const toDays = (rows: readonly Row[], columns: readonly string[]): Map<string, DaySums> =>
  new Map(rows.map((r) => [String(r.day), Object.fromEntries(columns.map((c) => [c, num(r[c])]))]));

const AD_COLUMNS = ["spend", "impressions", "clicks", "leads", "conversions", "revenue", "cogs"] as const;

async function adDays(reporting: ReportingDb, range: DateRange, filters: ResolvedFilters) {
  const db = withViews<AdViews>(reporting);
  const view = rollupOrFiner("v_platform_daily", "v_campaign_daily", filters.campaign !== undefined);
  let query = db.selectFrom(view).where("day", ">=", range.from).where("day", "<=", range.to);
  if (filters.platform) query = query.where("platform", "in", slugsOf(filters.platform));
  if (filters.campaign) query = query.where(sql.ref("campaign_id"), "in", campaignIdsOf(filters.campaign));
  const rows = await query
    .select((eb) => ["day", ...AD_COLUMNS.map((c) => eb.fn.sum<number>(c).as(c))])
    .groupBy("day")
    .execute();
  return toDays(rows, AD_COLUMNS);
}

async function orderDays(reporting: ReportingDb, range: DateRange, filters: ResolvedFilters) {
  const db = withViews<OrdersViews>(reporting);
  const view = rollupOrFiner("v_orders_city_daily", "v_orders_daily", filters.source !== undefined);
  let query = db.selectFrom(view).where("day", ">=", range.from).where("day", "<=", range.to);
  if (filters.city) query = query.where("city", "in", filters.city.values);
  if (filters.source) query = query.where(sql.ref("source"), "in", slugsOf(filters.source));
  const rows = await query
    .select((eb) => [
      "day",
      eb.fn.sum<number>("orders_paid").as("orders"),
      eb.fn.sum<number>("revenue").as("revenue"),
    ])
    .groupBy("day")
    .execute();
  return toDays(rows, ["orders", "revenue"]);
}

async function trafficDays(reporting: ReportingDb, range: DateRange, filters: ResolvedFilters) {
  const db = withViews<TrafficViews>(reporting);
  let query = db
    .selectFrom("v_traffic_conversion")
    .where("day", ">=", range.from)
    .where("day", "<=", range.to);
  if (filters.source) query = query.where("source", "in", slugsOf(filters.source));
  const rows = await query
    .select((eb) => [
      "day",
      eb.fn.sum<number>("sessions").as("sessions"),
      eb.fn.sum<number>("converted_sessions").as("converted_sessions"),
    ])
    .groupBy("day")
    .execute();
  return toDays(rows, ["sessions", "converted_sessions"]);
}

async function signupDays(reporting: ReportingDb, range: DateRange, filters: ResolvedFilters) {
  const db = withViews<UserViews>(reporting);
  const rows = await db
    .selectFrom("v_signups_by_profile_daily")
    .where("city", "in", filters.city?.values ?? [ALL_CITIES])
    .where("dimension", "=", "gender")
    .where("day", ">=", range.from)
    .where("day", "<=", range.to)
    .select((eb) => ["day", eb.fn.sum<number>("users").as("users")])
    .groupBy("day")
    .execute();
  return toDays(rows, ["users"]);
}

const LOADERS: Record<
  KpiSource,
  (db: ReportingDb, range: DateRange, filters: ResolvedFilters) => Promise<Map<string, DaySums>>
> = { ads: adDays, orders: orderDays, traffic: trafficDays, signups: signupDays };

/** The source's sums per day with data in the range (a day without rows is absent). */
export function loadDaySums(
  db: ReportingDb,
  source: KpiSource,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<Map<string, DaySums>> {
  return LOADERS[source](db, range, filters);
}
