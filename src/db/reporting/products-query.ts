/**
 * products and stock read v_product_stock (now), v_revenue_by_category (day x category: sales
 * in a range) and v_product_daily (day x product: the low-stock products' recent sales).
 */

import type { DateRange, ProductsData, ResolvedFilters, StockItem } from "../../areas/area-data.js";
import { addDays } from "../../commands/calendar.js";
import type { ReportingDb } from "./reporting-db.js";
import { num } from "./sql-helpers.js";

/** Days of sales behind "days of cover" (stock / average daily units sold). */
export const COVER_WINDOW_DAYS = 30;

export async function loadProductsData(
  db: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<ProductsData> {
  const stock = () => {
    let query = db.selectFrom("v_product_stock").where("is_active", "=", 1);
    if (filters.category) query = query.where("category", "=", filters.category.slug);
    return query;
  };
  const sales = () => {
    let query = db
      .selectFrom("v_revenue_by_category")
      .where("day", ">=", range.from)
      .where("day", "<=", range.to);
    if (filters.category) query = query.where("category", "=", filters.category.slug);
    return query;
  };
  const [totals, byCategory, prices, sold, lowStock] = await Promise.all([
    stock()
      .select((eb) => [
        eb.fn.countAll<number>().as("products"),
        eb.fn.sum<number>("stock_qty").as("units"),
        eb.fn.sum<number>(eb("stock_qty", "*", eb.ref("unit_cost"))).as("value"),
      ])
      .executeTakeFirst(),
    stock()
      .select((eb) => [
        "category_name",
        eb.fn.countAll<number>().as("products"),
        eb.fn.sum<number>("stock_qty").as("units"),
        eb.fn.sum<number>(eb.case().when("stock_status", "=", "low").then(1).else(0).end()).as("low"),
        eb.fn.sum<number>(eb.case().when("stock_status", "=", "out").then(1).else(0).end()).as("out"),
      ])
      .groupBy("category_name")
      .orderBy("category_name")
      .execute(),
    stock().select("price").orderBy("price").execute(),
    sales()
      .select((eb) => [eb.fn.sum<number>("units").as("units"), eb.fn.sum<number>("revenue").as("revenue")])
      .executeTakeFirst(),
    loadLowStock(db, range.to, filters),
  ]);
  return {
    activeProducts: num(totals?.products),
    stockUnits: num(totals?.units),
    stockValue: num(totals?.value),
    unitsSold: num(sold?.units),
    revenue: num(sold?.revenue),
    byCategory: byCategory.map((r) => ({
      category: r.category_name,
      products: num(r.products),
      stockUnits: num(r.units),
      low: num(r.low),
      out: num(r.out),
    })),
    prices: prices.map((r) => num(r.price)),
    lowStock,
  };
}

/** Active products at or below their reorder level, with units sold in the 30 days ending `asOf`. */
export async function loadLowStock(
  db: ReportingDb,
  asOf: string,
  filters: ResolvedFilters,
): Promise<StockItem[]> {
  let query = db
    .selectFrom("v_product_stock")
    .where("is_active", "=", 1)
    .whereRef("stock_qty", "<=", "reorder_level");
  if (filters.category) query = query.where("category", "=", filters.category.slug);
  const low = await query
    .select([
      "product_id",
      "sku",
      "product",
      "category_name",
      "price",
      "stock_qty",
      "reorder_level",
      "stock_status",
    ])
    .orderBy("stock_qty")
    .orderBy("product_id")
    .execute();
  if (low.length === 0) return [];
  const sold = await db
    .selectFrom("v_product_daily")
    .where("day", ">=", addDays(asOf, -(COVER_WINDOW_DAYS - 1)))
    .where("day", "<=", asOf)
    .where(
      "product_id",
      "in",
      low.map((r) => r.product_id),
    )
    .select((eb) => ["product_id", eb.fn.sum<number>("units").as("units")])
    .groupBy("product_id")
    .execute();
  const units = new Map(sold.map((r) => [r.product_id, num(r.units)]));
  return low.map((r) => ({
    sku: r.sku,
    product: r.product,
    category: r.category_name,
    price: num(r.price),
    stock: num(r.stock_qty),
    reorderLevel: num(r.reorder_level),
    status: r.stock_status,
    unitsSold30d: units.get(r.product_id) ?? 0,
  }));
}
