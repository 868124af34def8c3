/**
 * The metric definitions of DESIGN.md, in one place: what each KPI key means, its unit,
 * which direction is good, and how it is computed from the period's sums. Ratios are
 * always ratios of sums (total spend ÷ total clicks), never averages of row ratios, and a
 * zero or missing denominator gives null ("no value", shown as —), never 0, NaN or ∞.
 */
import type { Unit } from "../answer/answer.js";
import { type ChangeRule, changeRuleOf } from "./change.js";
import { ratio } from "./ratio.js";

export { ratio };

/**
 * Sums over the period and the rows in scope, as the views name them. `revenue` is the
 * attributed revenue of the ads in scope for ad metrics (roas, roi) and the paid order
 * revenue net of discounts for order metrics (revenue, aov); `cogs` is the cost of goods
 * sold of that same revenue.
 */
export type SumKey =
  | "spend"
  | "impressions"
  | "clicks"
  | "leads"
  | "conversions"
  | "revenue"
  | "cogs"
  | "orders"
  | "users"
  | "sessions";

export type MetricSums = Partial<Record<SumKey, number | null>>;

export const METRIC_KEYS = [
  "spend",
  "revenue",
  "impressions",
  "clicks",
  "leads",
  "conversions",
  "orders",
  "users",
  "sessions",
  "ctr",
  "click_to_lead",
  "cvr",
  "cpc",
  "cpm",
  "cpl",
  "cpa",
  "roas",
  "roi",
  "aov",
] as const;

export type MetricKey = (typeof METRIC_KEYS)[number];

export interface MetricDefinition {
  readonly key: MetricKey;
  readonly label: string;
  /** money, count, percent (a fraction: 0.034 reads 3.40%) or multiple (3.42 reads 3.42×). */
  readonly unit: Unit;
  readonly definition: string;
  /** Whether a rise is good news (drives the colour of change arrows). */
  readonly higherIsBetter: boolean;
  /** How its change reads: percentages in points, the rest relative (src/metrics/change.ts). */
  readonly change: ChangeRule;
  readonly compute: (sums: MetricSums) => number | null;
}

const sum =
  (key: SumKey) =>
  (sums: MetricSums): number | null => {
    const value = sums[key];
    return typeof value === "number" && Number.isFinite(value) ? value : null;
  };

const per =
  (numerator: SumKey, denominator: SumKey, scale = 1) =>
  (sums: MetricSums): number | null => {
    const value = ratio(sum(numerator)(sums), sum(denominator)(sums));
    return value === null ? null : value * scale;
  };

function roi(sums: MetricSums): number | null {
  const [revenue, cogs, spend] = [sum("revenue")(sums), sum("cogs")(sums), sum("spend")(sums)];
  return revenue === null || cogs === null ? null : ratio(revenue - cogs - (spend ?? 0), spend);
}

type Row = [MetricKey, string, Unit, string, boolean, MetricDefinition["compute"]];

// key, label, unit, definition, higherIsBetter, compute
const ROWS: readonly Row[] = [
  [
    "spend",
    "Spend",
    "money",
    "ad cost in the period (impressions × CPM/1000 or clicks × CPC, per the ad's pricing model)",
    false,
    sum("spend"),
  ],
  [
    "revenue",
    "Revenue",
    "money",
    "paid orders (paid, shipped, delivered) net of discounts; in ad areas, the paid orders attributed to the ads",
    true,
    sum("revenue"),
  ],
  ["impressions", "Impressions", "count", "ad impressions (reach events)", true, sum("impressions")],
  ["clicks", "Clicks", "count", "ad clicks", true, sum("clicks")],
  ["leads", "Leads", "count", "leads from ad clicks", true, sum("leads")],
  ["conversions", "Conversions", "count", "conversions attributed to ads", true, sum("conversions")],
  ["orders", "Orders", "count", "paid orders", true, sum("orders")],
  ["users", "Users", "count", "users (total, new or active, per table)", true, sum("users")],
  ["sessions", "Sessions", "count", "site sessions", true, sum("sessions")],
  ["ctr", "CTR", "percent", "clicks ÷ impressions", true, per("clicks", "impressions")],
  ["click_to_lead", "Click-to-lead", "percent", "leads ÷ clicks", true, per("leads", "clicks")],
  ["cvr", "CVR", "percent", "conversions ÷ clicks", true, per("conversions", "clicks")],
  ["cpc", "CPC", "money", "spend ÷ clicks", false, per("spend", "clicks")],
  ["cpm", "CPM", "money", "spend ÷ impressions × 1000", false, per("spend", "impressions", 1000)],
  ["cpl", "CPL", "money", "spend ÷ leads", false, per("spend", "leads")],
  ["cpa", "CPA", "money", "spend ÷ conversions", false, per("spend", "conversions")],
  ["roas", "ROAS", "multiple", "attributed revenue ÷ spend", true, per("revenue", "spend")],
  ["roi", "ROI", "percent", "(attributed revenue − cost of goods sold − spend) ÷ spend", true, roi],
  ["aov", "AOV", "money", "revenue ÷ orders (revenue net of discounts)", true, per("revenue", "orders")],
];

/** Every metric, in the order help and KPI rows list them. */
export const METRIC_DEFINITIONS: readonly MetricDefinition[] = ROWS.map(
  ([key, label, unit, definition, higherIsBetter, compute]) =>
    Object.freeze({ key, label, unit, definition, higherIsBetter, change: changeRuleOf(unit), compute }),
);

export const METRICS: Readonly<Record<MetricKey, MetricDefinition>> = Object.freeze(
  Object.fromEntries(METRIC_DEFINITIONS.map((metric) => [metric.key, metric])) as Record<
    MetricKey,
    MetricDefinition
  >,
);

export function isMetricKey(key: string): key is MetricKey {
  return (METRIC_KEYS as readonly string[]).includes(key);
}

/** A metric's value from the period's sums (ratios of sums; null where undefined). */
export function computeMetric(key: MetricKey, sums: MetricSums): number | null {
  return METRICS[key].compute(sums);
}
