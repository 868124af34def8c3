/** What the stock area reads: the products at or below their reorder level, with their recent sales. */
import { ratio } from "../../metrics/ratio.js";

/** Days of sales behind "days of cover" (stock ÷ average daily units sold). */
export const COVER_DAYS = 30;

export interface StockItem {
  readonly sku: string;
  readonly product: string;
  readonly category: string;
  readonly price: number;
  readonly stock: number;
  readonly reorderLevel: number;
  readonly status: "out" | "low" | "ok";
  /** Units sold (paid) in the COVER_DAYS days ending on the day asked about. */
  readonly unitsSold30d: number;
}

/** Days the stock lasts at the average daily sales of the last 30 days; 0 when out; null without sales. */
export function daysOfCover(item: StockItem): number | null {
  if (item.stock === 0) return 0;
  return ratio(item.stock, item.unitsSold30d / COVER_DAYS);
}
