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
    agg_sessions_daily: await rows(
      connection,
      "SELECT * FROM agg_sessions_daily ORDER BY day, source_id, device",
    ),
    agg_user_activity_daily: await rows(
      connection,
      "SELECT * FROM agg_user_activity_daily ORDER BY day, user_id",
    ),
  };
}
