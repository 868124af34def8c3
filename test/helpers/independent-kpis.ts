/**
 * KPI inputs computed straight from the base tables — never from the views, rollups or
 * derived columns — so that a test comparing them with an Answer checks the whole chain
 * (triggers, procedures, rollups, views, queries, metric definitions).
 */
import type { Connection } from "mysql2/promise";

export interface Range {
  readonly from: string;
  readonly to: string;
}

const PAID = "('paid', 'shipped', 'delivered')";
const inRange = (column: string) => `${column} >= ? AND ${column} < DATE_ADD(?, INTERVAL 1 DAY)`;

async function one(connection: Connection, sql: string, params: unknown[]): Promise<Record<string, number>> {
  const [rows] = await connection.query(sql, params);
  const row = (rows as Record<string, unknown>[])[0] ?? {};
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? 0 : Number(v)]));
}

export interface AdFilter {
  readonly platform?: string;
  readonly campaignId?: number;
}

function adWhere(filter: AdFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter.platform) {
    parts.push("pl.slug = ?");
    params.push(filter.platform);
  }
  if (filter.campaignId !== undefined) {
    parts.push("a.campaign_id = ?");
    params.push(filter.campaignId);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(""), params };
}

/** Funnel counts, spend (CPM: impressions x price / 1000, CPC: clicks x price), attributed revenue and COGS. */
export async function adSums(connection: Connection, range: Range, filter: AdFilter = {}) {
  const where = adWhere(filter);
  const funnel = await one(
    connection,
    `SELECT
       SUM(CASE WHEN i.stage = 'impression' THEN i.event_count ELSE 0 END) AS impressions,
       SUM(CASE WHEN i.stage = 'click' THEN 1 ELSE 0 END) AS clicks,
       SUM(CASE WHEN i.stage = 'lead' THEN 1 ELSE 0 END) AS leads,
       SUM(CASE WHEN i.stage = 'conversion' THEN 1 ELSE 0 END) AS conversions,
       SUM(CASE WHEN p.pricing_model = 'CPM' AND i.stage = 'impression' THEN i.event_count * p.unit_price / 1000
                WHEN p.pricing_model = 'CPC' AND i.stage = 'click' THEN p.unit_price ELSE 0 END) AS spend
     FROM ad_interactions i
     JOIN ads a ON a.ad_id = i.ad_id
     JOIN ad_pricing p ON p.pricing_id = a.pricing_id
     JOIN ad_platforms pl ON pl.platform_id = p.platform_id
     WHERE ${inRange("i.occurred_at")}${where.sql}`,
    [range.from, range.to, ...where.params],
  );
  const sales = await one(
    connection,
    `SELECT SUM(d.quantity * d.unit_price - d.line_discount) AS revenue, SUM(d.quantity * d.unit_cost) AS cogs,
            COUNT(DISTINCT o.order_id) AS orders
     FROM orders o
     JOIN order_details d ON d.order_id = o.order_id
     JOIN ads a ON a.ad_id = o.ad_id
     JOIN ad_pricing p ON p.pricing_id = a.pricing_id
     JOIN ad_platforms pl ON pl.platform_id = p.platform_id
     WHERE o.status IN ${PAID} AND ${inRange("o.ordered_at")}${where.sql}`,
    [range.from, range.to, ...where.params],
  );
  return { ...funnel, ...sales } as Record<
    "impressions" | "clicks" | "leads" | "conversions" | "spend" | "revenue" | "cogs" | "orders",
    number
  >;
}

/** Paid orders in the range (optionally one shipping city): count, items, revenue net of discounts. */
export async function orderSums(connection: Connection, range: Range, city?: string) {
  return (await one(
    connection,
    `SELECT COUNT(DISTINCT o.order_id) AS orders, SUM(d.quantity) AS items,
            SUM(d.quantity * d.unit_price - d.line_discount) AS revenue, SUM(d.line_discount) AS discount
     FROM orders o JOIN order_details d ON d.order_id = o.order_id
     WHERE o.status IN ${PAID} AND ${inRange("o.ordered_at")}${city ? " AND o.city = ?" : ""}`,
    [range.from, range.to, ...(city ? [city] : [])],
  )) as Record<"orders" | "items" | "revenue" | "discount", number>;
}

export async function userCounts(connection: Connection, range: Range, city?: string) {
  const c = city ? " AND u.city = ?" : "";
  const cp = city ? [city] : [];
  return (await one(
    connection,
    `SELECT
       (SELECT COUNT(*) FROM users u WHERE u.signup_date <= ?${c}) AS users,
       (SELECT COUNT(*) FROM users u WHERE u.signup_date BETWEEN ? AND ?${c}) AS new_users,
       (SELECT COUNT(DISTINCT s.user_id) FROM sessions s JOIN users u ON u.user_id = s.user_id
         WHERE ${inRange("s.started_at")}${c}) AS active_users`,
    [range.to, ...cp, range.from, range.to, ...cp, range.from, range.to, ...cp],
  )) as Record<"users" | "new_users" | "active_users", number>;
}

/** Sessions in the range, those holding a paid order, and those orders (optionally one traffic source). */
export async function trafficSums(connection: Connection, range: Range, source?: string) {
  const s = source ? " AND t.slug = ?" : "";
  return (await one(
    connection,
    `SELECT COUNT(*) AS sessions, SUM(x.orders > 0) AS converted, SUM(x.orders) AS orders, SUM(x.revenue) AS revenue
     FROM (
       SELECT se.session_id,
         (SELECT COUNT(*) FROM orders o WHERE o.session_id = se.session_id AND o.status IN ${PAID}) AS orders,
         (SELECT COALESCE(SUM(d.quantity * d.unit_price - d.line_discount), 0) FROM orders o
            JOIN order_details d ON d.order_id = o.order_id
            WHERE o.session_id = se.session_id AND o.status IN ${PAID}) AS revenue
       FROM sessions se JOIN traffic_sources t ON t.source_id = se.source_id
       WHERE ${inRange("se.started_at")}${s}) x`,
    [range.from, range.to, ...(source ? [source] : [])],
  )) as Record<"sessions" | "converted" | "orders" | "revenue", number>;
}

export async function productCounts(connection: Connection, range: Range) {
  return (await one(
    connection,
    `SELECT
       (SELECT COUNT(*) FROM products WHERE is_active = 1) AS products,
       (SELECT SUM(stock_qty) FROM products WHERE is_active = 1) AS stock_units,
       (SELECT SUM(stock_qty * unit_cost) FROM products WHERE is_active = 1) AS stock_value,
       (SELECT COUNT(*) FROM products WHERE is_active = 1 AND stock_qty <= reorder_level AND stock_qty > 0) AS low,
       (SELECT COUNT(*) FROM products WHERE is_active = 1 AND stock_qty = 0) AS out_of_stock,
       (SELECT SUM(d.quantity) FROM orders o JOIN order_details d ON d.order_id = o.order_id
         WHERE o.status IN ${PAID} AND ${inRange("o.ordered_at")}) AS units_sold`,
    [range.from, range.to],
  )) as Record<"products" | "stock_units" | "stock_value" | "low" | "out_of_stock" | "units_sold", number>;
}

/** Ads that ran at some point in the range: count and planned budget. */
export async function adStructureCounts(connection: Connection, range: Range) {
  return (await one(
    connection,
    `SELECT COUNT(*) AS ads, SUM(planned_budget) AS planned_budget,
            SUM(status = 'active') AS active, SUM(status = 'paused') AS paused
     FROM ads WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?)`,
    [range.to, range.from],
  )) as Record<"ads" | "planned_budget" | "active" | "paused", number>;
}
