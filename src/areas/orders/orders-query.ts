/**
 * orders reads v_orders_city_daily (day x city x payment method), or v_orders_daily (which adds
 * the traffic source, ~8x the rows) when a source is asked for; top products rank
 * v_product_daily (no name joins per row), or v_product_city_source_daily when a city or a
 * source is asked for, and then look up the ten names.
 */
import { sql } from "kysely";
import { type ReportingDb, type ViewsDb, withViews } from "../../db/reporting/reporting-views.js";
import { num, rollupOrFiner } from "../../db/reporting/sql-helpers.js";
import type { DateRange } from "../area-module.js";
import { type ResolvedFilters, slugsOf } from "../filters/filter-types.js";
import type { ProductViews } from "../products/products-views.js";
import type { OrderSums, OrdersData, OrdersPrior } from "./orders-data.js";
import type { OrdersViews } from "./orders-views.js";

type OrdersDb = ViewsDb<OrdersViews & ProductViews>;

export const TOP_PRODUCTS = 10;

function ordersDaily(db: OrdersDb, range: DateRange, filters: ResolvedFilters) {
  const view = rollupOrFiner("v_orders_city_daily", "v_orders_daily", filters.source !== undefined);
  let query = db.selectFrom(view).where("day", ">=", range.from).where("day", "<=", range.to);
  if (filters.city) query = query.where("city", "in", filters.city.values);
  if (filters.source) query = query.where(sql.ref("source"), "in", slugsOf(filters.source));
  return query;
}

/** Product sums of the range: per day and product, or per day, city, source and product when filtered. */
function productDaily(db: OrdersDb, range: DateRange, filters: ResolvedFilters) {
  const filtered = filters.city !== undefined || filters.source !== undefined;
  const view = rollupOrFiner("v_product_daily", "v_product_city_source_daily", filtered);
  let query = db.selectFrom(view).where("day", ">=", range.from).where("day", "<=", range.to);
  if (filters.city) query = query.where(sql.ref("city"), "in", filters.city.values);
  if (filters.source) query = query.where(sql.ref("source"), "in", slugsOf(filters.source));
  return query;
}

/**
 * The best-selling products of the range by revenue (in the filters' cities and sources), with
 * their names, and how many products sold at all (what the table is the top of): the window
 * count is taken over the grouped rows before LIMIT, so one pass serves both.
 */
export async function topProducts(db: OrdersDb, range: DateRange, filters: ResolvedFilters, limit: number) {
  const top = await productDaily(db, range, filters)
    .select((eb) => [
      "product_id",
      eb.fn.sum<number>("units").as("units"),
      eb.fn.sum<number>("revenue").as("revenue"),
      sql<number>`COUNT(*) OVER ()`.as("sold"),
    ])
    .groupBy("product_id")
    .orderBy("revenue", "desc")
    .orderBy("product_id")
    .limit(limit)
    .execute();
  if (top.length === 0) return { products: [], sold: 0 };
  const names = await db
    .selectFrom("v_product_stock")
    .where(
      "product_id",
      "in",
      top.map((r) => r.product_id),
    )
    .select(["product_id", "product", "category_name"])
    .execute();
  const byId = new Map(names.map((r) => [r.product_id, r]));
  const products = top.map((r) => ({
    product: byId.get(r.product_id)?.product ?? `#${r.product_id}`,
    category: byId.get(r.product_id)?.category_name ?? "",
    units: num(r.units),
    revenue: num(r.revenue),
  }));
  return { products, sold: num(top[0]?.sold) };
}

/** The order sums of the range: all the comparison period needs. */
async function orderTotals(db: OrdersDb, range: DateRange, filters: ResolvedFilters): Promise<OrderSums> {
  const totals = await ordersDaily(db, range, filters)
    .select((eb) => [
      eb.fn.sum<number>("orders_placed").as("placed"),
      eb.fn.sum<number>("orders_paid").as("paid"),
      eb.fn.sum<number>("items").as("items"),
      eb.fn.sum<number>("gross").as("gross"),
      eb.fn.sum<number>("discount").as("discount"),
      eb.fn.sum<number>("revenue").as("revenue"),
      eb.fn.sum<number>("cogs").as("cogs"),
    ])
    .executeTakeFirst();
  return {
    ordersPlaced: num(totals?.placed),
    orders: num(totals?.paid),
    items: num(totals?.items),
    gross: num(totals?.gross),
    discount: num(totals?.discount),
    revenue: num(totals?.revenue),
    cogs: num(totals?.cogs),
  };
}

export async function loadOrderTotals(
  reporting: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<OrdersPrior> {
  return { totals: await orderTotals(withViews<OrdersViews & ProductViews>(reporting), range, filters) };
}

export async function loadOrdersData(
  reporting: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<OrdersData> {
  const db = withViews<OrdersViews & ProductViews>(reporting);
  const paidAndRevenue = () =>
    ordersDaily(db, range, filters).select((eb) => [
      eb.fn.sum<number>("orders_paid").as("orders"),
      eb.fn.sum<number>("revenue").as("revenue"),
    ]);
  const [totals, byDay, byPayment, byCity, top] = await Promise.all([
    orderTotals(db, range, filters),
    paidAndRevenue().select("day").groupBy("day").orderBy("day").execute(),
    paidAndRevenue().select("payment_method").groupBy("payment_method").execute(),
    paidAndRevenue().select("city").groupBy("city").execute(),
    topProducts(db, range, filters, TOP_PRODUCTS),
  ]);
  return {
    totals,
    byDay: byDay.map((r) => ({ day: r.day, orders: num(r.orders), revenue: num(r.revenue) })),
    byPaymentMethod: byPayment.map((r) => ({
      key: r.payment_method,
      count: num(r.orders),
      amount: num(r.revenue),
    })),
    byCity: byCity.map((r) => ({ key: r.city, count: num(r.orders), amount: num(r.revenue) })),
    topProducts: top.products,
    productsSold: top.sold,
  };
}
