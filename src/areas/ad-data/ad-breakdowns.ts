/** Tables and charts the ad areas share: a metric per platform, a metric ranked over items. */
import type { AnswerTable, ChartSpec } from "../../answer/answer.js";
import { computeMetric, type MetricKey } from "../../metrics/definitions.js";
import { headingOf, unitOf } from "../../metrics/measures.js";
import { byValueDesc, cappedTitle, chartOf, metricCells, table } from "../area-kpis.js";
import type { AdData, AdSums } from "./ad-data.js";

/** Bars shown in a chart of ranked items (campaigns). */
export const RANKED_CHART_LIMIT = 15;

/** A horizontal bar chart of `metric` per item, best first, items without a value left out. */
export function rankedChart(
  key: string,
  metric: MetricKey,
  items: readonly { readonly label: string; readonly sums: AdSums }[],
  per: string,
  plural = `${per}s`,
): ChartSpec {
  const valued = items
    .map((i) => ({ label: i.label, value: computeMetric(metric, i.sums) }))
    .filter((i) => i.value !== null)
    .sort(
      byValueDesc(
        (i) => i.value,
        (i) => i.label,
      ),
    );
  const ranked = valued.slice(0, RANKED_CHART_LIMIT);
  const title = `${headingOf(metric)} by ${per}`;
  return {
    key,
    kind: "horizontal-bar",
    title: cappedTitle(title, ranked.length, valued.length, plural),
    labels: ranked.map((r) => r.label),
    series: [{ name: title, values: ranked.map((r) => r.value) }],
    unit: unitOf(metric),
  };
}

/** A bar per platform (alphabetical) of one metric. */
export function platformChart(data: AdData, metric: MetricKey): ChartSpec {
  const platforms = [...data.byPlatform].sort((a, b) => a.platformName.localeCompare(b.platformName));
  return chartOf(
    { key: `${metric}_by_platform`, kind: "bar", title: `${headingOf(metric)} by platform`, measure: metric },
    platforms,
    (p) => p.platformName,
    (p) => computeMetric(metric, p),
  );
}

/** Metrics per platform, biggest spender first. */
export function platformTable(data: AdData, keys: readonly MetricKey[]): AnswerTable {
  const platforms = [...data.byPlatform].sort(
    byValueDesc(
      (p) => p.spend,
      (p) => p.platformName,
    ),
  );
  return table(
    "by_platform",
    ["platform", ...keys],
    platforms.map((p) => [p.platformName, ...metricCells(keys, p)]),
  );
}

/** Metrics per ad format, most impressions first. */
export function formatTable(data: AdData, keys: readonly MetricKey[]): AnswerTable {
  const formats = [...data.byFormat].sort(
    byValueDesc(
      (f) => f.impressions,
      (f) => f.format,
    ),
  );
  return table(
    "by_format",
    ["format", ...keys],
    formats.map((f) => [f.format, ...metricCells(keys, f)]),
  );
}

/** The grammar every ad area shares: its filters and the load of its data. */
export const AD_FILTERS = ["platform", "campaign"] as const;
