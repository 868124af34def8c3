/** orders: revenue and orders over time, AOV, payment methods, revenue by city, top products. */
import type { MetricSums } from "../../metrics/definitions.js";
import { unitOf } from "../../metrics/measures.js";
import { ratio } from "../../metrics/ratio.js";
import { byValueDesc, cappedTable, cappedTitle, chartOf, figureKpi, metricKpi, table } from "../area-kpis.js";
import { dailyValues, eachDay, topWithOther } from "../area-series.js";
import { defineArea } from "../define-area.js";
import type { OrdersData, OrdersPrior } from "./orders-data.js";

export const CITY_CHART_LIMIT = 15;
export const PAYMENT_SLICES = 8;

const sums = (d: OrdersPrior): MetricSums => ({ revenue: d.totals.revenue, orders: d.totals.orders });

export const orders = defineArea({
  name: "orders",
  title: "Orders",
  aliases: [],
  description: "orders and revenue over time; AOV; payment methods; revenue by city; top products",
  filters: ["city", "source"],
  rankBy: ["revenue", "orders", "aov", "units"],
  examples: [
    "/kpi orders last-7d",
    "/kpi orders last-month vs last-year",
    "/kpi orders mtd city=Berlin source=paid_social",
  ],
  fact: "orders",
  load: async (db, range, filters) => (await import("./orders-query.js")).loadOrdersData(db, range, filters),
  loadPrior: async (db, range, filters) =>
    (await import("./orders-query.js")).loadOrderTotals(db, range, filters),
  build(context, current: OrdersData, previous: OrdersPrior | null) {
    const days = eachDay(context.period.from, context.period.to);
    const cities = [...current.byCity].sort(
      byValueDesc(
        (c) => c.amount,
        (c) => c.key,
      ),
    );
    const methods = topWithOther(current.byPaymentMethod, PAYMENT_SLICES, (m) => m.count);
    const before = previous ? sums(previous) : null;
    return {
      kpis: [
        metricKpi("revenue", sums(current), before),
        metricKpi("orders", sums(current), before),
        metricKpi("aov", sums(current), before),
        figureKpi("items", current.totals.items, previous?.totals.items ?? null),
        figureKpi("discount", current.totals.discount, previous?.totals.discount ?? null),
      ],
      tables: [
        cappedTable(
          "top_products",
          ["product", "category", "units", "revenue"],
          current.topProducts.map((p) => [p.product, p.category, p.units, p.revenue]),
          { total: current.productsSold, plural: "products by revenue", title: "Products by revenue" },
        ),
        table(
          "by_city",
          ["city", "orders", "revenue", "aov"],
          cities.map((c) => [c.key, c.count, c.amount, ratio(c.amount, c.count)]),
        ),
        table(
          "by_payment_method",
          ["payment_method", "orders", "revenue", "share_of_orders"],
          [...current.byPaymentMethod]
            .sort(
              byValueDesc(
                (m) => m.count,
                (m) => m.key,
              ),
            )
            .map((m) => [m.key, m.count, m.amount, ratio(m.count, current.totals.orders)]),
        ),
      ],
      charts: [
        {
          key: "revenue_by_day",
          kind: "line",
          title: "Revenue per day",
          labels: days,
          series: [{ name: "Revenue", values: dailyValues(days, current.byDay, (d) => d.revenue) }],
          unit: unitOf("revenue"),
        },
        chartOf(
          { key: "payment_methods", kind: "doughnut", title: "Orders by payment method", measure: "orders" },
          methods,
          (m) => m.key,
          (m) => m.count,
        ),
        chartOf(
          {
            key: "revenue_by_city",
            kind: "horizontal-bar",
            title: cappedTitle(
              "Revenue by city",
              Math.min(cities.length, CITY_CHART_LIMIT),
              cities.length,
              "cities",
            ),
            measure: "revenue",
          },
          cities.slice(0, CITY_CHART_LIMIT),
          (c) => c.key,
          (c) => c.amount,
        ),
      ],
    };
  },
});
