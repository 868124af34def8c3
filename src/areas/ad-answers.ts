/**
 * The ad areas, all from AdData (v_campaign_daily / v_ad_performance):
 * campaigns (profitability per campaign), ad-performance (the funnel), roas and ctr (by platform).
 */
import type { Answer, AnswerTable, ChartSpec } from "../answer/answer.js";
import type { MetricKey } from "../metrics/definitions.js";
import { computeMetric } from "../metrics/definitions.js";
import { type AreaContext, answerFrame } from "./area-context.js";
import type { AdData, AdSums } from "./area-data.js";
import { byValueDesc, metricCells, metricKpi, metricUnits } from "./kpi.js";

/** Bars shown in a per-campaign chart. */
export const CAMPAIGN_CHART_LIMIT = 15;

const profit = (s: AdSums): number => s.revenue - s.cogs - s.spend;

function campaignTable(data: AdData): AnswerTable {
  const keys: MetricKey[] = ["spend", "revenue", "roas", "roi", "ctr", "cvr", "cpc", "cpa", "leads"];
  const rows = [...data.byCampaign].sort(
    byValueDesc<AdData["byCampaign"][number]>(profit, (c) => c.campaign),
  );
  return {
    key: "by_campaign",
    title: "Campaigns by profit (revenue − cost of goods − spend)",
    columns: ["campaign", "spend", "revenue", "profit", "roas", "roi", "ctr", "cvr", "cpc", "cpa", "leads"],
    units: [
      "text",
      "currency",
      "currency",
      "currency",
      "multiple",
      ...metricUnits(["roi", "ctr", "cvr", "cpc", "cpa", "leads"]),
    ],
    rows: rows.map((c) => {
      const [spend, revenue, ...rest] = metricCells(keys, c);
      return [c.campaign, spend ?? 0, revenue ?? 0, profit(c), ...rest];
    }),
  };
}

function rankedChart(
  key: string,
  title: string,
  metric: MetricKey,
  unit: ChartSpec["unit"],
  items: readonly { label: string; sums: AdSums }[],
): ChartSpec {
  const ranked = items
    .map((i) => ({ label: i.label, value: computeMetric(metric, i.sums) }))
    .filter((i) => i.value !== null)
    .sort(
      byValueDesc(
        (i) => i.value,
        (i) => i.label,
      ),
    )
    .slice(0, CAMPAIGN_CHART_LIMIT);
  return {
    key,
    kind: "horizontal-bar",
    title,
    labels: ranked.map((r) => r.label),
    series: [{ name: title, values: ranked.map((r) => r.value) }],
    unit,
  };
}

function platformChart(data: AdData, metric: "roas" | "ctr"): ChartSpec {
  const platforms = [...data.byPlatform].sort((a, b) => a.platformName.localeCompare(b.platformName));
  const title = metric === "roas" ? "ROAS by platform" : "CTR by platform";
  return {
    key: `${metric}_by_platform`,
    kind: "bar",
    title,
    labels: platforms.map((p) => p.platformName),
    series: [
      { name: metric === "roas" ? "ROAS" : "CTR", values: platforms.map((p) => computeMetric(metric, p)) },
    ],
    unit: metric === "roas" ? "multiple" : "ratio",
  };
}

function platformTable(data: AdData, keys: readonly MetricKey[]): AnswerTable {
  const platforms = [...data.byPlatform].sort(
    byValueDesc(
      (p) => p.spend,
      (p) => p.platformName,
    ),
  );
  return {
    key: "by_platform",
    columns: ["platform", ...keys],
    units: ["text", ...metricUnits(keys).map((u, i) => (keys[i] === "roas" ? "multiple" : u))],
    rows: platforms.map((p) => [p.platformName, ...metricCells(keys, p)]),
  };
}

export function campaignsAnswer(context: AreaContext, current: AdData, previous: AdData | null): Answer {
  const keys: MetricKey[] = ["spend", "revenue", "roas", "roi", "ctr", "cvr", "cpc", "cpa", "leads"];
  const items = current.byCampaign.map((c) => ({ label: c.campaign, sums: c as AdSums }));
  return answerFrame(context, {
    kpis: keys.map((k) => metricKpi(k, current.totals, previous?.totals ?? null)),
    tables: [campaignTable(current)],
    charts: [
      rankedChart("ctr_by_campaign", "CTR by campaign", "ctr", "ratio", items),
      rankedChart("roas_by_campaign", "ROAS by campaign", "roas", "multiple", items),
    ],
    notes: current.byCampaign.length === 0 ? ["No campaign ran in this period."] : [],
  });
}

export function adPerformanceAnswer(context: AreaContext, current: AdData, previous: AdData | null): Answer {
  const keys: MetricKey[] = [
    "impressions",
    "clicks",
    "leads",
    "conversions",
    "ctr",
    "click_to_lead",
    "cvr",
    "roas",
  ];
  const t = current.totals;
  const formats = [...current.byFormat].sort(
    byValueDesc(
      (f) => f.impressions,
      (f) => f.format,
    ),
  );
  const formatKeys: MetricKey[] = ["impressions", "clicks", "ctr", "click_to_lead", "cvr", "spend", "roas"];
  return answerFrame(context, {
    kpis: keys.map((k) => metricKpi(k, t, previous?.totals ?? null)),
    tables: [
      platformTable(current, [
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
      ]),
      {
        key: "by_format",
        columns: ["format", ...formatKeys],
        units: [
          "text",
          ...metricUnits(formatKeys).map((u, i) => (formatKeys[i] === "roas" ? "multiple" : u)),
        ],
        rows: formats.map((f) => [f.format, ...metricCells(formatKeys, f)]),
      },
    ],
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
  });
}

/** The by-platform shortcuts: one headline metric, its inputs as KPIs, a table and a chart by platform. */
function platformShortcut(metric: "roas" | "ctr", inputs: readonly MetricKey[]) {
  return (context: AreaContext, current: AdData, previous: AdData | null): Answer =>
    answerFrame(context, {
      kpis: [metric, ...inputs].map((k) => metricKpi(k, current.totals, previous?.totals ?? null)),
      tables: [platformTable(current, [...inputs, metric])],
      charts: [platformChart(current, metric)],
    });
}

export const roasAnswer = platformShortcut("roas", ["spend", "revenue"]);
export const ctrAnswer = platformShortcut("ctr", ["impressions", "clicks"]);
