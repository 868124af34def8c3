/** The arithmetic rule every ratio KPI follows: no NaN, no Infinity, no -0. */

export const finite = (value: number | null | undefined): value is number =>
  typeof value === "number" && Number.isFinite(value);

export const noNegativeZero = (value: number): number => (value === 0 ? 0 : value);

/** numerator ÷ denominator, or null when either is missing/non-finite or the denominator is 0. */
export function ratio(
  numerator: number | null | undefined,
  denominator: number | null | undefined,
): number | null {
  if (!finite(numerator) || !finite(denominator) || denominator === 0) return null;
  const value = numerator / denominator;
  return Number.isFinite(value) ? noNegativeZero(value) : null;
}
