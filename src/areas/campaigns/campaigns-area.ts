/** campaigns: spend, revenue, ROAS, ROI, CTR, CVR, CPC, CPA and leads, campaigns ranked by profit. */
import type { AnswerTable } from "../../answer/answer.js";
import type { MetricKey } from "../../metrics/definitions.js";
import { AD_FILTERS, rankedChart } from "../ad-data/ad-breakdowns.js";
import type { AdData, AdSums } from "../ad-data/ad-data.js";
import { loadAdData } from "../ad-data/ad-load.js";
import { byValueDesc, metricCells, metricKpi, table } from "../area-kpis.js";
import { defineArea } from "../define-area.js";

const KEYS: readonly MetricKey[] = ["spend", "revenue", "roas", "roi", "ctr", "cvr", "cpc", "cpa", "leads"];

const profit = (s: AdSums): number => s.revenue - s.cogs - s.spend;

function campaignTable(data: AdData): AnswerTable {
  const rows = [...data.byCampaign].sort(
    byValueDesc<AdData["byCampaign"][number]>(profit, (c) => c.campaign),
  );
  return table(
    "by_campaign",
    ["campaign", "spend", "revenue", "profit", "roas", "roi", "ctr", "cvr", "cpc", "cpa", "leads"],
    rows.map((c) => {
      const [spend, revenue, ...rest] = metricCells(KEYS, c);
      return [c.campaign, spend ?? 0, revenue ?? 0, profit(c), ...rest];
    }),
    "Campaigns by profit (revenue − cost of goods − spend)",
  );
}

export const campaigns = defineArea({
  name: "campaigns",
  title: "Campaigns",
  aliases: [],
  description: "spend, revenue, ROAS, ROI, CTR, CVR, CPC, CPA and leads per campaign; profitability ranking",
  filters: AD_FILTERS,
  rankBy: ["profit", ...KEYS],
  examples: [
    "/kpi campaigns last-30d",
    "/kpi campaigns qtd vs last-year platform=meta",
    '/kpi campaigns 2026-11 campaign="Black Friday"',
  ],
  fact: "ads",
  load: loadAdData,
  build(_context, current: AdData, previous) {
    const items = current.byCampaign.map((c) => ({ label: c.campaign, sums: c as AdSums }));
    return {
      kpis: KEYS.map((k) => metricKpi(k, current.totals, previous?.totals ?? null)),
      tables: [campaignTable(current)],
      charts: [
        rankedChart("ctr_by_campaign", "ctr", items, "campaign"),
        rankedChart("roas_by_campaign", "roas", items, "campaign"),
      ],
      notes: current.byCampaign.length === 0 ? ["No campaign ran in this period."] : [],
    };
  },
});
