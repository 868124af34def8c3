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

/** Day x shipping city x traffic source x product: paid units and revenue (v_product_city_source_daily). */
export interface ProductCitySourceDailyRow {
  day: string;
  city: string;
  source: string;
  product_id: number;
  units: number;
  revenue: number;
}

export interface OrdersViews {
  v_orders_daily: OrdersDailyRow;
  v_orders_city_daily: OrdersCityDailyRow;
  v_product_city_source_daily: ProductCitySourceDailyRow;
}
