/** Small helpers shared by the area queries. */

/** A SUM/COUNT value as a number: NULL (no rows) is 0. */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === "number" ? value : Number(value);
}

/**
 * The view to read: the rollup view, or the finer view when a filter needs a column only the
 * finer one has (the finer view has every column of the rollup view, so the query is typed by
 * the rollup view's columns and the extra filter goes through sql.ref).
 */
export function rollupOrFiner<Rollup extends string>(
  rollup: Rollup,
  finer: string,
  needFiner: boolean,
): Rollup {
  return (needFiner ? finer : rollup) as Rollup;
}
