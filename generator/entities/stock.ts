/**
 * Inventory that depletes with sales: each product starts with some stock, is reordered when
 * it falls to its reorder level and the delivery arrives after a lead time. A few popular
 * products have a supplier that stopped delivering, so they run out and stay at 0. The stock
 * left at the end of the window is what products.stock_qty holds.
 */
import { Random } from "../random.js";
import type { Catalog } from "./catalog.js";

export interface StockLedger {
  readonly onHand: Int32Array;
  readonly reorderLevel: Int32Array;
  readonly restockQty: Int32Array;
  readonly leadDays: Int32Array;
  /** Window day index when the pending delivery arrives, -1 if none. */
  readonly arrival: Int32Array;
  readonly noRestock: Uint8Array;
}

/**
 * @param unitsPerDay expected units sold per day over the whole shop
 * @param firstDay the window's first day; @param days its length
 */
export function planStock(
  catalog: Catalog,
  unitsPerDay: number,
  firstDay: number,
  days: number,
  seed: number,
): StockLedger {
  const rng = Random.stream(seed, "stock");
  const n = catalog.count;
  let total = 0;
  for (let p = 0; p < n; p++) total += catalog.popularity[p] as number;
  const onHand = new Int32Array(n);
  const reorderLevel = new Int32Array(n);
  const restockQty = new Int32Array(n);
  const leadDays = new Int32Array(n);
  const arrival = new Int32Array(n).fill(-1);
  const noRestock = new Uint8Array(n);

  const byDemand = [...Array(n).keys()]
    .filter((p) => catalog.active[p] === 1 && (catalog.createdDay[p] as number) < firstDay)
    .sort((a, b) => (catalog.popularity[b] as number) - (catalog.popularity[a] as number));
  const stopped = new Set<number>();
  const stopCount = Math.max(1, Math.round(n * 0.01));
  const candidates = byDemand.slice(0, Math.max(stopCount, Math.ceil(byDemand.length * 0.4)));
  while (stopped.size < Math.min(stopCount, candidates.length)) stopped.add(rng.pick(candidates));

  for (let p = 0; p < n; p++) {
    const daily = (unitsPerDay * (catalog.popularity[p] as number)) / total;
    const lead = rng.between(2, 6);
    leadDays[p] = lead;
    reorderLevel[p] = Math.max(3, Math.ceil(daily * (lead + rng.between(4, 10))));
    restockQty[p] = Math.max(12, Math.ceil(daily * rng.uniform(80, 180)));
    if (catalog.active[p] === 0) {
      onHand[p] = rng.int(4);
    } else if (stopped.has(p)) {
      noRestock[p] = 1;
      onHand[p] = Math.max(2, Math.ceil(daily * days * rng.uniform(0.3, 0.55)));
    } else {
      onHand[p] = (reorderLevel[p] as number) + Math.ceil((restockQty[p] as number) * rng.uniform(0.3, 1.1));
    }
  }
  return { onHand, reorderLevel, restockQty, leadDays, arrival, noRestock };
}

/** Deliveries due on window day `index` arrive. */
export function receiveDeliveries(stock: StockLedger, index: number): void {
  const { arrival, onHand, restockQty } = stock;
  for (let p = 0; p < arrival.length; p++) {
    if (arrival[p] === index) {
      onHand[p] = (onHand[p] as number) + (restockQty[p] as number);
      arrival[p] = -1;
    }
  }
}

/** Takes up to `quantity` units of product `p` on day `index`; returns how many were available. */
export function takeStock(stock: StockLedger, p: number, quantity: number, index: number): number {
  const available = stock.onHand[p] as number;
  const taken = Math.min(quantity, available);
  if (taken === 0) return 0;
  const left = available - taken;
  stock.onHand[p] = left;
  if (left <= (stock.reorderLevel[p] as number) && stock.arrival[p] === -1 && stock.noRestock[p] === 0) {
    stock.arrival[p] = index + (stock.leadDays[p] as number);
  }
  return taken;
}
