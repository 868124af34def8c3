/** traffic: sessions and conversion rate (sessions with a paid order ÷ sessions) by source. */
import type { Answer } from "../answer/answer.js";
import { ratio } from "../metrics/ratio.js";
import { type AreaContext, answerFrame } from "./area-context.js";
import type { TrafficData } from "./area-data.js";
import { byValueDesc, figureKpi, metricKpi } from "./kpi.js";

export function trafficAnswer(
  context: AreaContext,
  current: TrafficData,
  previous: TrafficData | null,
): Answer {
  const rate = (d: TrafficData | null) => (d ? ratio(d.totals.convertedSessions, d.totals.sessions) : null);
  const sources = [...current.bySource].sort(
    byValueDesc(
      (s) => s.sessions,
      (s) => s.sourceName,
    ),
  );
  const p = previous?.totals;
  return answerFrame(context, {
    kpis: [
      metricKpi("sessions", { sessions: current.totals.sessions }, p ? { sessions: p.sessions } : null),
      figureKpi(
        "converted_sessions",
        "Converting sessions",
        current.totals.convertedSessions,
        p?.convertedSessions ?? null,
      ),
      figureKpi("conversion_rate", "Conversion rate", rate(current), rate(previous), "ratio"),
      metricKpi("orders", { orders: current.totals.orders }, p ? { orders: p.orders } : null),
      metricKpi("revenue", { revenue: current.totals.revenue }, p ? { revenue: p.revenue } : null),
    ],
    tables: [
      {
        key: "by_source",
        columns: ["source", "sessions", "converted_sessions", "conversion_rate", "orders", "revenue"],
        units: ["text", "count", "count", "ratio", "count", "currency"],
        rows: sources.map((s) => [
          s.sourceName,
          s.sessions,
          s.convertedSessions,
          ratio(s.convertedSessions, s.sessions),
          s.orders,
          s.revenue,
        ]),
      },
    ],
    charts: [
      {
        key: "sessions_by_source",
        kind: "bar",
        title: "Sessions by traffic source",
        labels: sources.map((s) => s.sourceName),
        series: [{ name: "Sessions", values: sources.map((s) => s.sessions) }],
        unit: "count",
      },
      {
        key: "conversion_rate_by_source",
        kind: "bar",
        title: "Conversion rate by traffic source",
        labels: sources.map((s) => s.sourceName),
        series: [
          { name: "Conversion rate", values: sources.map((s) => ratio(s.convertedSessions, s.sessions)) },
        ],
        unit: "ratio",
      },
    ],
  });
}
