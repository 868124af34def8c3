/** orders reads v_orders_daily (day x city x source x payment method) and v_product_sales_daily. */
import type { DateRange, OrdersData, ResolvedFilters } from "../../areas/area-data.js";
import type { ReportingDb } from "./reporting-db.js";
import { num } from "./sql-helpers.js";

export const TOP_PRODUCTS = 10;

function ordersDaily(db: ReportingDb, range: DateRange, filters: ResolvedFilters) {
  let query = db.selectFrom("v_orders_daily").where("day", ">=", range.from).where("day", "<=", range.to);
  if (filters.city) query = query.where("city", "=", filters.city);
  if (filters.source) query = query.where("source", "=", filters.source.slug);
  return query;
}

export async function loadOrdersData(
  db: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<OrdersData> {
  const base = () => ordersDaily(db, range, filters);
  const paidAndRevenue = () =>
    base().select((eb) => [
      eb.fn.sum<number>("orders_paid").as("orders"),
      eb.fn.sum<number>("revenue").as("revenue"),
    ]);
  const [totals, byDay, byPayment, byCity, topProducts] = await Promise.all([
    base()
      .select((eb) => [
        eb.fn.sum<number>("orders_placed").as("placed"),
        eb.fn.sum<number>("orders_paid").as("paid"),
        eb.fn.sum<number>("items").as("items"),
        eb.fn.sum<number>("gross").as("gross"),
        eb.fn.sum<number>("discount").as("discount"),
        eb.fn.sum<number>("revenue").as("revenue"),
        eb.fn.sum<number>("cogs").as("cogs"),
      ])
      .executeTakeFirst(),
    paidAndRevenue().select("day").groupBy("day").orderBy("day").execute(),
    paidAndRevenue().select("payment_method").groupBy("payment_method").execute(),
    paidAndRevenue().select("city").groupBy("city").execute(),
    db
      .selectFrom("v_product_sales_daily")
      .where("day", ">=", range.from)
      .where("day", "<=", range.to)
      .select(["product_id", "product", "category_name"])
      .select((eb) => [eb.fn.sum<number>("units").as("units"), eb.fn.sum<number>("revenue").as("revenue")])
      .groupBy(["product_id", "product", "category_name"])
      .orderBy("revenue", "desc")
      .orderBy("product_id")
      .limit(TOP_PRODUCTS)
      .execute(),
  ]);
  return {
    totals: {
      ordersPlaced: num(totals?.placed),
      orders: num(totals?.paid),
      items: num(totals?.items),
      gross: num(totals?.gross),
      discount: num(totals?.discount),
      revenue: num(totals?.revenue),
      cogs: num(totals?.cogs),
    },
    byDay: byDay.map((r) => ({ day: r.day, orders: num(r.orders), revenue: num(r.revenue) })),
    byPaymentMethod: byPayment.map((r) => ({
      key: r.payment_method,
      count: num(r.orders),
      amount: num(r.revenue),
    })),
    byCity: byCity.map((r) => ({ key: r.city, count: num(r.orders), amount: num(r.revenue) })),
    topProducts: topProducts.map((r) => ({
      product: r.product,
      category: r.category_name,
      units: num(r.units),
      revenue: num(r.revenue),
    })),
  };
}
