/** ads (structure): formats, platform distribution, budget allocation, active vs paused. */
import type { Answer, AnswerTable } from "../answer/answer.js";
import { ratio } from "../metrics/ratio.js";
import { type AreaContext, answerFrame } from "./area-context.js";
import type { AdStructureData, CountAndAmount } from "./area-data.js";
import { byValueDesc, figureKpi, metricKpi } from "./kpi.js";

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
  return {
    key,
    columns: spend ? [column, "ads", "planned_budget", "spend"] : [column, "ads", "planned_budget"],
    units: spend ? ["text", "count", "currency", "currency"] : ["text", "count", "currency"],
    rows: sorted.map((r) =>
      spend ? [r.key, r.count, r.amount, spent.get(r.key) ?? 0] : [r.key, r.count, r.amount],
    ),
  };
}

export function adsAnswer(
  context: AreaContext,
  current: AdStructureData,
  previous: AdStructureData | null,
): Answer {
  const used = (d: AdStructureData | null) => (d ? ratio(d.spend, d.plannedBudget) : null);
  const platforms = [...current.byPlatform].sort(
    byValueDesc(
      (r) => r.amount,
      (r) => r.key,
    ),
  );
  return answerFrame(context, {
    kpis: [
      figureKpi("ads", "Ads running in the period", current.live, previous?.live ?? null),
      figureKpi("active_ads", "Active now", current.activeNow, null),
      figureKpi("paused_ads", "Paused now", current.pausedNow, null),
      figureKpi(
        "planned_budget",
        "Planned budget",
        current.plannedBudget,
        previous?.plannedBudget ?? null,
        "currency",
      ),
      metricKpi("spend", { spend: current.spend }, previous ? { spend: previous.spend } : null),
      figureKpi("budget_used", "Spend ÷ planned budget", used(current), used(previous), "ratio"),
    ],
    tables: [
      breakdown("by_platform", "platform", current.byPlatform, current.byPlatformSpend),
      breakdown("by_format", "format", current.byFormat),
      breakdown("by_status", "status", current.byStatus),
    ],
    charts: [
      {
        key: "ad_formats",
        kind: "doughnut",
        title: "Ads by format",
        labels: current.byFormat.map((f) => f.key),
        series: [{ name: "Ads", values: current.byFormat.map((f) => f.count) }],
        unit: "count",
      },
      {
        key: "budget_by_platform",
        kind: "horizontal-bar",
        title: "Planned budget by platform",
        labels: platforms.map((p) => p.key),
        series: [{ name: "Planned budget", values: platforms.map((p) => p.amount) }],
        unit: "currency",
      },
      {
        key: "ads_by_status",
        kind: "doughnut",
        title: "Active vs paused vs ended",
        labels: current.byStatus.map((s) => s.key),
        series: [{ name: "Ads", values: current.byStatus.map((s) => s.count) }],
        unit: "count",
      },
    ],
    notes: [
      "Status (active, paused, ended) is as of now; ads count when they ran at some point in the period.",
    ],
  });
}
