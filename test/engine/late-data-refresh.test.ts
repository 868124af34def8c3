/**
 * Late data: an order, an ad interaction, a session of a user who was not active that day and
 * a new user, inserted for a past day (plain SQL, as an outside loader writes: the triggers mark
 * the days dirty, and in portable mode — no triggers — the watermarks find them), show up in
 * the next answer after the incremental refresh (`kpi db refresh`, refreshDerived), by exactly
 * the inserted amounts — and the incrementally refreshed rollups (including the summary ones:
 * campaigns, cities, categories, active-user returns, signups) equal a from-scratch
 * recomputation (a full refresh).
 */
import type { RowDataPacket } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshDerived } from "../../src/db/refresh.js";
import type { Engine } from "../../src/engine/engine.js";
import { derivedSnapshot } from "../db/snapshot.js";
import { AS_OF, createGeneratedDatabase } from "../helpers/generated-database.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { answerOf, testEngine } from "../helpers/test-engine.js";

const LATE_DAY = "2026-11-10";
const RANGE = `${LATE_DAY}..${LATE_DAY}`;

let db: TestDatabase;
let engine: Engine;

beforeAll(async () => {
  db = await createGeneratedDatabase("kpi_late");
  engine = testEngine(db.url, AS_OF);
}, 180_000);

afterAll(async () => {
  await engine?.close();
  await db?.drop();
});

async function kpi(area: string, key: string): Promise<number> {
  const answer = await answerOf(engine, `${area} ${RANGE}`);
  const found = answer.kpis.find((k) => k.key === key);
  if (!found || found.value === null) throw new Error(`no value for KPI ${key} in ${area}`);
  return found.value;
}

async function one(sql: string): Promise<RowDataPacket> {
  const [rows] = await db.connection.query<RowDataPacket[]>(sql);
  const row = rows[0];
  if (!row) throw new Error(`no row for ${sql}`);
  return row;
}

describe("incremental refresh of late data", () => {
  it("shows a late order and a late lead in the next answer, and equals a full recomputation", async () => {
    const before = {
      orders: await kpi("orders", "orders"),
      revenue: await kpi("orders", "revenue"),
      leads: await kpi("campaigns", "leads"),
      active: await kpi("users", "active_users"),
      newUsers: await kpi("users", "new_users"),
    };
    const session = await one(
      `SELECT session_id, user_id FROM sessions WHERE user_id IS NOT NULL AND DATE(started_at) = '${LATE_DAY}' LIMIT 1`,
    );
    const product = await one("SELECT product_id FROM products ORDER BY product_id LIMIT 1");
    const ad = await one(
      `SELECT ad_id FROM ad_interactions WHERE stage = 'click' AND DATE(occurred_at) = '${LATE_DAY}' LIMIT 1`,
    );
    const ids = await one(
      "SELECT (SELECT MAX(order_id) + 1 FROM orders) AS orderId, (SELECT MAX(interaction_id) + 1 FROM ad_interactions) AS interactionId",
    );
    await db.connection.query(
      `INSERT INTO orders (order_id, user_id, session_id, ad_id, ordered_at, status, city, payment_method)
       VALUES (?, ?, ?, NULL, '${LATE_DAY} 12:00:00', 'paid', 'Berlin', 'card')`,
      [ids.orderId, session.user_id, session.session_id],
    );
    // Revenue is net of discounts: 2 × 50.00 − 10.00 = 90.00.
    await db.connection.query(
      "INSERT INTO order_details (order_id, line_no, product_id, quantity, unit_price, unit_cost, line_discount) VALUES (?, 1, ?, 2, 50.00, 20.00, 10.00)",
      [ids.orderId, product.product_id],
    );
    await db.connection.query(
      `INSERT INTO ad_interactions (interaction_id, ad_id, user_id, order_id, stage, occurred_at, event_count)
       VALUES (?, ?, ?, NULL, 'lead', '${LATE_DAY} 12:05:00', 1)`,
      [ids.interactionId, ad.ad_id, session.user_id],
    );
    // A user with no session that day comes back (their later active days' gaps change too),
    // and a new user signs up that day.
    const idle = await one(
      `SELECT u.user_id FROM users u WHERE u.user_id NOT IN (
         SELECT s.user_id FROM sessions s WHERE s.user_id IS NOT NULL AND DATE(s.started_at) = '${LATE_DAY}'
       ) AND EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.user_id AND s.started_at > '${LATE_DAY} 23:59:59')
       ORDER BY u.user_id LIMIT 1`,
    );
    const newIds = await one(
      "SELECT (SELECT MAX(session_id) + 1 FROM sessions) AS sessionId, (SELECT MAX(user_id) + 1 FROM users) AS userId",
    );
    await db.connection.query(
      `INSERT INTO sessions (session_id, user_id, source_id, ad_id, started_at, device, page_views, duration_s)
       SELECT ?, ?, MIN(source_id), NULL, '${LATE_DAY} 07:00:00', 'mobile', 3, 90 FROM traffic_sources`,
      [newIds.sessionId, idle.user_id],
    );
    await db.connection.query(
      `INSERT INTO users (user_id, email, full_name, gender, birth_date, city, country_code, device, platform, signup_date)
       VALUES (?, 'late@example.com', 'Late Signup', 'female', '1991-04-04', 'Berlin', 'DE', 'mobile', 'ios', '${LATE_DAY}')`,
      [newIds.userId],
    );
    const report = await refreshDerived(db.connection, { full: false });
    expect(report.daysRefreshed).toBeGreaterThanOrEqual(1);
    expect(report.changed).not.toBeNull();
    if (report.changed === null || report.changed === "all") throw new Error("no span of days refreshed");
    expect(report.changed.from <= LATE_DAY && LATE_DAY <= report.changed.to).toBe(true);

    expect(await kpi("orders", "orders")).toBe(before.orders + 1);
    expect(await kpi("orders", "revenue")).toBeCloseTo(before.revenue + 90, 2);
    expect(await kpi("campaigns", "leads")).toBe(before.leads + 1);
    expect(await kpi("users", "active_users")).toBe(before.active + 1);
    expect(await kpi("users", "new_users")).toBe(before.newUsers + 1);

    const incremental = await derivedSnapshot(db.connection);
    await refreshDerived(db.connection, { full: true });
    expect(await derivedSnapshot(db.connection)).toEqual(incremental);
  }, 120_000);
});
