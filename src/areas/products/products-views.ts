/** Rows of the product views (db/views/), read by products, stock, orders and the category filter. */

/** Day x product ids (v_product_daily). */
export interface ProductDailyRow {
  day: string;
  product_id: number;
  orders: number;
  units: number;
  revenue: number;
  cogs: number;
}

/** Day x category (v_revenue_by_category). */
export interface RevenueByCategoryRow {
  day: string;
  category: string;
  category_name: string;
  order_lines: number;
  units: number;
  revenue: number;
  cogs: number;
}

/** Stock per product now, with its status (v_product_stock). */
export interface ProductStockRow {
  product_id: number;
  sku: string;
  product: string;
  category: string;
  category_name: string;
  price: number;
  unit_cost: number;
  stock_qty: number;
  reorder_level: number;
  is_active: number;
  stock_status: "out" | "low" | "ok";
}

export interface ProductViews {
  v_product_daily: ProductDailyRow;
  v_revenue_by_category: RevenueByCategoryRow;
  v_product_stock: ProductStockRow;
}
