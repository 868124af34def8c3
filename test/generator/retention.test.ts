/**
 * Believable activity: a month's active users (signed in with a session in the last 30 days,
 * as the users area counts them) are 10–35% of all users, and a sign-up cohort's activity
 * decays month over month toward a small long-term base, computed from the base tables.
 */
import type { RowDataPacket } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerateOptions } from "../../generator/options.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { options, run, scalar } from "./run-generate.js";

/** Share of all users with a signed-in session in the 30 days ending on the last day with data. */
const ACTIVE_SHARE = `
  SELECT (SELECT COUNT(DISTINCT s.user_id) FROM sessions s
          WHERE s.started_at >= (SELECT DATE(MAX(started_at)) FROM sessions) - INTERVAL 29 DAY)
       / (SELECT COUNT(*) FROM users)`;

/**
 * Per month k after sign-up (days 30k .. 30k+29): the share of users active in it, among the
 * users whose month k lies wholly inside the generated days.
 */
const RETENTION = `
  SELECT m.k, COUNT(*) AS eligible,
    AVG(EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.user_id
                  AND s.started_at >= u.signup_date + INTERVAL 30 * m.k DAY
                  AND s.started_at < u.signup_date + INTERVAL 30 * m.k + 30 DAY)) AS active
  FROM users u
  JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3
        UNION ALL SELECT 6 UNION ALL SELECT 12) m
  CROSS JOIN (SELECT DATE(MIN(started_at)) AS first_day, DATE(MAX(started_at)) AS last_day FROM sessions) w
  WHERE u.signup_date + INTERVAL 30 * m.k DAY >= w.first_day
    AND u.signup_date + INTERVAL 30 * m.k + 29 DAY <= w.last_day
  GROUP BY m.k ORDER BY m.k`;

const RUNS: readonly Partial<GenerateOptions>[] = [
  { seed: 42, scale: 0.1, days: 365 },
  { seed: 9, scale: 0.4, days: 400 },
];

describe.each(RUNS)("kpi generate activity (%o)", (overrides) => {
  let db: TestDatabase;
  let curve: Map<number, { eligible: number; active: number }>;
  const month = (k: number) => curve.get(k)?.active ?? Number.NaN;

  beforeAll(async () => {
    db = await createTestDatabase();
    await run(db.url, options(overrides));
    const [rows] = await db.connection.query<RowDataPacket[]>(RETENTION);
    curve = new Map(
      rows.map((r) => [Number(r.k), { eligible: Number(r.eligible), active: Number(r.active) }]),
    );
  }, 120_000);

  afterAll(async () => {
    await db?.drop();
  });

  it("has 10–35% of all users active in the last 30 days", async () => {
    const share = await scalar(db, ACTIVE_SHARE);
    expect(share).toBeGreaterThanOrEqual(0.1);
    expect(share).toBeLessThanOrEqual(0.35);
  });

  it("has enough users behind every point of the retention curve", () => {
    for (const k of [0, 1, 2, 3, 6, 12])
      expect(curve.get(k)?.eligible ?? 0, `month ${k}`).toBeGreaterThan(100);
  });

  it("loses most of a sign-up cohort over the first months, then keeps a loyal base", () => {
    expect(month(0)).toBeGreaterThan(0.6);
    expect(month(1)).toBeLessThan(0.6);
    expect(month(1)).toBeLessThan(month(0));
    expect(month(2)).toBeLessThan(month(1));
    expect(month(3)).toBeLessThan(month(2));
    expect(month(6)).toBeLessThan(month(3));
    expect(month(12)).toBeLessThan(month(3));
    expect(month(12)).toBeGreaterThan(0.03);
  });
});
