/**
 * Whether a value is unusual for its series, by a robust rule: against the median of the
 * comparable earlier values (the same weekday of the last 8 weeks, the last 8 months …), it is
 * unusual when it lies more than UNUSUAL_K robust standard deviations away, where the robust
 * standard deviation is 1.4826 × the median absolute deviation (MAD) — what the standard
 * deviation would be for normal data, unmoved by one odd period. A MAD of zero (a flat
 * series) is floored at 1% of the median's size so that tiny wobbles are not unusual.
 */

/** How many robust standard deviations from the median count as unusual. */
export const UNUSUAL_K = 3;
/** Earlier values needed before anything is called unusual. */
export const MIN_HISTORY = 4;
const MAD_TO_SD = 1.4826;
const FLAT_FLOOR = 0.01;

export interface NormalRange {
  readonly median: number;
  /** The robust standard deviation (floored). */
  readonly spread: number;
  readonly low: number;
  readonly high: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** The normal range of a series of earlier values, or null with fewer than MIN_HISTORY of them. */
export function normalRange(history: readonly (number | null)[]): NormalRange | null {
  const values = history.filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length < MIN_HISTORY) return null;
  const m = median(values);
  const mad = median(values.map((v) => Math.abs(v - m)));
  const spread = Math.max(MAD_TO_SD * mad, FLAT_FLOOR * Math.abs(m), Number.EPSILON);
  return { median: m, spread, low: m - UNUSUAL_K * spread, high: m + UNUSUAL_K * spread };
}

/** How many robust standard deviations `value` lies from the median (signed). */
export function robustScore(value: number, range: NormalRange): number {
  return (value - range.median) / range.spread;
}

export function isUnusual(value: number | null, range: NormalRange | null): boolean {
  return value !== null && range !== null && Math.abs(robustScore(value, range)) > UNUSUAL_K;
}
