/**
 * An order placed in a visit: 1-6 lines drawn by product popularity (the advertised category
 * first for ad orders) from what is in stock, promotion and coupon discounts, a status that
 * depends on the order's age at the end date, and its payments.
 */
import { takeStock } from "../entities/stock.js";
import type { Random } from "../random.js";
import { token } from "../row-buffer.js";
import { WeightedTable } from "../weighted.js";
import { METHOD_TOKENS, writePayments } from "./payments.js";
import type { DaySinks, IdCounters, World } from "./world.js";

export interface OrderRequest {
  readonly sessionId: number;
  readonly userId: number;
  readonly adId: number;
  readonly sourceId: number;
  readonly second: number;
}

export type OrderStatus = "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded";

const STATUS_TOKENS: Readonly<Record<OrderStatus, Uint8Array>> = {
  pending: token("pending"),
  paid: token("paid"),
  shipped: token("shipped"),
  delivered: token("delivered"),
  cancelled: token("cancelled"),
  refunded: token("refunded"),
};

const LINE_COUNTS = new WeightedTable([0, 36, 25, 17, 11, 7, 4]);
const QUANTITIES = new WeightedTable([0, 78, 16, 4.5, 1.5]);
const MAX_LINES = 6;
const EMAIL_SOURCE = 3;

const lineProduct = new Int32Array(MAX_LINES);
const lineQuantity = new Int32Array(MAX_LINES);
const lineDiscount = new Int32Array(MAX_LINES);

/** Status shares by the order's age in days at the end date. */
function pickStatus(rng: Random, age: number): OrderStatus {
  const r = rng.float();
  if (age === 0) return r < 0.5 ? "pending" : r < 0.96 ? "paid" : "cancelled";
  if (age <= 2)
    return r < 0.14
      ? "pending"
      : r < 0.55
        ? "paid"
        : r < 0.94
          ? "shipped"
          : r < 0.97
            ? "delivered"
            : "cancelled";
  if (age <= 6)
    return r < 0.02
      ? "pending"
      : r < 0.1
        ? "paid"
        : r < 0.52
          ? "shipped"
          : r < 0.95
            ? "delivered"
            : r < 0.985
              ? "cancelled"
              : "refunded";
  return r < 0.003
    ? "paid"
    : r < 0.008
      ? "shipped"
      : r < 0.91
        ? "delivered"
        : r < 0.945
          ? "cancelled"
          : "refunded";
}

function focusCategory(world: World, adId: number): number {
  return adId === 0 ? -1 : (world.ads[adId - 1]?.campaign.category ?? -1);
}

/** Fills the line arrays from stock; returns the number of lines (0 when nothing could be sold). */
function pickLines(world: World, rng: Random, index: number, adId: number, depletes: boolean): number {
  const { catalog, stock } = world;
  const day = world.window.firstDay + index;
  const wanted = LINE_COUNTS.sample(rng);
  const focus = focusCategory(world, adId);
  const focusTable = focus >= 0 ? catalog.byCategory[focus] : undefined;
  let lines = 0;
  for (let attempt = 0; attempt < wanted * 4 && lines < wanted; attempt++) {
    const p =
      lines === 0 && focusTable && rng.chance(0.65)
        ? (focusTable.products[focusTable.table.sample(rng)] as number)
        : catalog.all.sample(rng);
    if ((catalog.createdDay[p] as number) > day || (stock.onHand[p] as number) === 0) continue;
    let duplicate = false;
    for (let k = 0; k < lines; k++) if (lineProduct[k] === p) duplicate = true;
    if (duplicate) continue;
    const quantity = QUANTITIES.sample(rng);
    const taken = depletes
      ? takeStock(stock, p, quantity, index)
      : Math.min(quantity, stock.onHand[p] as number);
    if (taken === 0) continue;
    lineProduct[lines] = p;
    lineQuantity[lines] = taken;
    lines++;
  }
  return lines;
}

/** Writes the order, its lines and payments; returns the order id, or 0 when nothing was in stock. */
export function placeOrder(
  world: World,
  sinks: DaySinks,
  ids: IdCounters,
  rng: Random,
  index: number,
  request: OrderRequest,
): number {
  const { catalog, lookups, window, profile, users } = world;
  const age = window.days - 1 - index;
  const status = pickStatus(rng, age);
  const lines = pickLines(world, rng, index, request.adId, status !== "cancelled");
  if (lines === 0) return 0;
  const promotion = profile.promotion[index] as number;
  const promoShare = promotion >= 1.1 ? 0.75 : 0;
  const promoRate = promotion >= 2 ? 0.3 : 0.15;
  const couponRate = (request.sourceId === EMAIL_SOURCE ? rng.chance(0.25) : rng.chance(0.07)) ? 0.1 : 0;
  let subtotal = 0;
  let discount = 0;
  for (let k = 0; k < lines; k++) {
    const p = lineProduct[k] as number;
    const gross = (lineQuantity[k] as number) * (catalog.priceCents[p] as number);
    const rate = Math.max(couponRate, rng.chance(promoShare) ? promoRate + rng.int(3) * 0.05 : 0);
    lineDiscount[k] = Math.round(gross * rate);
    subtotal += gross;
    discount += lineDiscount[k] as number;
  }
  const total = subtotal - discount;
  const orderId = ++ids.order;
  const userCity = users.city[request.userId - 1] as number;
  const city = rng.chance(0.95) ? userCity : lookups.cities.sample(rng);
  const method = (lookups.nlCity[userCity] === 1 ? lookups.payment.nl : lookups.payment.default).sample(rng);
  const paid = writePayments(world, sinks.payments, ids, rng, index, {
    orderId,
    second: request.second,
    status,
    method,
    total,
  });
  const row = sinks.orders.int(orderId).tab().int(request.userId).tab().int(request.sessionId).tab();
  if (request.adId === 0) row.null();
  else row.int(request.adId);
  row.tab().dateTime(window.prefixBytes, index, request.second).tab().token(STATUS_TOKENS[status]).tab();
  row
    .token(lookups.tokens.cities[city] as Uint8Array)
    .tab()
    .token(METHOD_TOKENS[method])
    .tab();
  row.money(subtotal).tab().money(discount).tab().money(total).tab().money(paid).end();
  const details = sinks.orderDetails;
  for (let k = 0; k < lines; k++) {
    const p = lineProduct[k] as number;
    details
      .int(orderId)
      .tab()
      .int(k + 1)
      .tab()
      .int(p + 1)
      .tab()
      .int(lineQuantity[k] as number)
      .tab();
    details
      .money(catalog.priceCents[p] as number)
      .tab()
      .money(catalog.costCents[p] as number)
      .tab();
    details.money(lineDiscount[k] as number).end();
  }
  return orderId;
}
