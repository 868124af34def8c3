/**
 * The metric definitions of DESIGN.md, in one place: what each KPI key means, its unit,
 * which direction is good, and how it is computed from the period's sums. Ratios are
 * always ratios of sums (total spend ÷ total clicks), never averages of row ratios, and a
 * zero or missing denominator gives null ("no value", shown as —), never 0, NaN or ∞.
 */
import type { Unit } from "../answer/answer.js";
import { change, ratio } from "./ratio.js";

export { change, ratio };

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
  readonly unit: Unit;
  /** How a `ratio` shows: 0.034 as 3.4% (percent) or 3.42 as 3.42× (multiple). */
  readonly display?: "percent" | "multiple";
  readonly definition: string;
  /** Whether a rise is good news (drives the colour of change arrows). */
  readonly higherIsBetter: boolean;
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

type Row = [MetricKey, string, Unit, string, boolean, MetricDefinition["compute"], ("percent" | "multiple")?];

// key, label, unit, definition, higherIsBetter, compute, display
const ROWS: readonly Row[] = [
  [
    "spend",
    "Spend",
    "currency",
    "ad cost in the period (impressions × CPM/1000 or clicks × CPC, per the ad's pricing model)",
    false,
    sum("spend"),
  ],
  [
    "revenue",
    "Revenue",
    "currency",
    "sum of paid order totals net of discounts (attributed revenue in ad areas)",
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
  ["ctr", "CTR", "ratio", "clicks ÷ impressions", true, per("clicks", "impressions"), "percent"],
  ["click_to_lead", "Click-to-lead", "ratio", "leads ÷ clicks", true, per("leads", "clicks"), "percent"],
  ["cvr", "CVR", "ratio", "conversions ÷ clicks", true, per("conversions", "clicks"), "percent"],
  ["cpc", "CPC", "currency", "spend ÷ clicks", false, per("spend", "clicks")],
  ["cpm", "CPM", "currency", "spend ÷ impressions × 1000", false, per("spend", "impressions", 1000)],
  ["cpl", "CPL", "currency", "spend ÷ leads", false, per("spend", "leads")],
  ["cpa", "CPA", "currency", "spend ÷ conversions", false, per("spend", "conversions")],
  ["roas", "ROAS", "ratio", "attributed revenue ÷ spend", true, per("revenue", "spend"), "multiple"],
  ["roi", "ROI", "ratio", "(attributed revenue − cost of goods sold − spend) ÷ spend", true, roi, "percent"],
  ["aov", "AOV", "currency", "revenue ÷ orders (revenue net of discounts)", true, per("revenue", "orders")],
];

/** Every metric, in the order help and KPI rows list them. */
export const METRIC_DEFINITIONS: readonly MetricDefinition[] = ROWS.map(
  ([key, label, unit, definition, higherIsBetter, compute, display]) =>
    Object.freeze({ key, label, unit, definition, higherIsBetter, compute, ...(display ? { display } : {}) }),
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
