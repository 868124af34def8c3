/** The by-platform shortcuts (roas, ctr): one headline metric, its inputs as KPIs, a table and a chart by platform. */
import type { MetricKey } from "../../metrics/definitions.js";
import { metricKpi } from "../area-kpis.js";
import type { AnswerParts, AreaContext } from "../area-module.js";
import { platformChart, platformTable } from "./ad-breakdowns.js";
import type { AdData } from "./ad-data.js";

export function platformShortcut(metric: MetricKey, inputs: readonly MetricKey[]) {
  return (_context: AreaContext, current: AdData, previous: AdData | null): AnswerParts => ({
    kpis: [metric, ...inputs].map((k) => metricKpi(k, current.totals, previous?.totals ?? null)),
    tables: [platformTable(current, [...inputs, metric])],
    charts: [platformChart(current, metric)],
  });
}
