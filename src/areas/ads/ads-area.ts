/** ads (structure): formats, platform distribution, budget allocation, active vs paused. */
import type { AnswerTable } from "../../answer/answer.js";
import { ratio } from "../../metrics/ratio.js";
import { AD_FILTERS } from "../ad-data/ad-breakdowns.js";
import { byValueDesc, chartOf, figureKpi, metricKpi, table } from "../area-kpis.js";
import type { CountAndAmount } from "../area-series.js";
import { defineArea } from "../define-area.js";
import type { AdStructureData } from "./ads-data.js";

function breakdown(
  key: string,
  column: string,
  rows: readonly CountAndAmount[],
  spend?: readonly { readonly key: string; readonly amount: number }[],
): AnswerTable {
  const spent = new Map((spend ?? []).map((s) => [s.key, s.amount]));
  const sorted = [...rows].sort(
    byValueDesc(
      (r) => r.amount,
      (r) => r.key,
    ),
  );
  return spend
    ? table(
        key,
        [column, "ads", "planned_budget", "spend"],
        sorted.map((r) => [r.key, r.count, r.amount, spent.get(r.key) ?? 0]),
      )
    : table(
        key,
        [column, "ads", "planned_budget"],
        sorted.map((r) => [r.key, r.count, r.amount]),
      );
}

const used = (d: AdStructureData | null) => (d ? ratio(d.spend, d.plannedBudget) : null);

export const ads = defineArea({
  name: "ads",
  title: "Ad structure",
  aliases: [],
  description: "ad structure: formats, platform distribution, budget allocation, active vs paused",
  filters: AD_FILTERS,
  rankBy: ["planned_budget", "ads", "spend"],
  live: true,
  examples: ["/kpi ads last-30d", "/kpi ads mtd platform=google"],
  fact: "ads",
  load: async (db, range, filters) =>
    (await import("./ads-query.js")).loadAdStructureData(db, range, filters),
  build(_context, current: AdStructureData, previous) {
    const platforms = [...current.byPlatform].sort(
      byValueDesc(
        (r) => r.amount,
        (r) => r.key,
      ),
    );
    return {
      kpis: [
        figureKpi("ads", current.live, previous?.live ?? null),
        figureKpi("active_ads", current.activeNow, null),
        figureKpi("paused_ads", current.pausedNow, null),
        figureKpi("planned_budget", current.plannedBudget, previous?.plannedBudget ?? null),
        metricKpi("spend", { spend: current.spend }, previous ? { spend: previous.spend } : null),
        figureKpi("budget_used", used(current), used(previous)),
      ],
      tables: [
        breakdown("by_platform", "platform", current.byPlatform, current.byPlatformSpend),
        breakdown("by_format", "format", current.byFormat),
        breakdown("by_status", "status", current.byStatus),
      ],
      charts: [
        chartOf(
          { key: "ad_formats", kind: "doughnut", title: "Ads by format", measure: "ads" },
          current.byFormat,
          (f) => f.key,
          (f) => f.count,
        ),
        chartOf(
          {
            key: "budget_by_platform",
            kind: "horizontal-bar",
            title: "Planned budget by platform",
            measure: "planned_budget",
          },
          platforms,
          (p) => p.key,
          (p) => p.amount,
        ),
        chartOf(
          { key: "ads_by_status", kind: "doughnut", title: "Active vs paused vs ended", measure: "ads" },
          current.byStatus,
          (s) => s.key,
          (s) => s.count,
        ),
      ],
      notes: [
        "Status (active, paused, ended) is as of now; ads count when they ran at some point in the period.",
      ],
    };
  },
});
