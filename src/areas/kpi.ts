/** Building KPIs and table rows from sums, with the metric definitions of src/metrics. */
import type { Kpi, Unit } from "../answer/answer.js";
import { change, computeMetric, METRICS, type MetricKey, type MetricSums } from "../metrics/definitions.js";

/** A KPI of a defined metric: value from the current sums, previous from the comparison sums. */
export function metricKpi(
  key: MetricKey,
  current: MetricSums,
  previous: MetricSums | null,
  label?: string,
): Kpi {
  const value = computeMetric(key, current);
  const before = previous ? computeMetric(key, previous) : null;
  return {
    key,
    label: label ?? METRICS[key].label,
    value,
    previous: before,
    change: change(value, before),
    unit: METRICS[key].unit,
  };
}

/** A KPI that is a plain figure (new users, low-stock products, ...). */
export function figureKpi(
  key: string,
  label: string,
  value: number | null,
  previous: number | null,
  unit: Unit = "count",
): Kpi {
  return { key, label, value, previous, change: change(value, previous), unit };
}

/** Row cells for metric columns, computed per row as ratios of that row's sums. */
export function metricCells(keys: readonly MetricKey[], sums: MetricSums): (number | null)[] {
  return keys.map((key) => computeMetric(key, sums));
}

export function metricUnits(keys: readonly MetricKey[]): Unit[] {
  return keys.map((key) => METRICS[key].unit);
}

/** Sort helper: descending by a number that may be null (nulls last), then by label. */
export function byValueDesc<T>(value: (item: T) => number | null, label: (item: T) => string) {
  return (a: T, b: T): number => {
    const [x, y] = [value(a), value(b)];
    if (x === null && y !== null) return 1;
    if (y === null && x !== null) return -1;
    if (x !== null && y !== null && x !== y) return y - x;
    return label(a).localeCompare(label(b));
  };
}
