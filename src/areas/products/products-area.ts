import { chartOf, figureKpi, table } from "../area-kpis.js";
import { defineArea } from "../define-area.js";
import { reorderTable } from "../stock/stock-area.js";
import { priceRanges } from "./price-ranges.js";
import type { ProductsData, ProductsPrior } from "./products-data.js";

export const products = defineArea({
  name: "products",
  title: "Products",
  aliases: [],
  description: "products by category; stock levels; price ranges; low- and out-of-stock lists",
  filters: ["category"],
  rankBy: ["products", "stock_units", "low", "out"],
  live: true,
  examples: ["/kpi products", "/kpi products category=shoes"],
  fact: "products",
  load: async (db, range, filters) =>
    (await import("./products-query.js")).loadProductsData(db, range, filters),
  loadPrior: async (db, range, filters) =>
    (await import("./products-query.js")).loadProductSales(db, range, filters),
  build(_context, current: ProductsData, previous: ProductsPrior | null) {
    const low = current.lowStock.filter((i) => i.status === "low").length;
    const out = current.lowStock.filter((i) => i.status === "out").length;
    const ranges = priceRanges(current.priceBands);
    return {
      kpis: [
        figureKpi("products", current.activeProducts, null),
        figureKpi("stock_units", current.stockUnits, null),
        figureKpi("stock_value", current.stockValue, null),
        figureKpi("low_stock", low, null),
        figureKpi("out_of_stock", out, null),
        figureKpi("units_sold", current.unitsSold, previous?.unitsSold ?? null),
        figureKpi("revenue", current.revenue, previous?.revenue ?? null),
      ],
      tables: [
        table(
          "by_category",
          ["category", "products", "stock_units", "low", "out"],
          current.byCategory.map((c) => [c.category, c.products, c.stockUnits, c.low, c.out]),
        ),
        reorderTable(current.lowStock),
      ],
      charts: [
        chartOf(
          {
            key: "stock_by_category",
            kind: "bar",
            title: "Units in stock by category",
            measure: "stock_units",
          },
          current.byCategory,
          (c) => c.category,
          (c) => c.stockUnits,
        ),
        chartOf(
          { key: "price_ranges", kind: "bar", title: "Products by price range", measure: "products" },
          ranges.labels,
          (label) => label,
          (_, i) => ranges.counts[i] ?? 0,
        ),
      ],
      notes: ["Stock levels are as of now; units sold and revenue are for the period."],
    };
  },
});
