/** ad-performance (funnel): impressions → clicks → leads → conversions; click-to-lead; ROAS and CTR by platform and format. */
import type { MetricKey } from "../../metrics/definitions.js";
import { AD_FILTERS, formatTable, platformChart, platformTable } from "../ad-data/ad-breakdowns.js";
import type { AdData } from "../ad-data/ad-data.js";
import { loadAdData } from "../ad-data/ad-load.js";
import { metricKpi } from "../area-kpis.js";
import { defineArea } from "../define-area.js";

const KPIS: readonly MetricKey[] = [
  "impressions",
  "clicks",
  "leads",
  "conversions",
  "ctr",
  "click_to_lead",
  "cvr",
  "roas",
];
const PLATFORM_COLUMNS: readonly MetricKey[] = [
  "impressions",
  "clicks",
  "leads",
  "conversions",
  "ctr",
  "click_to_lead",
  "cvr",
  "spend",
  "revenue",
  "roas",
];
const FORMAT_COLUMNS: readonly MetricKey[] = [
  "impressions",
  "clicks",
  "ctr",
  "click_to_lead",
  "cvr",
  "spend",
  "roas",
];

export const adPerformance = defineArea({
  name: "ad-performance",
  title: "Ad performance",
  aliases: ["funnel"],
  description: "funnel impressions → clicks → leads → conversions; click-to-lead; ROAS and CTR by platform",
  filters: AD_FILTERS,
  rankBy: ["roas", ...PLATFORM_COLUMNS.filter((key) => key !== "roas")],
  examples: ["/kpi funnel last-30d", "/kpi ad-performance last-quarter vs previous platform=meta"],
  fact: "ads",
  load: loadAdData,
  build(_context, current: AdData, previous) {
    const t = current.totals;
    return {
      kpis: KPIS.map((k) => metricKpi(k, t, previous?.totals ?? null)),
      tables: [platformTable(current, PLATFORM_COLUMNS), formatTable(current, FORMAT_COLUMNS)],
      charts: [
        {
          key: "funnel",
          kind: "funnel",
          title: "Funnel: impressions → clicks → leads → conversions",
          labels: ["Impressions", "Clicks", "Leads", "Conversions"],
          series: [{ name: "Events", values: [t.impressions, t.clicks, t.leads, t.conversions] }],
          unit: "count",
        },
        platformChart(current, "roas"),
        platformChart(current, "ctr"),
      ],
    };
  },
});
