/** products: catalogue by category, stock levels, price ranges, low and out of stock. */
import type { Answer } from "../answer/answer.js";
import { type AreaContext, answerFrame } from "./area-context.js";
import type { ProductsData } from "./area-data.js";
import { figureKpi } from "./kpi.js";
import { lowStockTable } from "./stock-answer.js";

/** Upper bounds of the price ranges; the last range is open. */
export const PRICE_BOUNDS = [25, 50, 100, 250, 500] as const;

/** The index of the price range a price falls in: i for price < PRICE_BOUNDS[i], else the last one. */
export function priceBand(price: number): number {
  const index = PRICE_BOUNDS.findIndex((upper) => price < upper);
  return index === -1 ? PRICE_BOUNDS.length : index;
}

/** Labels of the price ranges ("0–25" … "500+") and the product count of each. */
export function priceRanges(bandCounts: readonly number[]): { labels: string[]; counts: number[] } {
  const labels = PRICE_BOUNDS.map((upper, i) => `${i === 0 ? 0 : PRICE_BOUNDS[i - 1]}–${upper}`);
  labels.push(`${PRICE_BOUNDS[PRICE_BOUNDS.length - 1]}+`);
  return { labels, counts: labels.map((_, i) => bandCounts[i] ?? 0) };
}

export function productsAnswer(
  context: AreaContext,
  current: ProductsData,
  previous: ProductsData | null,
): Answer {
  const low = current.lowStock.filter((i) => i.status === "low").length;
  const out = current.lowStock.filter((i) => i.status === "out").length;
  const ranges = priceRanges(current.priceBands);
  return answerFrame(context, {
    kpis: [
      figureKpi("products", "Active products", current.activeProducts, null),
      figureKpi("stock_units", "Units in stock", current.stockUnits, null),
      figureKpi("stock_value", "Stock value at cost", current.stockValue, null, "currency"),
      figureKpi("low_stock", "Low stock", low, null),
      figureKpi("out_of_stock", "Out of stock", out, null),
      figureKpi("units_sold", "Units sold", current.unitsSold, previous?.unitsSold ?? null),
      figureKpi("revenue", "Revenue", current.revenue, previous?.revenue ?? null, "currency"),
    ],
    tables: [
      {
        key: "by_category",
        columns: ["category", "products", "stock_units", "low", "out"],
        units: ["text", "count", "count", "count", "count"],
        rows: current.byCategory.map((c) => [c.category, c.products, c.stockUnits, c.low, c.out]),
      },
      lowStockTable(current.lowStock),
    ],
    charts: [
      {
        key: "stock_by_category",
        kind: "bar",
        title: "Units in stock by category",
        labels: current.byCategory.map((c) => c.category),
        series: [{ name: "Units in stock", values: current.byCategory.map((c) => c.stockUnits) }],
        unit: "count",
      },
      {
        key: "price_ranges",
        kind: "bar",
        title: "Products by price range",
        labels: ranges.labels,
        series: [{ name: "Products", values: ranges.counts }],
        unit: "count",
      },
    ],
    notes: ["Stock levels are as of now; units sold and revenue are for the period."],
  });
}
