/** What the orders area reads: order sums, per day, payment method and city, and the top products. */
import type { CountAndAmount } from "../area-series.js";

export interface OrderSums {
  readonly ordersPlaced: number;
  readonly orders: number;
  readonly items: number;
  readonly gross: number;
  readonly discount: number;
  readonly revenue: number;
  readonly cogs: number;
}

/** What the comparison period needs: the sums its KPIs are computed from. */
export interface OrdersPrior {
  readonly totals: OrderSums;
}

export interface OrdersData extends OrdersPrior {
  readonly byDay: readonly { readonly day: string; readonly orders: number; readonly revenue: number }[];
  readonly byPaymentMethod: readonly CountAndAmount[];
  readonly byCity: readonly CountAndAmount[];
  readonly topProducts: readonly {
    readonly product: string;
    readonly category: string;
    readonly units: number;
    readonly revenue: number;
  }[];
  /** Products with sales in the range: topProducts is the top of these. */
  readonly productsSold: number;
}
