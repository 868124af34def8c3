/**
 * products and stock read v_product_stock (now), v_revenue_by_category (day x category: sales
 * in a range) and v_product_daily (day x product: the low-stock products' recent sales).
 */

import { sql } from "kysely";
import type { DateRange, ProductsData, ResolvedFilters, StockItem } from "../../areas/area-data.js";
import { PRICE_BOUNDS, priceRanges } from "../../areas/products-answer.js";
import { addDays } from "../../commands/calendar.js";
import type { ReportingDb } from "./reporting-db.js";
import { num } from "./sql-helpers.js";

/** Days of sales behind "days of cover" (stock / average daily units sold). */
export const COVER_WINDOW_DAYS = 30;

/** The price range of a product in SQL, the same ranges as priceBand (numbers only, no user text). */
const PRICE_BAND_SQL = sql<number>`CASE ${sql.join(
  PRICE_BOUNDS.map((upper, i) => sql`WHEN price < ${sql.lit(upper)} THEN ${sql.lit(i)}`),
  sql` `,
)} ELSE ${sql.lit(PRICE_BOUNDS.length)} END`;

export async function loadProductsData(
  db: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<ProductsData> {
  let stock = db.selectFrom("v_product_stock").where("is_active", "=", 1);
  let sales = db
    .selectFrom("v_revenue_by_category")
    .where("day", ">=", range.from)
    .where("day", "<=", range.to);
  if (filters.category) {
    stock = stock.where("category", "=", filters.category.slug);
    sales = sales.where("category", "=", filters.category.slug);
  }
  // One pass over the catalogue, grouped by category, stock status and price range.
  const [cells, sold, lowStock] = await Promise.all([
    stock
      .select((eb) => [
        "category_name",
        "stock_status",
        PRICE_BAND_SQL.as("band"),
        eb.fn.countAll<number>().as("products"),
        eb.fn.sum<number>("stock_qty").as("units"),
        eb.fn.sum<number>(eb("stock_qty", "*", eb.ref("unit_cost"))).as("value"),
      ])
      .groupBy(["category_name", "stock_status", "band"])
      .execute(),
    sales
      .select((eb) => [eb.fn.sum<number>("units").as("units"), eb.fn.sum<number>("revenue").as("revenue")])
      .executeTakeFirst(),
    loadLowStock(db, range.to, filters),
  ]);
  const categories = new Map<string, { products: number; stockUnits: number; low: number; out: number }>();
  const priceBands = priceRanges([]).counts;
  let stockValue = 0;
  for (const r of cells) {
    const products = num(r.products);
    const c = categories.get(r.category_name) ?? { products: 0, stockUnits: 0, low: 0, out: 0 };
    c.products += products;
    c.stockUnits += num(r.units);
    if (r.stock_status === "low") c.low += products;
    if (r.stock_status === "out") c.out += products;
    categories.set(r.category_name, c);
    priceBands[num(r.band)] = (priceBands[num(r.band)] ?? 0) + products;
    stockValue += num(r.value);
  }
  const byCategory = [...categories]
    .map(([category, c]) => ({ category, ...c }))
    .sort((a, b) => a.category.localeCompare(b.category, "en", { sensitivity: "base" }));
  return {
    activeProducts: byCategory.reduce((sum, c) => sum + c.products, 0),
    stockUnits: byCategory.reduce((sum, c) => sum + c.stockUnits, 0),
    // stock_qty x unit_cost has two decimals in SQL; the sum of the groups is rounded back to them.
    stockValue: Number(stockValue.toFixed(2)),
    unitsSold: num(sold?.units),
    revenue: num(sold?.revenue),
    byCategory,
    priceBands,
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
