/**
 * KPIs and table columns from sums, presented as the metric table says (src/metrics): the
 * label, unit and good direction of every key come from there, never from an area.
 */

import type { AnswerTable, Cell, ChartKind, ChartSpec, Kpi } from "../answer/answer.js";
import { codeLabel } from "../answer/code-labels.js";
import { changeBetween } from "../metrics/change.js";
import { computeMetric, type MetricKey, type MetricSums } from "../metrics/definitions.js";
import { groupDigits } from "../metrics/format.js";
import { changeRuleOfKey, headingOf, kpiLabelOf, unitOf, unitsOf } from "../metrics/measures.js";

/** A KPI of a defined metric: value from the current sums, previous from the comparison sums. */
export function metricKpi(key: MetricKey, current: MetricSums, previous: MetricSums | null): Kpi {
  return figureKpi(key, computeMetric(key, current), previous ? computeMetric(key, previous) : null);
}

/** A KPI that is a plain figure (new users, low-stock products, ...). */
export function figureKpi(key: string, value: number | null, previous: number | null): Kpi {
  const change = changeBetween(changeRuleOfKey(key), value, previous);
  return { key, label: kpiLabelOf(key), value, previous, change, unit: unitOf(key) };
}

/** Row cells for metric columns, computed per row as ratios of that row's sums. */
export function metricCells(keys: readonly MetricKey[], sums: MetricSums): (number | null)[] {
  return keys.map((key) => computeMetric(key, sums));
}

/** A table whose column units are the metric table's (text for the columns that name things). */
export function table(
  key: string,
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
  title?: string,
): AnswerTable {
  return { key, ...(title ? { title } : {}), columns, units: unitsOf(columns), rows };
}

/** "Top 15 of 30 cities" when a list shows only its first `shown` of `total` items; undefined when it shows them all. */
export function capLabel(shown: number, total: number, plural: string): string | undefined {
  return total > shown ? `Top ${shown} of ${groupDigits(total, 0)} ${plural}` : undefined;
}

/** A chart's title, with " · top 15 of 30 cities" when it shows only its first `shown` of `total` items. */
export function cappedTitle(title: string, shown: number, total: number, plural: string): string {
  const label = capLabel(shown, total, plural);
  return label ? `${title} · ${label.charAt(0).toLowerCase()}${label.slice(1)}` : title;
}

/**
 * A table of the first rows of a longer list of `total`. Every table that hides rows goes
 * through here, so its title says what it hides ("Top 15 of 30 cities", which every surface
 * shows: terminal, Slack, Teams, CSV); shares in it stay shares of the whole. `title` is the
 * title when nothing is hidden.
 */
export function cappedTable(
  key: string,
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
  cap: { readonly total: number; readonly plural: string; readonly title?: string },
): AnswerTable {
  return table(key, columns, rows, capLabel(rows.length, cap.total, cap.plural) ?? cap.title);
}

/** A chart of one series: one point per item, the values a measure of the metric table (its unit, its heading as the series name). */
export function chartOf<T>(
  spec: { readonly key: string; readonly kind: ChartKind; readonly title: string; readonly measure: string },
  items: readonly T[],
  label: (item: T, index: number) => string,
  value: (item: T, index: number) => number | null,
): ChartSpec {
  return {
    key: spec.key,
    kind: spec.kind,
    title: spec.title,
    labels: items.map((item, i) => codeLabel(label(item, i))),
    series: [{ name: headingOf(spec.measure), values: items.map((item, i) => value(item, i)) }],
    unit: unitOf(spec.measure),
  };
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
