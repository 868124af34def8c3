/**
 * No event later than now: with the end date today, nothing on it is after the current minute
 * (the end time), in any table; the same options (end time included) give the same tables.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { checksums, generateCli, options, run, scalar } from "./run-generate.js";

/** Every time a generated row carries, as (table, expression). */
const EVENT_TIMES: readonly (readonly [string, string])[] = [
  ["sessions", "started_at"],
  ["sessions", "started_at + INTERVAL duration_s SECOND"],
  ["orders", "ordered_at"],
  ["payments", "paid_at"],
  ["ad_interactions", "occurred_at"],
  ["users", "signup_date"],
];

/** The latest of every event time in the database, as text. */
async function latestEvent(db: TestDatabase): Promise<Record<string, string>> {
  const latest: Record<string, string> = {};
  for (const [table, time] of EVENT_TIMES) {
    const [rows] = await db.connection.query(
      `SELECT DATE_FORMAT(MAX(${time}), '%Y-%m-%d %H:%i:%s') AS t FROM ${table}`,
    );
    latest[`${table}: ${time}`] = String((rows as { t: string }[])[0]?.t);
  }
  return latest;
}

const SMALL = { scale: 0.05, days: 60, endDate: "2026-11-25" } as const;

describe("kpi generate with an end time", () => {
  let cut: TestDatabase;
  let again: TestDatabase;
  let whole: TestDatabase;

  beforeAll(async () => {
    [cut, again, whole] = await Promise.all([
      createTestDatabase(),
      createTestDatabase(),
      createTestDatabase(),
    ]);
    await run(cut.url, options({ ...SMALL, endTime: "13:37" }));
    await run(whole.url, options(SMALL));
  }, 120_000);

  afterAll(async () => {
    await Promise.all([cut?.drop(), again?.drop(), whole?.drop()]);
  });

  it("has no event after the end time on the end date, in any table", async () => {
    for (const [key, at] of Object.entries(await latestEvent(cut))) {
      expect(at <= "2026-11-25 13:37:00", `${key} = ${at}`).toBe(true);
    }
  });

  it("still has the end date's morning: visits, orders and ad clicks up to the end time", async () => {
    const onEndDay = (table: string, column: string) =>
      scalar(cut, `SELECT COUNT(*) FROM ${table} WHERE ${column} >= '2026-11-25 00:00:00'`);
    expect(await onEndDay("sessions", "started_at")).toBeGreaterThan(20);
    expect(await onEndDay("ad_interactions", "occurred_at")).toBeGreaterThan(0);
    const latest = await scalar(cut, "SELECT TIME_TO_SEC(MAX(started_at)) FROM sessions");
    expect(latest).toBeGreaterThan(12 * 3600);
  });

  it("cuts only the end date: without an end time the same day runs to the evening", async () => {
    const lastSession = await scalar(whole, "SELECT TIME_TO_SEC(MAX(started_at)) FROM sessions");
    expect(lastSession).toBeGreaterThan(14 * 3600);
    const before = "started_at < '2026-11-25 00:00:00'";
    const sessionsBefore = (db: TestDatabase) => scalar(db, `SELECT COUNT(*) FROM sessions WHERE ${before}`);
    expect(await sessionsBefore(cut)).toBe(await sessionsBefore(whole));
  });

  it("gives identical tables when run again with the same options, end time included", async () => {
    await run(again.url, options({ ...SMALL, endTime: "13:37" }));
    expect(await checksums(again)).toEqual(await checksums(cut));
  });

  it("takes the current minute as the end time when the end date is today (default or given)", async () => {
    const now = new Date("2026-11-25T09:05:40Z");
    for (const endDate of [[], ["--end-date", "2026-11-25"]]) {
      const lines = await generateCli(
        again.url,
        ["--seed", "5", "--scale", "0.02", "--days", "30", "--quiet", "--replace", ...endDate],
        now,
      );
      expect(lines[0]).toContain("ending 2026-11-25 at 09:05");
      expect(lines[0]).toContain("--end-time 09:05");
      for (const [key, at] of Object.entries(await latestEvent(again))) {
        expect(at <= "2026-11-25 09:05:00", `${key} = ${at}`).toBe(true);
      }
    }
  });
});
