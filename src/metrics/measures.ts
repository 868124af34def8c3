/**
 * Every number an Answer shows, by key, with how it is presented: label, unit, whether a
 * rise is good news and how its change reads (relative, or in percentage points for
 * percentages: src/metrics/change.ts). The computed metrics (definitions.ts) come first; then the plain
 * figures and table columns the areas count; then the text columns (dimensions). Renderers,
 * charts and CSV read units and headings here and nowhere else, so a key reads the same on
 * every surface and no unit is guessed from a key's words.
 */
import type { Unit } from "../answer/answer.js";
import { type ChangeRule, changeRuleOf } from "./change.js";
import { isMetricKey, METRIC_DEFINITIONS, METRICS } from "./definitions.js";

export interface Measure {
  /** Column heading and, unless kpiLabel says otherwise, the KPI's label. */
  readonly label: string;
  /** The label of the KPI line where it reads better than the column heading ("Ads running in the period"). */
  readonly kpiLabel?: string;
  readonly unit: Unit;
  /** Whether a rise is good news (the colour of a change arrow). */
  readonly higherIsBetter: boolean;
  /** How a change of this key reads: `points` for percentages, `relative` otherwise. */
  readonly change: ChangeRule;
  /** What the figure counts, for the KPIs `help metrics` and the README define. */
  readonly definition?: string;
}

const figure = (label: string, unit: Unit, extra: Partial<Measure> = {}): Measure => ({
  label,
  unit,
  higherIsBetter: true,
  change: changeRuleOf(unit),
  ...extra,
});
const lowerIsBetter = { higherIsBetter: false };

/** Figures (KPIs that are plain counts or amounts) and the number columns of the areas' tables. */
const FIGURES: Readonly<Record<string, Measure>> = {
  new_users: figure("New users", "count", { definition: "users who signed up in the period" }),
  active_users: figure("Active users", "count", {
    definition: "signed-in users with at least one session in the period",
  }),
  share: figure("Share", "percent"),
  products: figure("Products", "count", { kpiLabel: "Active products" }),
  stock_units: figure("Units in stock", "count"),
  stock_value: figure("Stock value at cost", "money"),
  low_stock: figure("Low stock", "count", {
    ...lowerIsBetter,
    definition: "active products in stock but at or below their reorder level (out of stock not included)",
  }),
  out_of_stock: figure("Out of stock", "count", {
    ...lowerIsBetter,
    definition: "active products with no stock",
  }),
  at_or_below_reorder: figure("At or below reorder level", "count", {
    ...lowerIsBetter,
    definition: "active products at or below their reorder level: low_stock + out_of_stock",
  }),
  low: figure("Low", "count", lowerIsBetter),
  out: figure("Out", "count", lowerIsBetter),
  units_sold: figure("Units sold", "count"),
  stock: figure("Stock", "count"),
  reorder_level: figure("Reorder level", "count"),
  units_sold_30d: figure("Units sold (30 days)", "count"),
  days_of_cover: figure("Days of cover", "days"),
  items: figure("Items sold", "count"),
  discount: figure("Discounts", "money", lowerIsBetter),
  units: figure("Units", "count"),
  share_of_orders: figure("Share of orders", "percent"),
  profit: figure("Profit", "money"),
  ads: figure("Ads", "count", { kpiLabel: "Ads running in the period" }),
  active_ads: figure("Active now", "count"),
  paused_ads: figure("Paused now", "count", lowerIsBetter),
  planned_budget: figure("Planned budget", "money"),
  budget_used: figure("Spend ÷ planned budget", "percent"),
  converted_sessions: figure("Converting sessions", "count"),
  conversion_rate: figure("Conversion rate", "percent", {
    definition: "sessions with a paid order ÷ sessions (traffic)",
  }),
};

/** Text columns: what a row is about. */
const DIMENSIONS: Readonly<Record<string, string>> = {
  campaign: "Campaign",
  platform: "Platform",
  format: "Format",
  status: "Status",
  product: "Product",
  sku: "SKU",
  category: "Category",
  city: "City",
  payment_method: "Payment method",
  gender: "Gender",
  device: "Device",
  source: "Source",
};

/** A key that has a definition: a computed metric, or a figure that says what it counts. */
export interface DefinedMeasure {
  readonly key: string;
  readonly label: string;
  readonly definition: string;
  readonly change: ChangeRule;
}

/** Every defined key, metrics first, in the order `help metrics` and the README list them. */
export const DEFINED_MEASURES: readonly DefinedMeasure[] = [
  ...METRIC_DEFINITIONS,
  ...Object.entries(FIGURES).flatMap(([key, m]) =>
    m.definition ? [{ key, label: m.kpiLabel ?? m.label, definition: m.definition, change: m.change }] : [],
  ),
].map(({ key, label, definition, change }) => Object.freeze({ key, label, definition, change }));

/** The definition of a KPI key, where it has one. */
export function definitionOf(key: string): string | undefined {
  return DEFINED_MEASURES.find((m) => m.key === key)?.definition;
}

/** The presentation of a number key, or undefined for a text column or an unknown key. */
export function measureOf(key: string): Measure | undefined {
  return isMetricKey(key) ? METRICS[key] : FIGURES[key];
}

/** The unit a key's values have: its measure's, or text for a column that names things. */
export function unitOf(key: string): Unit {
  return measureOf(key)?.unit ?? "text";
}

/** The units of a table's columns, in order. */
export function unitsOf(columns: readonly string[]): Unit[] {
  return columns.map(unitOf);
}

/** A KPI line's label. */
export function kpiLabelOf(key: string): string {
  const measure = measureOf(key);
  return measure?.kpiLabel ?? measure?.label ?? headingOf(key);
}

/** A column's heading, the same on every surface: "Click-to-lead", "Payment method", "ROAS". */
export function headingOf(key: string): string {
  const known = measureOf(key)?.label ?? DIMENSIONS[key];
  if (known) return known;
  const words = key.replaceAll("_", " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** How a change of this key reads: its measure's rule, or its unit's for a key the table does not know. */
export function changeRuleOfKey(key: string): ChangeRule {
  return measureOf(key)?.change ?? changeRuleOf(unitOf(key));
}

/** Whether a rise of this key is good news; unknown keys count as "more is better". */
export function higherIsBetter(key: string): boolean {
  return measureOf(key)?.higherIsBetter ?? true;
}

/** Whether a key is presented here (a metric, a figure or a dimension). */
export function isKnownColumn(key: string): boolean {
  return measureOf(key) !== undefined || key in DIMENSIONS;
}
