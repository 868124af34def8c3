/** Rows of the order views (db/views/), as the orders area reads them. */

/** Day x city x traffic source x payment method (v_orders_daily). */
export interface OrdersDailyRow {
  day: string;
  city: string;
  source: string;
  payment_method: string;
  orders_placed: number;
  orders_paid: number;
  items: number;
  gross: number;
  discount: number;
  revenue: number;
  cogs: number;
}

/** The same without the source (v_orders_city_daily, an eighth of the rows). */
export type OrdersCityDailyRow = Omit<OrdersDailyRow, "source">;

export interface OrdersViews {
  v_orders_daily: OrdersDailyRow;
  v_orders_city_daily: OrdersCityDailyRow;
}
