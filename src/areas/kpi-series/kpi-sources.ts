/**
 * Which KPIs can be followed day by day, and where each one's daily sums come from: the area
 * whose filters and access rules apply to it, and the daily source (one per group of views)
 * that a single query reads for every KPI of that source. Alerts on any KPI use this
 * (src/schedule/metric-alerts.ts); a KPI's value over a window is the metric table's rule
 * over the window's sums (src/metrics/definitions.ts), so ratios stay ratios of sums.
 */
import { computeMetric, METRIC_KEYS, type MetricKey } from "../../metrics/definitions.js";
import { ratio } from "../../metrics/ratio.js";
import type { Area } from "../registry.js";

/** The daily sources: ad rollups, orders, site sessions, signups. */
export type KpiSource = "ads" | "orders" | "traffic" | "signups";

/** A day's sums of one source, by column name (spend, clicks, revenue, sessions, …). */
export type DaySums = Readonly<Record<string, number>>;

export interface KpiSeriesDefinition {
  readonly key: string;
  /** The area it belongs to: its filters are the ones accepted, its access rules apply. */
  readonly area: Area;
  readonly source: KpiSource;
  /** Its value from a window's sums; null when undefined (a zero denominator). */
  readonly compute: (sums: DaySums) => number | null;
}

const metric =
  (key: MetricKey) =>
  (sums: DaySums): number | null =>
    computeMetric(key, sums);

/** Metrics of the orders, site and user facts; every other metric is computed from the ad rollups' sums. */
const NOT_AD: readonly MetricKey[] = ["revenue", "orders", "users", "sessions", "aov"];
const AD_METRICS = METRIC_KEYS.filter((key) => !NOT_AD.includes(key));

/** Every KPI an alert can follow, in the order help lists them. */
export const KPI_SERIES: readonly KpiSeriesDefinition[] = [
  ...AD_METRICS.map((key) => ({
    key,
    area: "campaigns" as const,
    source: "ads" as const,
    compute: metric(key),
  })),
  { key: "revenue", area: "orders", source: "orders", compute: metric("revenue") },
  { key: "orders", area: "orders", source: "orders", compute: metric("orders") },
  { key: "aov", area: "orders", source: "orders", compute: metric("aov") },
  { key: "sessions", area: "traffic", source: "traffic", compute: metric("sessions") },
  {
    key: "conversion_rate",
    area: "traffic",
    source: "traffic",
    compute: (sums) => ratio(sums.converted_sessions, sums.sessions),
  },
  { key: "new_users", area: "users", source: "signups", compute: (sums) => sums.users ?? null },
];

/**
 * Keys of the metric table that no daily series can give, with the word to use instead:
 * users counted over several days are distinct users, not a sum of days.
 */
export const NOT_FOLLOWABLE: Readonly<Record<string, string>> = {
  users: "new_users",
  active_users: "new_users",
  low_stock: "the low-stock alerts (ALERT_CHANNEL)",
  out_of_stock: "the low-stock alerts (ALERT_CHANNEL)",
  at_or_below_reorder: "the low-stock alerts (ALERT_CHANNEL)",
};

export const KPI_SERIES_KEYS: readonly string[] = KPI_SERIES.map((k) => k.key);

export function findKpiSeries(key: string): KpiSeriesDefinition | undefined {
  return KPI_SERIES.find((k) => k.key === key);
}

/** Adds days' sums up, column by column. */
export function addDaySums(days: readonly DaySums[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const day of days)
    for (const [column, value] of Object.entries(day)) total[column] = (total[column] ?? 0) + value;
  return total;
}
