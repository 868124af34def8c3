/**
 * stock reads v_product_stock (active products at or below their reorder level, now) and
 * v_product_daily (their units sold in the 30 days ending on the day asked about).
 */
import { addDays } from "../../calendar/calendar.js";
import { type ReportingDb, withViews } from "../../db/reporting/reporting-views.js";
import { num } from "../../db/reporting/sql-helpers.js";
import { type ResolvedFilters, slugsOf } from "../filters/filter-types.js";
import type { ProductViews } from "../products/products-views.js";
import { COVER_DAYS, type StockItem } from "./stock-data.js";

/** Active products at or below their reorder level, with units sold in the 30 days ending `asOf`. */
export async function loadLowStock(
  reporting: ReportingDb,
  asOf: string,
  filters: ResolvedFilters,
): Promise<StockItem[]> {
  const db = withViews<ProductViews>(reporting);
  let query = db
    .selectFrom("v_product_stock")
    .where("is_active", "=", 1)
    .whereRef("stock_qty", "<=", "reorder_level");
  if (filters.category) query = query.where("category", "in", slugsOf(filters.category));
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
    .where("day", ">=", addDays(asOf, -(COVER_DAYS - 1)))
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
