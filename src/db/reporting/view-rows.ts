/**
 * Typed rows of the reporting views (db/views/), as Kysely sees them. Decimal columns
 * arrive as numbers (mysql2 decimalNumbers), dates as "YYYY-MM-DD" strings.
 */
export interface CampaignDailyRow {
  day: string;
  campaign_id: number;
  campaign: string;
  platform: string;
  platform_name: string;
  impressions: number;
  clicks: number;
  leads: number;
  conversions: number;
  spend: number;
  orders: number;
  revenue: number;
  cogs: number;
}

export interface AdPerformanceRow {
  day: string;
  ad_id: number;
  campaign_id: number;
  campaign: string;
  platform: string;
  platform_name: string;
  placement: string;
  pricing_model: string;
  ad_format: string;
  impressions: number;
  clicks: number;
  leads: number;
  conversions: number;
  spend: number;
  orders: number;
  revenue: number;
  cogs: number;
}

/** Day x platform (v_platform_daily), the same sums as CampaignDailyRow. */
export type PlatformDailyRow = Omit<CampaignDailyRow, "campaign_id" | "campaign">;

/** Day x platform x ad format (v_format_daily). */
export type FormatDailyRow = PlatformDailyRow & { ad_format: string };

export interface AdStructureRow {
  ad_id: number;
  headline: string;
  campaign_id: number;
  campaign: string;
  platform: string;
  platform_name: string;
  placement: string;
  pricing_model: string;
  unit_price: number;
  ad_format: string;
  status: string;
  start_date: string;
  end_date: string | null;
  planned_budget: number;
  budget_spent: number;
}

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

export type OrdersCityDailyRow = Omit<OrdersDailyRow, "source">;

export interface ProductDailyRow {
  day: string;
  product_id: number;
  orders: number;
  units: number;
  revenue: number;
  cogs: number;
}

export interface RevenueByCategoryRow {
  day: string;
  category: string;
  category_name: string;
  order_lines: number;
  units: number;
  revenue: number;
  cogs: number;
}

export interface ProductSalesDailyRow {
  day: string;
  product_id: number;
  sku: string;
  product: string;
  category: string;
  category_name: string;
  orders: number;
  units: number;
  revenue: number;
  cogs: number;
}

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

export interface TrafficConversionRow {
  day: string;
  source: string;
  source_name: string;
  is_paid: number;
  sessions: number;
  converted_sessions: number;
  orders: number;
  revenue: number;
}

export interface UserProfileRow {
  user_id: number;
  signup_date: string;
  city: string;
  country_code: string;
  gender: string;
  birth_year: number;
  device: string;
  platform: string;
}

export interface UserSignupsDailyRow {
  day: string;
  city: string;
  gender: string;
  birth_year: number;
  device: string;
  platform: string;
  users: number;
}

export interface UserActivityDailyRow {
  day: string;
  user_id: number;
  city: string;
  sessions: number;
}

/** Active users by day, city ('' = all) and days since their previous active day (capped). */
export interface UserReturnsDailyRow {
  city: string;
  day: string;
  gap: number;
  users: number;
}

export type ProfileDimension = "gender" | "birth_year" | "device" | "platform" | "city";

export interface SignupsByProfileDailyRow {
  day: string;
  city: string;
  dimension: ProfileDimension;
  dim_value: string;
  users: number;
}

export type SignupsByProfileTotalRow = Omit<SignupsByProfileDailyRow, "day">;

export interface DataFreshnessRow {
  last_refresh_at: string | null;
  last_full_refresh_at: string | null;
  first_day: string | null;
  last_day: string | null;
  pending_days: number;
}

export interface FilterValueRow {
  value: string;
}

/** The views the query path may read: the whole of what a read-only account can see. */
export interface ReportingViews {
  v_campaign_daily: CampaignDailyRow;
  v_platform_daily: PlatformDailyRow;
  v_format_daily: FormatDailyRow;
  v_ad_performance: AdPerformanceRow;
  v_ad_structure: AdStructureRow;
  v_orders_daily: OrdersDailyRow;
  v_orders_city_daily: OrdersCityDailyRow;
  v_product_daily: ProductDailyRow;
  v_revenue_by_category: RevenueByCategoryRow;
  v_product_sales_daily: ProductSalesDailyRow;
  v_product_stock: ProductStockRow;
  v_traffic_conversion: TrafficConversionRow;
  v_user_profiles: UserProfileRow;
  v_user_signups_daily: UserSignupsDailyRow;
  v_user_activity_daily: UserActivityDailyRow;
  v_user_returns_daily: UserReturnsDailyRow;
  v_signups_by_profile_daily: SignupsByProfileDailyRow;
  v_signups_by_profile_total: SignupsByProfileTotalRow;
  v_data_freshness: DataFreshnessRow;
}
