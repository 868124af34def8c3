import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimSlot, markFailedAttempt, markSent, takeOver } from "../../src/schedule/delivery-ledger.js";
import { dueRetries, staleClaims } from "../../src/schedule/delivery-queries.js";
import { scheduleFromCron } from "../../src/schedule/schedule-phrase.js";
import { addSubscription } from "../../src/schedule/subscription-store.js";
import { runTick } from "../../src/schedule/tick.js";
import { loadFixture, rows } from "../db/fixture.js";
import { parseTarget } from "../helpers/targets.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { minutes, openRunner, plus, RecordingSender, type Runner } from "./schedule-harness.js";

const CREATED = new Date("2026-11-25T07:00:00.000Z");

describe("exactly once across concurrent tick runners (real MariaDB, separate connections)", () => {
  let db: TestDatabase;
  const runners: Runner[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_sched_once" });
    await loadFixture(db.connection);
    await db.connection.query("CALL sp_refresh_all(0)");
    for (let i = 0; i < 3; i++) runners.push(openRunner(db.url));
  });
  beforeEach(async () => {
    await db.connection.query("DELETE FROM bot_subscriptions");
  });
  afterAll(async () => {
    await Promise.all(runners.map((r) => r.close()));
    await db?.drop();
  });

  it("three runners over 50 due slots: exactly 50 sends, none duplicated, none lost", async () => {
    // 5 subscriptions × every 5 minutes × 50 minutes = 50 slots, all due at once.
    const [first] = runners;
    if (!first) throw new Error("no runner");
    for (let i = 0; i < 5; i++) {
      await addSubscription(
        first.db,
        {
          target: parseTarget(`slack:C00${i}`),
          areas: i % 2 === 0 ? "orders" : "campaigns,stock",
          schedule: scheduleFromCron("*/5 * * * *", "Europe/Berlin"),
          period: "yesterday",
          createdBy: "U1",
        },
        CREATED,
      );
    }
    const platform = new RecordingSender();
    // Each send yields to the event loop first, so the runners interleave.
    platform.script = () => new Promise((resolve) => setImmediate(resolve));
    const at = plus(CREATED, minutes(50));
    const reports = await Promise.all(
      runners.map((runner, i) => runTick(at, runner.deps(platform.asSenders(), `replica-${i}`))),
    );

    const keys = platform.digests.map((d) => `${d.subscriptionId}@${d.slot}`);
    expect(keys).toHaveLength(50);
    expect(new Set(keys).size).toBe(50);
    const notSent = reports.flatMap((r) => r.outcomes.filter((o) => o.status !== "sent"));
    expect(notSent.map((o) => `${o.status} ${o.errorCode ?? ""}`)).toEqual([]);
    const sentPerRunner = reports.map((r) => r.outcomes.filter((o) => o.status === "sent").length);
    expect(sentPerRunner.reduce((a, b) => a + b, 0)).toBe(50);
    // A runner either won a slot, lost its claim, or found it already in the ledger when it planned.
    for (const r of reports) expect(r.outcomes.length + r.claimsLost).toBeLessThanOrEqual(50);
    const ledger = await rows<{ status: string; n: number; ids: number }>(
      db.connection,
      "SELECT status, COUNT(*) AS n, COUNT(DISTINCT message_id) AS ids FROM bot_deliveries GROUP BY status",
    );
    expect(ledger).toEqual([{ status: "sent", n: 50, ids: 50 }]);
    console.info(
      `exactly-once: 50 slots, 3 runners, sends per runner ${sentPerRunner.join("/")}, ` +
        `claims lost ${reports.map((r) => r.claimsLost).join("/")}`,
    );

    // A second round of ticks at the same instant finds nothing to do.
    const again = await Promise.all(
      runners.map((r, i) => runTick(at, r.deps(platform.asSenders(), `replica-${i}`))),
    );
    expect(again.flatMap((r) => r.outcomes)).toEqual([]);
    expect(platform.digests).toHaveLength(50);
  });

  it("a runner that dies after claiming is taken over once, after the stale window, by exactly one other", async () => {
    const [a, b, c] = runners;
    if (!a || !b || !c) throw new Error("no runners");
    const created = new Date("2026-11-26T07:00:00.000Z");
    const sub = await addSubscription(
      a.db,
      {
        target: parseTarget("slack:CCRASH"),
        areas: "orders",
        schedule: scheduleFromCron("0 8 * * *", "UTC"),
        createdBy: "U1",
      },
      created,
    );
    const slot = new Date("2026-11-26T08:00:00.000Z");
    const dying = new RecordingSender();
    let reachedSend: () => void = () => undefined;
    const sending = new Promise<void>((resolve) => {
      reachedSend = resolve;
    });
    // The dying replica claims, starts sending, and never comes back (the platform never answers).
    dying.script = () => {
      reachedSend();
      return new Promise<never>(() => undefined);
    };
    void runTick(slot, a.deps(dying.asSenders(), "replica-dying"));
    await sending;
    const [claimed] = await rows(
      db.connection,
      "SELECT status, attempts, claimed_by FROM bot_deliveries WHERE subscription_id = ?",
      [sub.id],
    );
    expect(claimed).toEqual({ status: "claimed", attempts: 1, claimed_by: "replica-dying" });

    const platform = new RecordingSender();
    // Inside the stale window: the others leave the claim alone.
    const early = await Promise.all(
      [b, c].map((r, i) => runTick(plus(slot, minutes(9)), r.deps(platform.asSenders(), `replica-${i}`))),
    );
    expect(early.flatMap((r) => r.outcomes)).toEqual([]);
    // Past it: both try to take it over at the same instant; exactly one does.
    const late = await Promise.all(
      [b, c].map((r, i) => runTick(plus(slot, minutes(11)), r.deps(platform.asSenders(), `replica-${i}`))),
    );
    expect(late.flatMap((r) => r.outcomes.map((o) => o.status))).toEqual(["sent"]);
    expect(platform.digests.map((d) => [d.subscriptionId, d.slot])).toEqual([[sub.id, slot.toISOString()]]);
    const [row] = await rows(
      db.connection,
      "SELECT status, attempts, message_id FROM bot_deliveries WHERE subscription_id = ?",
      [sub.id],
    );
    expect(row).toEqual({ status: "sent", attempts: 2, message_id: platform.digests[0]?.messageId });
    expect(dying.digests).toEqual([]);
  });

  it("two replicas that read the same stale claim or due retry: the conditional UPDATE lets one take it over", async () => {
    const [a] = runners;
    if (!a) throw new Error("no runner");
    const sub = await addSubscription(
      a.db,
      {
        target: parseTarget("slack:CRACE"),
        areas: "stock",
        schedule: scheduleFromCron("0 8 * * *", "UTC"),
        createdBy: "U1",
      },
      new Date("2026-11-27T07:00:00.000Z"),
    );
    const slot = new Date("2026-11-27T08:00:00.000Z");
    const claim = await claimSlot(a.db, sub.id, slot, "replica-dead", slot);
    expect(claim?.attempts).toBe(1);
    expect(await claimSlot(a.db, sub.id, slot, "replica-late", slot)).toBeUndefined();

    // The worst interleaving, made deterministic: both read the row, then both try to take it.
    const late = plus(slot, minutes(11));
    const [seenByB] = await staleClaims(a.db, late, minutes(10));
    const [seenByC] = await staleClaims(a.db, late, minutes(10));
    if (!seenByB || !seenByC) throw new Error("stale claim not found");
    const takes = [
      await takeOver(a.db, seenByB, "replica-b", late, minutes(10)),
      await takeOver(a.db, seenByC, "replica-c", late, minutes(10)),
    ];
    expect(takes.map((t) => t?.replicaId)).toEqual(["replica-b", undefined]);

    // The dead replica comes back and tries to record its send: it no longer owns the claim.
    if (!claim) throw new Error("no claim");
    expect(await markSent(a.db, claim, "1.1", late)).toBe(false);

    // Same for a due retry.
    const owner = takes[0];
    if (!owner) throw new Error("no owner");
    await markFailedAttempt(
      a.db,
      owner,
      { code: "http_500", message: "HTTP 500", nextAttemptAt: late },
      late,
    );
    const [retryB] = await dueRetries(a.db, late);
    const [retryC] = await dueRetries(a.db, late);
    if (!retryB || !retryC) throw new Error("retry not found");
    const retries = [
      await takeOver(a.db, retryB, "replica-b", late, minutes(10)),
      await takeOver(a.db, retryC, "replica-c", late, minutes(10)),
    ];
    expect(retries.map((t) => t?.attempts)).toEqual([3, undefined]);
  });
});
