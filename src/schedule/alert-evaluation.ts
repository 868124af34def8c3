/**
 * An alert's condition judged on its KPI's daily sums, as of the day it is checked: the
 * window's value (the metric table's rule over the window's summed days, so ratios stay
 * ratios of sums), what it is compared with, and whether the condition holds. `met` is null
 * when there is nothing to judge — no data in the window, a zero denominator, a change
 * without a positive base, fewer than 5 earlier windows for `unusual` — and a null never
 * fires. Pure: the sums come from one query per group of alerts (metric-alerts.ts).
 */
import type { DateRange } from "../areas/area-module.js";
import { eachDay } from "../areas/area-series.js";
import { addDaySums, type DaySums, type KpiSeriesDefinition } from "../areas/kpi-series/kpi-sources.js";
import { ratio } from "../metrics/ratio.js";
import { type RobustRange, robustRange } from "../metrics/robust-range.js";
import type { AlertSpec } from "./alert-spec.js";
import { baselineWindows, CHART_WINDOWS, changeBase, spanOf, windowAt } from "./alert-window.js";

export type AlertReference =
  | { readonly kind: "threshold"; readonly value: number }
  | {
      readonly kind: "change";
      readonly base: number | null;
      readonly baseRange: DateRange;
      /** (value − base) ÷ base, or null without a positive base. */
      readonly change: number | null;
      /** The value at which the change fires: base × (1 ∓ fraction). */
      readonly trigger: number | null;
    }
  | { readonly kind: "range"; readonly range: RobustRange | null; readonly windows: number };

export interface AlertEvaluation {
  readonly window: DateRange;
  /** The window as a key ("2026-11-24", "2026-11-17..2026-11-23"): a check of the same window again is no news. */
  readonly windowKey: string;
  readonly value: number | null;
  readonly met: boolean | null;
  readonly reference: AlertReference;
  /** The last CHART_WINDOWS windows, oldest first, the current one last. */
  readonly history: readonly { readonly range: DateRange; readonly value: number | null }[];
}

export const rangeKey = (r: DateRange): string => (r.from === r.to ? r.from : `${r.from}..${r.to}`);

/** Every day an evaluation as of `today` reads: the chart's windows, the change base, the baseline. */
export function daysNeeded(spec: AlertSpec, today: string): DateRange {
  const current = windowAt(spec.window, today);
  const ranges = [windowAt(spec.window, today, CHART_WINDOWS - 1), current];
  if (spec.condition.kind === "change") ranges.push(changeBase(spec.window, current, spec.condition.versus));
  if (spec.condition.kind === "unusual") ranges.push(...baselineWindows(spec.window, current));
  return spanOf(ranges);
}

/** The KPI over a range: null when no day of it has data or the value is undefined. */
export function valueOver(
  kpi: KpiSeriesDefinition,
  days: ReadonlyMap<string, DaySums>,
  range: DateRange,
): number | null {
  const found = eachDay(range.from, range.to).flatMap((d) => {
    const sums = days.get(d);
    return sums ? [sums] : [];
  });
  return found.length === 0 ? null : kpi.compute(addDaySums(found));
}

function judge(spec: AlertSpec, value: number | null, reference: AlertReference): boolean | null {
  if (value === null) return null;
  const { condition } = spec;
  if (condition.kind === "threshold") {
    const t = condition.value;
    return condition.op === "<"
      ? value < t
      : condition.op === "<="
        ? value <= t
        : condition.op === ">"
          ? value > t
          : value >= t;
  }
  if (reference.kind === "change") {
    if (reference.change === null || condition.kind !== "change") return null;
    return condition.direction === "drops"
      ? reference.change <= -condition.fraction
      : reference.change >= condition.fraction;
  }
  if (reference.kind === "range") {
    if (!reference.range) return null;
    return value < reference.range.low || value > reference.range.high;
  }
  return null;
}

export function evaluateAlert(
  spec: AlertSpec,
  kpi: KpiSeriesDefinition,
  days: ReadonlyMap<string, DaySums>,
  today: string,
): AlertEvaluation {
  const window = windowAt(spec.window, today);
  const value = valueOver(kpi, days, window);
  const { condition } = spec;
  let reference: AlertReference;
  if (condition.kind === "threshold") reference = { kind: "threshold", value: condition.value };
  else if (condition.kind === "change") {
    const baseRange = changeBase(spec.window, window, condition.versus);
    const base = valueOver(kpi, days, baseRange);
    const positive = base !== null && base > 0 ? base : null;
    const change = value === null || positive === null ? null : ratio(value - positive, positive);
    const sign = condition.direction === "drops" ? -1 : 1;
    reference = {
      kind: "change",
      base,
      baseRange,
      change,
      trigger: positive === null ? null : positive * (1 + sign * condition.fraction),
    };
  } else {
    const values = baselineWindows(spec.window, window)
      .map((r) => valueOver(kpi, days, r))
      .filter((v): v is number => v !== null);
    reference = { kind: "range", range: robustRange(values), windows: values.length };
  }
  const history = [];
  for (let back = CHART_WINDOWS - 1; back >= 0; back--) {
    const range = windowAt(spec.window, today, back);
    history.push({ range, value: valueOver(kpi, days, range) });
  }
  return {
    window,
    windowKey: rangeKey(window),
    value,
    met: judge(spec, value, reference),
    reference,
    history,
  };
}
