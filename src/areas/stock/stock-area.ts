/**
 * stock (low-stock): products at or below their reorder level, with days of cover. Stock is
 * as of now. Its KPIs use the keys the products area uses for the same figures: low_stock
 * (low but not out), out_of_stock, and at_or_below_reorder for the two together.
 */
import type { AnswerTable } from "../../answer/answer.js";
import { cappedTitle, chartOf, figureKpi, table } from "../area-kpis.js";
import { defineArea } from "../define-area.js";
import { COVER_DAYS, daysOfCover, type StockItem } from "./stock-data.js";

export const COVER_CHART_LIMIT = 15;

export function reorderTable(items: readonly StockItem[]): AnswerTable {
  return table(
    "at_or_below_reorder",
    ["sku", "product", "category", "stock", "reorder_level", "units_sold_30d", "days_of_cover"],
    items.map((i) => [i.sku, i.product, i.category, i.stock, i.reorderLevel, i.unitsSold30d, daysOfCover(i)]),
    "At or below reorder level",
  );
}

export const stock = defineArea({
  name: "stock",
  title: "Low stock",
  aliases: ["low-stock"],
  description: "products at or below their reorder level, with days of cover",
  filters: ["category"],
  rankBy: ["days_of_cover", "stock", "reorder_level", "units_sold_30d"],
  examples: ["/kpi stock", "/kpi low-stock category=shoes"],
  asOfNow: true,
  live: true,
  load: async (db, range, filters) => (await import("./stock-query.js")).loadLowStock(db, range.to, filters),
  build(context, items: readonly StockItem[]) {
    const withCover = items
      .map((i) => ({ label: i.product, cover: daysOfCover(i) }))
      .filter((i): i is { label: string; cover: number } => i.cover !== null)
      .sort((a, b) => a.cover - b.cover || a.label.localeCompare(b.label));
    const covered = withCover.slice(0, COVER_CHART_LIMIT);
    return {
      kpis: [
        figureKpi("at_or_below_reorder", items.length, null),
        figureKpi("low_stock", items.filter((i) => i.status === "low").length, null),
        figureKpi("out_of_stock", items.filter((i) => i.status === "out").length, null),
      ],
      tables: [reorderTable(items)],
      charts: [
        chartOf(
          {
            key: "days_of_cover",
            kind: "horizontal-bar",
            title: cappedTitle("Days of cover (lowest first)", covered.length, withCover.length, "products"),
            measure: "days_of_cover",
          },
          covered,
          (c) => c.label,
          (c) => c.cover,
        ),
      ],
      notes: [
        `Stock is as of now; days of cover use paid sales of the ${COVER_DAYS} days ending ${context.period.to}.`,
        ...(items.length === 0 ? ["No product is at or below its reorder level."] : []),
      ],
    };
  },
});
