/** Every derived figure in one object: the columns the procedures write and the agg_* rollups. */
import type { Connection } from "mysql2/promise";
import { rows } from "./fixture.js";

export async function derivedSnapshot(connection: Connection): Promise<Record<string, unknown[]>> {
  return {
    orders: await rows(
      connection,
      "SELECT order_id, subtotal, discount, total, paid_amount FROM orders ORDER BY order_id",
    ),
    ads: await rows(
      connection,
      "SELECT ad_id, impressions, clicks, leads, conversions, budget_spent FROM ads ORDER BY ad_id",
    ),
    campaigns: await rows(
      connection,
      "SELECT campaign_id, budget, spend, impressions, clicks, leads, conversions, revenue FROM campaigns ORDER BY campaign_id",
    ),
    agg_ad_daily: await rows(connection, "SELECT * FROM agg_ad_daily ORDER BY day, ad_id"),
    agg_orders_daily: await rows(
      connection,
      "SELECT * FROM agg_orders_daily ORDER BY day, city, source_id, payment_method",
    ),
    agg_product_daily: await rows(connection, "SELECT * FROM agg_product_daily ORDER BY day, product_id"),
    agg_product_city_source_daily: await rows(
      connection,
      "SELECT * FROM agg_product_city_source_daily ORDER BY day, city, source_id, product_id",
    ),
    agg_sessions_daily: await rows(
      connection,
      "SELECT * FROM agg_sessions_daily ORDER BY day, source_id, device",
    ),
    agg_user_activity_daily: await rows(
      connection,
      "SELECT * FROM agg_user_activity_daily ORDER BY day, user_id",
    ),
    agg_campaign_daily: await rows(
      connection,
      "SELECT * FROM agg_campaign_daily ORDER BY day, campaign_id, platform_id",
    ),
    agg_format_daily: await rows(
      connection,
      "SELECT * FROM agg_format_daily ORDER BY day, platform_id, ad_format",
    ),
    agg_orders_city_daily: await rows(
      connection,
      "SELECT * FROM agg_orders_city_daily ORDER BY day, city, payment_method",
    ),
    agg_category_daily: await rows(connection, "SELECT * FROM agg_category_daily ORDER BY day, category_id"),
    agg_user_returns_daily: await rows(
      connection,
      "SELECT * FROM agg_user_returns_daily ORDER BY city, day, gap",
    ),
    agg_signups_daily: await rows(
      connection,
      "SELECT * FROM agg_signups_daily ORDER BY day, city, dimension, dim_value",
    ),
    agg_signups_total: await rows(
      connection,
      "SELECT * FROM agg_signups_total ORDER BY city, dimension, dim_value",
    ),
  };
}
