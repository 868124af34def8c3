import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { scheduleFromCron } from "../../src/schedule/schedule-phrase.js";
import { addSubscription, setPaused } from "../../src/schedule/subscription-store.js";
import { runTick } from "../../src/schedule/tick.js";
import { loadFixture, rows } from "../db/fixture.js";
import { parseTarget } from "../helpers/targets.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { minutes, openRunner, plus, RecordingSender, type Runner } from "./schedule-harness.js";

const HOUR = 3_600_000;

describe("downtime: catch-up inside the window, skipped before it, never before created", () => {
  let db: TestDatabase;
  let runner: Runner;

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_sched_catchup" });
    await loadFixture(db.connection);
    await db.connection.query("CALL sp_refresh_all(0)");
    runner = openRunner(db.url);
  });
  beforeEach(async () => {
    await db.connection.query("DELETE FROM bot_subscriptions");
  });
  afterAll(async () => {
    await runner?.close();
    await db?.drop();
  });

  const ledger = async (id: number) =>
    rows<{ slot_at: string; status: string }>(
      db.connection,
      "SELECT slot_at, status FROM bot_deliveries WHERE subscription_id = ? ORDER BY slot_at",
      [id],
    );

  it("after 30 hours down, the last 6 hours' slots are sent once and the 24 older ones recorded skipped", async () => {
    const created = new Date("2026-11-20T00:30:00.000Z");
    const sub = await addSubscription(
      runner.db,
      {
        target: parseTarget("slack:CCATCH"),
        areas: "stock",
        schedule: scheduleFromCron("0 * * * *", "UTC"),
        createdBy: "U1",
      },
      created,
    );
    const platform = new RecordingSender();
    const deps = runner.deps(platform.asSenders(), "r1");
    const restart = new Date("2026-11-21T06:10:00.000Z");
    const report = await runTick(restart, deps);

    // Sent: 01:00 .. 06:00 on Nov 21 (inside (00:10, 06:10]).
    expect(platform.digests.map((d) => d.slot)).toEqual(
      [1, 2, 3, 4, 5, 6].map((h) => `2026-11-21T0${h}:00:00.000Z`),
    );
    // Skipped: 01:00 on Nov 20 (the first slot after 00:30 creation) .. 00:00 on Nov 21.
    expect(report.skipped).toHaveLength(24);
    const rowsNow = await ledger(sub.id);
    expect(rowsNow.filter((r) => r.status === "skipped").map((r) => r.slot_at)).toEqual(
      Array.from({ length: 24 }, (_, i) => new Date(Date.parse("2026-11-20T01:00:00Z") + i * HOUR)).map((d) =>
        d.toISOString().replace("T", " ").replace("Z", ""),
      ),
    );
    expect(rowsNow.filter((r) => r.status === "sent")).toHaveLength(6);
    // Never a slot at or before creation (00:00 on Nov 20).
    expect(rowsNow[0]?.slot_at).toBe("2026-11-20 01:00:00.000");

    // Restarting again changes nothing: nothing is sent or skipped twice.
    const again = await runTick(plus(restart, minutes(1)), deps);
    expect(again.outcomes).toEqual([]);
    expect(again.skipped).toEqual([]);
    expect(platform.digests).toHaveLength(6);
    expect(await ledger(sub.id)).toHaveLength(30);
  });

  it("a subscription created an hour ago only gets the slots since", async () => {
    const at = new Date("2026-11-21T12:00:00.000Z");
    const sub = await addSubscription(
      runner.db,
      {
        target: parseTarget("slack:CNEW"),
        areas: "stock",
        schedule: scheduleFromCron("*/15 * * * *", "UTC"),
        createdBy: "U1",
      },
      new Date(at.getTime() - HOUR + 1),
    );
    const platform = new RecordingSender();
    const report = await runTick(at, runner.deps(platform.asSenders(), "r1"));
    expect(platform.digests.map((d) => d.slot)).toEqual([
      "2026-11-21T11:15:00.000Z",
      "2026-11-21T11:30:00.000Z",
      "2026-11-21T11:45:00.000Z",
      "2026-11-21T12:00:00.000Z",
    ]);
    expect(report.skipped).toEqual([]);
    expect(await ledger(sub.id)).toHaveLength(4);
  });

  it("paused: nothing sent or recorded; resumed: only slots after the resume", async () => {
    const created = new Date("2026-11-21T00:00:00.000Z");
    const sub = await addSubscription(
      runner.db,
      {
        target: parseTarget("slack:CPAUSE"),
        areas: "stock",
        schedule: scheduleFromCron("0 * * * *", "UTC"),
        createdBy: "U1",
      },
      created,
    );
    const platform = new RecordingSender();
    const deps = runner.deps(platform.asSenders(), "r1");
    await setPaused(runner.db, sub.id, true, plus(created, minutes(10)));
    expect((await runTick(plus(created, 3 * HOUR), deps)).outcomes).toEqual([]);
    await setPaused(runner.db, sub.id, false, plus(created, 3 * HOUR + minutes(30)));
    await runTick(plus(created, 5 * HOUR), deps);
    expect(platform.digests.map((d) => d.slot)).toEqual([
      "2026-11-21T04:00:00.000Z",
      "2026-11-21T05:00:00.000Z",
    ]);
    expect((await ledger(sub.id)).map((r) => r.status)).toEqual(["sent", "sent"]);
  });

  it("the digest answers at the slot, with the period resolved in the subscription's zone", async () => {
    // 23:30Z on Nov 10 is 00:30 on Nov 11 in Berlin: "yesterday" there is Nov 10, in UTC Nov 9.
    const slot = new Date("2026-11-10T23:30:00.000Z");
    await addSubscription(
      runner.db,
      {
        target: parseTarget("teams:19:abc@thread.tacv2"),
        areas: "orders,campaigns",
        schedule: scheduleFromCron("30 0 * * *", "Europe/Berlin"),
        createdBy: "U1",
      },
      plus(slot, -HOUR),
    );
    const platform = new RecordingSender();
    await runTick(slot, runner.deps(platform.asSenders(), "r1"));
    const [sent] = platform.digests;
    expect(sent?.target).toBe("teams:19:abc@thread.tacv2");
    expect(sent?.digest.heading).toBe("Daily digest · orders, campaigns");
    expect(sent?.digest.title).toBe("Tue Nov 10 · Europe/Berlin");
    expect(sent?.digest.answers.map((a) => [a.area, a.period])).toEqual([
      ["orders", { from: "2026-11-10", to: "2026-11-10", label: "yesterday", timezone: "Europe/Berlin" }],
      ["campaigns", { from: "2026-11-10", to: "2026-11-10", label: "yesterday", timezone: "Europe/Berlin" }],
    ]);
    // Nov 10 in the fixture: orders 1-3, 240 + 135 + 150 = 525 net revenue; Nov 9 (the UTC "yesterday") has none.
    expect(sent?.digest.answers[0]?.kpis.find((k) => k.key === "orders")?.value).toBe(3);
    expect(sent?.digest.answers[0]?.kpis.find((k) => k.key === "revenue")?.value).toBe(525);
    expect(sent?.digest.problems).toEqual([]);
  });
});
