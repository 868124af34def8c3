/** The price ranges the products area counts its catalogue in (in SQL and in its chart). */

/** Upper bounds of the price ranges; the last range is open. */
export const PRICE_BOUNDS = [25, 50, 100, 250, 500] as const;

/** The index of the price range a price falls in: i for price < PRICE_BOUNDS[i], else the last one. */
export function priceBand(price: number): number {
  const index = PRICE_BOUNDS.findIndex((upper) => price < upper);
  return index === -1 ? PRICE_BOUNDS.length : index;
}

/** Labels of the price ranges ("0–25" … "500+") and the product count of each. */
export function priceRanges(bandCounts: readonly number[]): { labels: string[]; counts: number[] } {
  const labels = PRICE_BOUNDS.map((upper, i) => `${i === 0 ? 0 : PRICE_BOUNDS[i - 1]}–${upper}`);
  labels.push(`${PRICE_BOUNDS[PRICE_BOUNDS.length - 1]}+`);
  return { labels, counts: labels.map((_, i) => bandCounts[i] ?? 0) };
}
