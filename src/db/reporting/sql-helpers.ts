/** Small helpers shared by the area queries. */

/** A SUM/COUNT value as a number: NULL (no rows) is 0. */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === "number" ? value : Number(value);
}
