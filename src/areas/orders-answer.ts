/** orders: revenue and orders over time, AOV, payment methods, revenue by city, top products. */
import type { Answer } from "../answer/answer.js";
import type { MetricSums } from "../metrics/definitions.js";
import { ratio } from "../metrics/ratio.js";
import { type AreaContext, answerFrame } from "./area-context.js";
import type { OrdersData } from "./area-data.js";
import { byValueDesc, figureKpi, metricKpi } from "./kpi.js";
import { dailyValues, eachDay, topWithOther } from "./series.js";

export const CITY_CHART_LIMIT = 15;
export const PAYMENT_SLICES = 8;

const sums = (d: OrdersData): MetricSums => ({ revenue: d.totals.revenue, orders: d.totals.orders });

export function ordersAnswer(context: AreaContext, current: OrdersData, previous: OrdersData | null): Answer {
  const days = eachDay(context.period.from, context.period.to);
  const cities = [...current.byCity].sort(
    byValueDesc(
      (c) => c.amount,
      (c) => c.key,
    ),
  );
  const methods = topWithOther(current.byPaymentMethod, PAYMENT_SLICES, (m) => m.count);
  const notes: string[] = [];
  if (context.filters.city || context.filters.source) {
    notes.push(
      "Top products are for all cities and sources: the product figures have no city or source breakdown.",
    );
  }
  return answerFrame(context, {
    kpis: [
      metricKpi("revenue", sums(current), previous ? sums(previous) : null),
      metricKpi("orders", sums(current), previous ? sums(previous) : null),
      metricKpi("aov", sums(current), previous ? sums(previous) : null),
      figureKpi("items", "Items sold", current.totals.items, previous?.totals.items ?? null),
      figureKpi(
        "discount",
        "Discounts",
        current.totals.discount,
        previous?.totals.discount ?? null,
        "currency",
      ),
    ],
    tables: [
      {
        key: "top_products",
        title: "Top products by revenue",
        columns: ["product", "category", "units", "revenue"],
        units: ["text", "text", "count", "currency"],
        rows: current.topProducts.map((p) => [p.product, p.category, p.units, p.revenue]),
      },
      {
        key: "by_city",
        columns: ["city", "orders", "revenue", "aov"],
        units: ["text", "count", "currency", "currency"],
        rows: cities.map((c) => [c.key, c.count, c.amount, ratio(c.amount, c.count)]),
      },
      {
        key: "by_payment_method",
        columns: ["payment_method", "orders", "revenue", "share_of_orders"],
        units: ["text", "count", "currency", "ratio"],
        rows: [...current.byPaymentMethod]
          .sort(
            byValueDesc(
              (m) => m.count,
              (m) => m.key,
            ),
          )
          .map((m) => [m.key, m.count, m.amount, ratio(m.count, current.totals.orders)]),
      },
    ],
    charts: [
      {
        key: "revenue_by_day",
        kind: "line",
        title: "Revenue per day",
        labels: days,
        series: [{ name: "Revenue", values: dailyValues(days, current.byDay, (d) => d.revenue) }],
        unit: "currency",
      },
      {
        key: "payment_methods",
        kind: "doughnut",
        title: "Orders by payment method",
        labels: methods.map((m) => m.key),
        series: [{ name: "Orders", values: methods.map((m) => m.count) }],
        unit: "count",
      },
      {
        key: "revenue_by_city",
        kind: "horizontal-bar",
        title: "Revenue by city",
        labels: cities.slice(0, CITY_CHART_LIMIT).map((c) => c.key),
        series: [{ name: "Revenue", values: cities.slice(0, CITY_CHART_LIMIT).map((c) => c.amount) }],
        unit: "currency",
      },
    ],
    notes,
  });
}
