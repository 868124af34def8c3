/**
 * Data preparation shared by every chart kind: values aligned to the labels (missing and
 * non-finite values become null, which charts draw as gaps), emptiness, and folding a
 * long list into its top entries plus "Other".
 */
import type { ChartSpec, Unit } from "../answer/answer.js";
import { OTHER_LABEL } from "./chart-theme.js";

export interface Series {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

export interface ChartData {
  readonly labels: readonly string[];
  readonly series: readonly Series[];
  /** How many original labels are not shown individually (folded into Other or dropped). */
  readonly hidden: number;
  /** Total number of labels before folding. */
  readonly total: number;
}

/** Labels and series with every series exactly as long as the labels. */
export function alignData(spec: Pick<ChartSpec, "labels" | "series">): ChartData {
  const labels = spec.labels.map((label) => String(label));
  const series = spec.series.map((s, index) => ({
    name: s.name.trim() === "" ? `Series ${index + 1}` : s.name,
    values: labels.map((_, i) => cleanValue(s.values[i])),
  }));
  return { labels, series, hidden: 0, total: labels.length };
}

function cleanValue(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** True when at least one value exists (zero counts as a value, null does not). */
export function hasValues(data: ChartData): boolean {
  return data.series.some((s) => s.values.some((v) => v !== null));
}

/**
 * Shortens a list longer than maxItems. "given" keeps the first entries in the order the
 * command ranked them (a ranked list may be lowest-first); "largest" keeps the entries with
 * the largest first-series values, largest first. With "sum" the rest becomes one extra
 * "Other (n)" entry holding the sums (only meaningful for additive units); with "drop" the
 * rest is left out.
 */
export function foldTail(
  data: ChartData,
  maxItems: number,
  mode: "sum" | "drop",
  order: "given" | "largest",
): ChartData {
  const indices = order === "largest" ? rankByFirstSeries(data) : data.labels.map((_, i) => i);
  if (data.labels.length <= maxItems) return order === "largest" ? pick(data, indices) : data;
  const keep = mode === "sum" ? maxItems - 1 : maxItems;
  const kept = pick(data, indices.slice(0, keep));
  const rest = indices.slice(keep);
  if (mode === "drop") return { ...kept, hidden: rest.length };
  return {
    labels: [...kept.labels, `${OTHER_LABEL} (${rest.length})`],
    series: kept.series.map((s, k) => ({
      name: s.name,
      values: [...s.values, sumOf(rest.map((i) => data.series[k]?.values[i] ?? null))],
    })),
    hidden: rest.length,
    total: data.total,
  };
}

function pick(data: ChartData, indices: readonly number[]): ChartData {
  return {
    labels: indices.map((i) => data.labels[i] ?? ""),
    series: data.series.map((s) => ({ name: s.name, values: indices.map((i) => s.values[i] ?? null) })),
    hidden: 0,
    total: data.total,
  };
}

/** Indices ordered by the first series' value, largest first, nulls last, ties by position. */
export function rankByFirstSeries(data: ChartData): number[] {
  const first = data.series[0]?.values ?? [];
  return data.labels
    .map((_, i) => i)
    .sort((a, b) => {
      const va = first[a] ?? null;
      const vb = first[b] ?? null;
      if (va === null || vb === null) return va === vb ? a - b : va === null ? 1 : -1;
      return vb - va || a - b;
    });
}

function sumOf(values: readonly (number | null)[]): number | null {
  let sum: number | null = null;
  for (const v of values) if (v !== null) sum = (sum ?? 0) + v;
  return sum;
}

/** True for units whose values can be added up (an "Other" sum makes sense). */
export function isAdditive(unit: Unit): boolean {
  return unit === "count" || unit === "money";
}
