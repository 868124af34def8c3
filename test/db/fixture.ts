/**
 * A small hand-written shop: 3 products, 3 users, 4 traffic sources, 2 ad platforms,
 * 2 campaigns, 3 ads, 6 sessions, 6 orders and a handful of ad interactions.
 * Every expected figure in the db tests is worked out by hand from these rows
 * (see the comments in procedures.test.ts and views.test.ts).
 */
import type { Connection } from "mysql2/promise";

export const FIXTURE_SQL = `
INSERT INTO product_categories (category_id, name, slug) VALUES (1, 'Shoes', 'shoes'), (2, 'Bags', 'bags');
INSERT INTO products (product_id, category_id, sku, name, price, unit_cost, stock_qty, reorder_level, is_active, created_date) VALUES
  (1, 1, 'SH-RUN', 'Runner', 100.00, 40.00, 5, 10, 1, '2025-01-01'),
  (2, 1, 'SH-BOOT', 'Boot', 150.00, 60.00, 0, 5, 1, '2025-01-01'),
  (3, 2, 'BG-TOTE', 'Tote', 50.00, 20.00, 100, 10, 1, '2025-01-01');
INSERT INTO users (user_id, email, full_name, gender, birth_date, city, country_code, device, platform, signup_date) VALUES
  (1, 'ada@example.com', 'Ada L', 'female', '1990-05-01', 'Berlin', 'DE', 'mobile', 'ios', '2026-01-10'),
  (2, 'bob@example.com', 'Bob K', 'male', '1985-03-02', 'Munich', 'DE', 'desktop', 'web', '2026-02-15'),
  (3, 'cy@example.com', 'Cy M', 'female', '2000-07-07', 'Berlin', 'DE', 'mobile', 'android', '2026-11-01');
INSERT INTO traffic_sources (source_id, slug, name, is_paid) VALUES
  (1, 'paid_social', 'Paid social', 1), (2, 'organic_search', 'Organic search', 0),
  (3, 'direct', 'Direct', 0), (4, 'paid_search', 'Paid search', 1);
INSERT INTO ad_platforms (platform_id, slug, name) VALUES (1, 'meta', 'Meta'), (2, 'google', 'Google');
INSERT INTO ad_pricing (pricing_id, platform_id, placement, pricing_model, unit_price) VALUES
  (1, 1, 'feed', 'CPM', 10.0000), (2, 1, 'stories', 'CPM', 8.0000), (3, 2, 'search', 'CPC', 0.5000);
INSERT INTO campaigns (campaign_id, name, objective, start_date, end_date, status) VALUES
  (1, 'Autumn Sale', 'sales', '2026-11-01', '2026-11-30', 'active'),
  (2, 'Brand', 'awareness', '2026-10-01', '2026-10-31', 'ended');
INSERT INTO ads (ad_id, campaign_id, pricing_id, ad_format, headline, status, start_date, end_date, planned_budget) VALUES
  (1, 1, 1, 'image', 'Autumn runners', 'active', '2026-11-01', NULL, 500.00),
  (2, 1, 3, 'text', 'Boots on sale', 'active', '2026-11-01', NULL, 300.00),
  (3, 2, 2, 'video', 'Meet the brand', 'ended', '2026-10-01', '2026-10-31', 200.00);
INSERT INTO sessions (session_id, user_id, source_id, ad_id, started_at, device, page_views, duration_s) VALUES
  (1, 1, 1, 1, '2026-11-10 10:00:00', 'mobile', 5, 300),
  (2, 2, 2, NULL, '2026-11-10 11:00:00', 'desktop', 8, 600),
  (3, 3, 4, 2, '2026-11-10 12:00:00', 'mobile', 3, 120),
  (4, NULL, 3, NULL, '2026-11-10 13:00:00', 'desktop', 1, 10),
  (5, 1, 3, NULL, '2026-11-11 09:00:00', 'mobile', 4, 200),
  (6, 2, 2, NULL, '2026-10-15 20:00:00', 'desktop', 6, 400);
INSERT INTO orders (order_id, user_id, session_id, ad_id, ordered_at, status, city, payment_method) VALUES
  (1, 1, 1, 1, '2026-11-10 10:30:00', 'delivered', 'Berlin', 'card'),
  (2, 2, 2, NULL, '2026-11-10 11:30:00', 'paid', 'Munich', 'paypal'),
  (3, 3, 3, 2, '2026-11-10 12:30:00', 'shipped', 'Berlin', 'klarna'),
  (4, 1, 5, NULL, '2026-11-11 09:30:00', 'cancelled', 'Berlin', 'card'),
  (5, 2, 6, NULL, '2026-10-15 20:30:00', 'refunded', 'Munich', 'card'),
  (6, 1, 5, NULL, '2026-11-11 09:45:00', 'pending', 'Berlin', 'bank_transfer');
INSERT INTO order_details (order_id, line_no, product_id, quantity, unit_price, unit_cost, line_discount) VALUES
  (1, 1, 1, 2, 100.00, 40.00, 10.00), (1, 2, 3, 1, 50.00, 20.00, 0),
  (2, 1, 3, 3, 50.00, 20.00, 15.00),
  (3, 1, 2, 1, 150.00, 60.00, 0),
  (4, 1, 1, 1, 100.00, 40.00, 0),
  (5, 1, 3, 2, 50.00, 20.00, 0),
  (6, 1, 3, 1, 50.00, 20.00, 0);
INSERT INTO payments (payment_id, order_id, method, status, amount, paid_at) VALUES
  (1, 1, 'card', 'captured', 240.00, '2026-11-10 10:31:00'),
  (2, 2, 'gift_card', 'captured', 100.00, '2026-11-10 11:31:00'),
  (3, 2, 'paypal', 'captured', 35.00, '2026-11-10 11:31:00'),
  (4, 3, 'klarna', 'captured', 150.00, '2026-11-10 12:31:00'),
  (5, 4, 'card', 'failed', 100.00, '2026-11-11 09:31:00'),
  (6, 5, 'card', 'captured', 100.00, '2026-10-15 20:31:00'),
  (7, 5, 'card', 'refunded', 100.00, '2026-10-20 10:00:00');
INSERT INTO ad_interactions (interaction_id, ad_id, user_id, order_id, stage, occurred_at, event_count) VALUES
  (1, 1, NULL, NULL, 'impression', '2026-11-10 09:00:00', 1000),
  (2, 1, NULL, NULL, 'impression', '2026-11-10 15:00:00', 500),
  (3, 1, NULL, NULL, 'impression', '2026-11-11 10:00:00', 2000),
  (4, 1, 1, NULL, 'click', '2026-11-10 09:59:00', 1),
  (5, 1, 2, NULL, 'click', '2026-11-10 15:10:00', 1),
  (6, 1, 3, NULL, 'click', '2026-11-10 15:20:00', 1),
  (7, 1, 1, NULL, 'click', '2026-11-11 10:05:00', 1),
  (8, 1, 2, NULL, 'click', '2026-11-11 10:06:00', 1),
  (9, 1, 1, NULL, 'lead', '2026-11-10 10:10:00', 1),
  (10, 1, 2, NULL, 'lead', '2026-11-11 10:10:00', 1),
  (11, 1, 1, 1, 'conversion', '2026-11-10 10:30:00', 1),
  (12, 2, NULL, NULL, 'impression', '2026-11-10 08:00:00', 400),
  (13, 2, 1, NULL, 'click', '2026-11-10 11:00:00', 1),
  (14, 2, 2, NULL, 'click', '2026-11-10 11:05:00', 1),
  (15, 2, 3, NULL, 'click', '2026-11-10 11:59:00', 1),
  (16, 2, 1, NULL, 'click', '2026-11-10 16:00:00', 1),
  (17, 2, 3, NULL, 'lead', '2026-11-10 12:10:00', 1),
  (18, 2, 3, 3, 'conversion', '2026-11-10 12:30:00', 1),
  (19, 3, NULL, NULL, 'impression', '2026-10-15 12:00:00', 10000),
  (20, 3, 2, NULL, 'click', '2026-10-15 19:55:00', 1),
  (21, 3, 1, NULL, 'click', '2026-10-15 21:00:00', 1);
`;

export async function loadFixture(connection: Connection): Promise<void> {
  await connection.query(FIXTURE_SQL);
}

/** Rows of a query as plain objects, for toEqual comparisons. */
export async function rows<T = Record<string, unknown>>(
  connection: Connection,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const [result] = await connection.query(sql, params);
  return (result as object[]).map((r) => ({ ...r })) as T[];
}
