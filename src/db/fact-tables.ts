/**
 * The data contract: the 13 tables a shop's data lives in (db/schema/001–013), filled by the
 * generator or by the shop's own loaders; everything else is derived from them.
 */

/** The 13 tables, parents before children (the load order). */
export const FACT_TABLES = [
  "product_categories",
  "products",
  "users",
  "traffic_sources",
  "ad_platforms",
  "ad_pricing",
  "campaigns",
  "ads",
  "sessions",
  "orders",
  "order_details",
  "payments",
  "ad_interactions",
] as const;
