/** stock (low-stock): products at or below their reorder level, with days of cover. */
import type { Answer, AnswerTable } from "../answer/answer.js";
import { ratio } from "../metrics/ratio.js";
import { type AreaContext, answerFrame } from "./area-context.js";
import type { StockItem } from "./area-data.js";
import { figureKpi } from "./kpi.js";

export const COVER_DAYS = 30;
export const COVER_CHART_LIMIT = 15;

/** Days the stock lasts at the average daily sales of the last 30 days; 0 when out; null without sales. */
export function daysOfCover(item: StockItem): number | null {
  if (item.stock === 0) return 0;
  return ratio(item.stock, item.unitsSold30d / COVER_DAYS);
}

export function lowStockTable(items: readonly StockItem[]): AnswerTable {
  return {
    key: "low_stock",
    title: "At or below reorder level",
    columns: ["sku", "product", "category", "stock", "reorder_level", "units_sold_30d", "days_of_cover"],
    units: ["text", "text", "text", "count", "count", "count", "days"],
    rows: items.map((i) => [
      i.sku,
      i.product,
      i.category,
      i.stock,
      i.reorderLevel,
      i.unitsSold30d,
      daysOfCover(i),
    ]),
  };
}

export function stockAnswer(context: AreaContext, items: readonly StockItem[]): Answer {
  const covered = items
    .map((i) => ({ label: i.product, cover: daysOfCover(i) }))
    .filter((i): i is { label: string; cover: number } => i.cover !== null)
    .sort((a, b) => a.cover - b.cover || a.label.localeCompare(b.label))
    .slice(0, COVER_CHART_LIMIT);
  return answerFrame(context, {
    kpis: [
      figureKpi("low_stock", "At or below reorder level", items.length, null),
      figureKpi("out_of_stock", "Out of stock", items.filter((i) => i.status === "out").length, null),
    ],
    tables: [lowStockTable(items)],
    charts: [
      {
        key: "days_of_cover",
        kind: "horizontal-bar",
        title: "Days of cover (lowest first)",
        labels: covered.map((c) => c.label),
        series: [{ name: "Days of cover", values: covered.map((c) => c.cover) }],
        unit: "days",
      },
    ],
    notes: [
      `Stock is as of now; days of cover use paid sales of the ${COVER_DAYS} days ending ${context.period.to}.`,
      ...(items.length === 0 ? ["No product is at or below its reorder level."] : []),
    ],
  });
}
