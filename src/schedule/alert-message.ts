/**
 * What a low-stock alert and a recovery note say, platform-neutral: the items for a
 * platform to lay out (a list, a table, a snooze button) and a plain-text version.
 */
import { daysOfCover, type StockItem } from "../areas/stock/stock-data.js";

export interface AlertItem {
  readonly sku: string;
  readonly product: string;
  readonly category: string;
  readonly stock: number;
  readonly reorderLevel: number;
  /** Days the stock lasts at the last 30 days' sales rate; 0 when out; null without sales. */
  readonly daysOfCover: number | null;
}

export interface LowStockAlert {
  /** The products that went low since the last check, lowest cover first. */
  readonly items: readonly AlertItem[];
  /** ALERT_MENTION (`<!subteam^S0123>`, `@stock-team`), to put at the start of the message. */
  readonly mention: string | undefined;
  /** The whole alert as plain text (fallback text, notifications, logs). */
  readonly text: string;
  readonly checkedAt: Date;
}

export interface RecoveryNote {
  readonly sku: string;
  readonly product: string;
  readonly text: string;
}

/** Snoozing from the alert's button lasts this long. */
export const SNOOZE_MS = 24 * 60 * 60 * 1000;

export function alertItem(item: StockItem): AlertItem {
  return {
    sku: item.sku,
    product: item.product,
    category: item.category,
    stock: item.stock,
    reorderLevel: item.reorderLevel,
    daysOfCover: daysOfCover(item),
  };
}

export function coverText(days: number | null): string {
  if (days === null) return "no sales in the last 30 days";
  if (days === 0) return "out of stock";
  const rounded = days < 10 ? Math.round(days * 10) / 10 : Math.round(days);
  return `${rounded} ${rounded === 1 ? "day" : "days"} of cover`;
}

const coverOrder = (a: AlertItem, b: AlertItem): number =>
  (a.daysOfCover ?? Number.POSITIVE_INFINITY) - (b.daysOfCover ?? Number.POSITIVE_INFINITY) ||
  a.sku.localeCompare(b.sku);

export function lowStockAlert(
  items: readonly AlertItem[],
  mention: string | undefined,
  checkedAt: Date,
): LowStockAlert {
  const sorted = [...items].sort(coverOrder);
  const count = sorted.length === 1 ? "1 product is" : `${sorted.length} products are`;
  const lines = sorted.map(
    (i) =>
      `• ${i.product} (${i.sku}): stock ${i.stock}, reorder level ${i.reorderLevel}, ${coverText(i.daysOfCover)}`,
  );
  const head = `${mention ? `${mention} ` : ""}Low stock: ${count} at or below the reorder level.`;
  return { items: sorted, mention, text: [head, ...lines].join("\n"), checkedAt };
}

export function recoveryNote(sku: string, product: string): RecoveryNote {
  return { sku, product, text: `${product} (${sku}) is back above its reorder level.` };
}
