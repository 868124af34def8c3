/**
 * The normal range of a figure from its recent values, by a robust rule: the median ± 3 ×
 * MAD, where MAD is the median absolute deviation scaled by 1.4826 (so that it estimates the
 * standard deviation of normally distributed values) and never less than 5% of the median
 * (eight identical values would otherwise make any change "unusual"). One or two outliers
 * among the values move neither the median nor the MAD much, unlike a mean ± 3 σ.
 */

/** Scale that turns a MAD into an estimate of σ for normal data. */
export const MAD_TO_SIGMA = 1.4826;
/** How many MADs from the median a value may be and still be normal. */
export const RANGE_MADS = 3;
/** The smallest spread, as a fraction of the median. */
export const MIN_SPREAD = 0.05;
/** Fewer values than this give no range. */
export const MIN_VALUES = 5;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface RobustRange {
  readonly median: number;
  /** Scaled MAD (at least MIN_SPREAD of the median). */
  readonly spread: number;
  readonly low: number;
  readonly high: number;
}

/** The normal range of `values`, or null with fewer than MIN_VALUES of them. */
export function robustRange(values: readonly number[]): RobustRange | null {
  if (values.length < MIN_VALUES) return null;
  const m = median(values);
  const mad = median(values.map((v) => Math.abs(v - m))) * MAD_TO_SIGMA;
  const spread = Math.max(mad, Math.abs(m) * MIN_SPREAD);
  return { median: m, spread, low: m - RANGE_MADS * spread, high: m + RANGE_MADS * spread };
}
