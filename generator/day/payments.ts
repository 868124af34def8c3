/**
 * Payments of an order. Paid, shipped and delivered orders have captured payments summing to
 * the order total (sometimes split with a gift card); refunded orders also have a refund row;
 * some cancelled orders were paid and refunded, some had a failed attempt; a few pending
 * orders show a failed attempt. Money is in integer cents, so sums are exact.
 */
import { SECONDS_PER_DAY } from "../calendar.js";
import type { Random } from "../random.js";
import type { PaymentMethod } from "../reference/people-data.js";
import { type RowBuffer, token } from "../row-buffer.js";
import type { OrderStatus } from "./orders.js";
import { type IdCounters, type World, writeTimeAfter } from "./world.js";

export interface PaymentRequest {
  readonly orderId: number;
  /** Second of the order's day when it was placed. */
  readonly second: number;
  readonly status: OrderStatus;
  readonly method: PaymentMethod;
  /** Order total in cents (> 0). */
  readonly total: number;
}

const GIFT_CARD_CENTS = [1000, 2500, 5000] as const;

type PaymentStatus = "captured" | "refunded" | "failed";

export const METHOD_TOKENS: Readonly<Record<PaymentMethod | "gift_card", Uint8Array>> = {
  card: token("card"),
  paypal: token("paypal"),
  apple_pay: token("apple_pay"),
  google_pay: token("google_pay"),
  klarna: token("klarna"),
  bank_transfer: token("bank_transfer"),
  cash_on_delivery: token("cash_on_delivery"),
  gift_card: token("gift_card"),
};

const STATUS_TOKENS: Readonly<Record<PaymentStatus, Uint8Array>> = {
  captured: token("captured"),
  refunded: token("refunded"),
  failed: token("failed"),
};

/** Seconds from order to capture for a payment method. */
function captureDelay(rng: Random, method: PaymentMethod): number {
  switch (method) {
    case "bank_transfer":
      return Math.round(rng.uniform(0.3, 2.5) * SECONDS_PER_DAY);
    case "cash_on_delivery":
      return Math.round(rng.uniform(2, 5) * SECONDS_PER_DAY);
    case "klarna":
      return rng.between(30, 300);
    default:
      return rng.between(4, 90);
  }
}

function writeRow(
  world: World,
  sink: RowBuffer,
  ids: IdCounters,
  index: number,
  orderId: number,
  method: PaymentMethod | "gift_card",
  status: PaymentStatus,
  cents: number,
  second: number,
): void {
  sink
    .int(++ids.payment)
    .tab()
    .int(orderId)
    .tab()
    .token(METHOD_TOKENS[method])
    .tab()
    .token(STATUS_TOKENS[status])
    .tab();
  writeTimeAfter(sink.money(cents).tab(), world.window, index, second).end();
}

/** Captures the total (3% of larger orders pay part with a gift card); returns when the main capture happened. */
function capture(
  world: World,
  sink: RowBuffer,
  ids: IdCounters,
  rng: Random,
  index: number,
  order: PaymentRequest,
): number {
  const at = order.second + captureDelay(rng, order.method);
  let rest = order.total;
  if (order.total > 4000 && rng.chance(0.03)) {
    const gift = rng.pick(GIFT_CARD_CENTS);
    if (gift < order.total - 100) {
      writeRow(world, sink, ids, index, order.orderId, "gift_card", "captured", gift, order.second + 2);
      rest -= gift;
    }
  }
  writeRow(world, sink, ids, index, order.orderId, order.method, "captured", rest, at);
  return at;
}

/** Writes the payment rows; returns the paid amount in cents (captured minus refunded). */
export function writePayments(
  world: World,
  sink: RowBuffer,
  ids: IdCounters,
  rng: Random,
  index: number,
  order: PaymentRequest,
): number {
  const { orderId, method, total } = order;
  const row = (status: "refunded" | "failed", at: number) =>
    writeRow(world, sink, ids, index, orderId, method, status, total, at);
  const failed = () => row("failed", order.second + rng.between(5, 60));
  switch (order.status) {
    case "paid":
    case "shipped":
    case "delivered":
      capture(world, sink, ids, rng, index, order);
      return total;
    case "refunded": {
      const at = capture(world, sink, ids, rng, index, order);
      const age = world.window.days - 1 - index;
      const refundDays = rng.between(2, Math.max(2, Math.min(20, age)));
      row("refunded", at + refundDays * SECONDS_PER_DAY);
      return 0;
    }
    case "cancelled": {
      const r = rng.float();
      if (r < 0.4) {
        const at = capture(world, sink, ids, rng, index, order);
        row("refunded", at + rng.between(600, SECONDS_PER_DAY));
      } else if (r < 0.65) {
        failed();
      }
      return 0;
    }
    case "pending":
      if (rng.chance(0.15)) failed();
      return 0;
  }
}
