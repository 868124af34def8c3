/**
 * The ads' lifetime figures (impressions … budget_spent) after an incremental refresh re-sums only
 * the ads whose daily rows it rewrote (rollup_ad_touch): an ad that loses its only day, an ad that
 * gains one, and an ad left alone all equal a computation from the base tables, with the
 * procedures and in portable mode.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshDerived } from "../../src/db/refresh.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { loadFixture, rows } from "./fixture.js";

/** Lifetime funnel and spend per ad straight from ad_interactions and the placement's pricing. */
const FROM_BASE_TABLES = `
  SELECT a.ad_id, x.impressions, x.clicks, x.leads, x.conversions,
         CASE p.pricing_model WHEN 'CPM' THEN x.impressions * p.unit_price / 1000
                              WHEN 'CPC' THEN x.clicks * p.unit_price ELSE 0 END AS spend
  FROM ads a
  JOIN ad_pricing p ON p.pricing_id = a.pricing_id
  JOIN (
    SELECT a2.ad_id,
           COALESCE(SUM(CASE WHEN i.stage = 'impression' THEN i.event_count END), 0) AS impressions,
           COALESCE(SUM(CASE WHEN i.stage = 'click' THEN i.event_count END), 0) AS clicks,
           COALESCE(SUM(CASE WHEN i.stage = 'lead' THEN i.event_count END), 0) AS leads,
           COALESCE(SUM(CASE WHEN i.stage = 'conversion' THEN i.event_count END), 0) AS conversions
    FROM ads a2 LEFT JOIN ad_interactions i ON i.ad_id = a2.ad_id
    GROUP BY a2.ad_id
  ) x ON x.ad_id = a.ad_id
  ORDER BY a.ad_id`;

const STORED = `
  SELECT ad_id, impressions, clicks, leads, conversions, budget_spent AS spend FROM ads ORDER BY ad_id`;

type Lifetime = {
  ad_id: number;
  impressions: number;
  clicks: number;
  leads: number;
  conversions: number;
  spend: number;
};

function rounded(list: Lifetime[]): Lifetime[] {
  return list.map((r) => ({ ...r, spend: Math.round(Number(r.spend) * 100) / 100 }));
}

describe.each(["on", "off"] as const)(
  "ad lifetime figures after an incremental refresh (routines %s)",
  (routines) => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await createTestDatabase({ prefix: `kpi_ad_life_${routines}`, routines });
      await loadFixture(db.connection);
      await refreshDerived(db.connection, { full: true });
    });
    afterAll(async () => {
      await db?.drop();
    });

    it("re-sums the ads of the rewritten days: one that lost its only day, one that gained a day", async () => {
      const before = rounded(await rows<Lifetime>(db.connection, STORED));
      expect(before).toEqual(rounded(await rows<Lifetime>(db.connection, FROM_BASE_TABLES)));
      expect(before.find((r) => r.ad_id === 3)?.clicks).toBe(2);

      // Ad 3 loses its only day (Oct 15); ad 2 gains clicks on a day it had none (Nov 11).
      await db.connection.query("DELETE FROM ad_interactions WHERE ad_id = 3");
      await db.connection.query(
        `INSERT INTO ad_interactions (interaction_id, ad_id, user_id, order_id, stage, occurred_at, event_count)
       VALUES (100, 2, NULL, NULL, 'impression', '2026-11-11 08:00:00', 700),
              (101, 2, 1, NULL, 'click', '2026-11-11 08:30:00', 1)`,
      );
      // A deleted row leaves no watermark behind: its day is marked as the README says (the triggers do it too).
      await db.connection.query("INSERT IGNORE INTO rollup_dirty_days (day) VALUES ('2026-10-15')");
      const report = await refreshDerived(db.connection, { full: false });
      expect(report.mode).toBe(routines === "on" ? "routines" : "portable");

      const after = rounded(await rows<Lifetime>(db.connection, STORED));
      expect(after).toEqual(rounded(await rows<Lifetime>(db.connection, FROM_BASE_TABLES)));
      expect(after.find((r) => r.ad_id === 3)).toMatchObject({ impressions: 0, clicks: 0, spend: 0 });
      expect(after.find((r) => r.ad_id === 2)?.impressions).toBe(1100);
      expect(await rows(db.connection, "SELECT ad_id FROM rollup_ad_touch")).toEqual([]);
    });
  },
);

describe("the lifetime procedures called on their own", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_ad_life_alone", routines: "on" });
    await loadFixture(db.connection);
    await refreshDerived(db.connection, { full: false });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("after an incremental refresh in the same session, still re-sum every ad", async () => {
    await db.connection.query("UPDATE ads SET impressions = 0, clicks = 0, budget_spent = 0");
    await db.connection.query("CALL sp_calc_funnel_metrics()");
    await db.connection.query("CALL sp_calc_ad_budgets()");
    expect(rounded(await rows<Lifetime>(db.connection, STORED))).toEqual(
      rounded(await rows<Lifetime>(db.connection, FROM_BASE_TABLES)),
    );
  });
});
