/**
 * products reads v_product_stock (now: one pass over the catalogue), v_revenue_by_category
 * (day x category: sales in a range) and the low-stock list of the stock area.
 */
import { sql } from "kysely";
import { type ReportingDb, withViews } from "../../db/reporting/reporting-views.js";
import { num } from "../../db/reporting/sql-helpers.js";
import type { DateRange } from "../area-module.js";
import { type ResolvedFilters, slugsOf } from "../filters/filter-types.js";
import { loadLowStock } from "../stock/stock-query.js";
import { PRICE_BOUNDS, priceRanges } from "./price-ranges.js";
import type { ProductsData, ProductsPrior } from "./products-data.js";
import type { ProductViews } from "./products-views.js";

/** The price range of a product in SQL, the same ranges as priceBand (numbers only, no user text). */
const PRICE_BAND_SQL = sql<number>`CASE ${sql.join(
  PRICE_BOUNDS.map((upper, i) => sql`WHEN price < ${sql.lit(upper)} THEN ${sql.lit(i)}`),
  sql` `,
)} ELSE ${sql.lit(PRICE_BOUNDS.length)} END`;

/** Units and revenue sold in the range: all the comparison period needs. */
export async function loadProductSales(
  reporting: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<ProductsPrior> {
  let sales = withViews<ProductViews>(reporting)
    .selectFrom("v_revenue_by_category")
    .where("day", ">=", range.from)
    .where("day", "<=", range.to);
  if (filters.category) sales = sales.where("category", "in", slugsOf(filters.category));
  const sold = await sales
    .select((eb) => [eb.fn.sum<number>("units").as("units"), eb.fn.sum<number>("revenue").as("revenue")])
    .executeTakeFirst();
  return { unitsSold: num(sold?.units), revenue: num(sold?.revenue) };
}

export async function loadProductsData(
  reporting: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<ProductsData> {
  const db = withViews<ProductViews>(reporting);
  let stock = db.selectFrom("v_product_stock").where("is_active", "=", 1);
  if (filters.category) stock = stock.where("category", "in", slugsOf(filters.category));
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
    loadProductSales(reporting, range, filters),
    loadLowStock(reporting, range.to, filters),
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
    ...sold,
    byCategory,
    priceBands,
    lowStock,
  };
}
