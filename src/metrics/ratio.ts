/** The two arithmetic rules every KPI follows: no NaN, no Infinity, no -0. */

const finite = (value: number | null | undefined): value is number =>
  typeof value === "number" && Number.isFinite(value);

const noNegativeZero = (value: number): number => (value === 0 ? 0 : value);

/** numerator ÷ denominator, or null when either is missing/non-finite or the denominator is 0. */
export function ratio(
  numerator: number | null | undefined,
  denominator: number | null | undefined,
): number | null {
  if (!finite(numerator) || !finite(denominator) || denominator === 0) return null;
  const value = numerator / denominator;
  return Number.isFinite(value) ? noNegativeZero(value) : null;
}

/** Relative change (current − previous) ÷ |previous|, or null when previous is 0 or missing. */
export function change(
  current: number | null | undefined,
  previous: number | null | undefined,
): number | null {
  if (!finite(current) || !finite(previous)) return null;
  return ratio(current - previous, Math.abs(previous));
}
