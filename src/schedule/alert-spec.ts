/**
 * An alert on a KPI as data: the KPI, its condition, the window it is checked over, when it
 * is checked and the filters, parsed from the command language (alert-words.ts) and written
 * back as canonical text (what bot_subscriptions.alert stores and the list shows).
 */
import type { Filters } from "../answer/query.js";
import { filtersToText } from "../commands/command-text.js";

export const THRESHOLD_OPS = ["<", "<=", ">", ">="] as const;
export type ThresholdOp = (typeof THRESHOLD_OPS)[number];

/** What a change is measured against: the window before, the same window a week before, a year before. */
export const CHANGE_BASES = ["previous", "previous-week", "last-year"] as const;
export type ChangeBase = (typeof CHANGE_BASES)[number];

export type AlertCondition =
  | { readonly kind: "threshold"; readonly op: ThresholdOp; readonly value: number }
  | {
      readonly kind: "change";
      readonly direction: "drops" | "rises";
      /** The change that fires, as a fraction (20% → 0.2). */
      readonly fraction: number;
      readonly versus: ChangeBase;
    }
  | { readonly kind: "unusual" };

/**
 * The window a value is taken over, ending before the check: yesterday; today so far (checked
 * at its `at` time); the last 7 full days; the last full week (Monday–Sunday); the last full
 * calendar month.
 */
export const ALERT_WINDOWS = ["yesterday", "today", "last-7d", "week", "month"] as const;
export type AlertWindow = (typeof ALERT_WINDOWS)[number];

export interface AlertSpec {
  readonly kpi: string;
  readonly condition: AlertCondition;
  readonly window: AlertWindow;
  /** HH:MM in the zone: when the alert is checked each day (KPI_ALERT_TIME when absent). */
  readonly at: string | undefined;
  /** IANA zone of the check time and of "yesterday"/"today"; the report zone when absent. */
  readonly timeZone: string | undefined;
  readonly filters: Filters;
}

const percentText = (fraction: number): string => `${Number((fraction * 100).toFixed(4))}%`;

/** The condition as typed, with the value in plain digits (`< 1`, `< 0.025` is written `< 2.5%`). */
export function conditionToText(condition: AlertCondition, unit: string): string {
  if (condition.kind === "unusual") return "unusual";
  if (condition.kind === "change")
    return `${condition.direction} ${percentText(condition.fraction)} vs ${condition.versus}`;
  const value = unit === "percent" ? percentText(condition.value) : String(condition.value);
  return `${condition.op} ${value}`;
}

/** The spec as a command after `alert`: `roas < 1 yesterday platform=meta`. */
export function alertSpecToText(spec: AlertSpec, unit: string): string {
  const parts = [spec.kpi, conditionToText(spec.condition, unit), spec.window];
  if (spec.at) parts.push(`at ${spec.at}`);
  if (spec.timeZone) parts.push(`tz=${spec.timeZone}`);
  const filters = filtersToText(spec.filters);
  if (filters !== "") parts.push(filters);
  return parts.join(" ");
}
