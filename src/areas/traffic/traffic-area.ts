import { ratio } from "../../metrics/ratio.js";
import { byValueDesc, chartOf, figureKpi, metricKpi, table } from "../area-kpis.js";
import { defineArea } from "../define-area.js";
import type { TrafficData } from "./traffic-data.js";

const rate = (d: TrafficData | null) => (d ? ratio(d.totals.convertedSessions, d.totals.sessions) : null);

export const traffic = defineArea({
  name: "traffic",
  title: "Traffic",
  aliases: [],
  description: "sessions and conversion rate by traffic source",
  filters: ["source"],
  rankBy: ["sessions", "converted_sessions", "conversion_rate", "orders", "revenue"],
  examples: ["/kpi traffic last-7d", "/kpi traffic mtd vs last-year source=paid_social"],
  fact: "sessions",
  load: async (db, range, filters) =>
    (await import("./traffic-query.js")).loadTrafficData(db, range, filters),
  build(_context, current: TrafficData, previous) {
    const sources = [...current.bySource].sort(
      byValueDesc(
        (s) => s.sessions,
        (s) => s.sourceName,
      ),
    );
    const p = previous?.totals;
    return {
      kpis: [
        metricKpi("sessions", { sessions: current.totals.sessions }, p ? { sessions: p.sessions } : null),
        figureKpi("converted_sessions", current.totals.convertedSessions, p?.convertedSessions ?? null),
        figureKpi("conversion_rate", rate(current), rate(previous)),
        metricKpi("orders", { orders: current.totals.orders }, p ? { orders: p.orders } : null),
        metricKpi("revenue", { revenue: current.totals.revenue }, p ? { revenue: p.revenue } : null),
      ],
      tables: [
        table(
          "by_source",
          ["source", "sessions", "converted_sessions", "conversion_rate", "orders", "revenue"],
          sources.map((s) => [
            s.sourceName,
            s.sessions,
            s.convertedSessions,
            ratio(s.convertedSessions, s.sessions),
            s.orders,
            s.revenue,
          ]),
        ),
      ],
      charts: [
        chartOf(
          {
            key: "sessions_by_source",
            kind: "bar",
            title: "Sessions by traffic source",
            measure: "sessions",
          },
          sources,
          (s) => s.sourceName,
          (s) => s.sessions,
        ),
        chartOf(
          {
            key: "conversion_rate_by_source",
            kind: "bar",
            title: "Conversion rate by traffic source",
            measure: "conversion_rate",
          },
          sources,
          (s) => s.sourceName,
          (s) => ratio(s.convertedSessions, s.sessions),
        ),
      ],
    };
  },
});
