import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/schedule/delivery-error.js";
import { scheduleFromCron } from "../../src/schedule/schedule-phrase.js";
import { addSubscription, type Subscription } from "../../src/schedule/subscription-store.js";
import { runTick } from "../../src/schedule/tick.js";
import { rows } from "../db/fixture.js";
import { parseTarget } from "../helpers/targets.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { minutes, openRunner, plus, RecordingSender, type Runner } from "./schedule-harness.js";

const CREATED = new Date("2026-11-25T07:00:00.000Z");
const SLOT = new Date("2026-11-25T08:00:00.000Z");

describe("failed sends: retried with backoff, bounded, reported — never recorded as sent", () => {
  let db: TestDatabase;
  let runner: Runner;
  let sub: Subscription;

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_sched_retry" });
    runner = openRunner(db.url);
  });
  beforeEach(async () => {
    await db.connection.query("DELETE FROM bot_subscriptions");
    sub = await addSubscription(
      runner.db,
      {
        target: parseTarget("slack:CRETRY"),
        areas: "orders",
        schedule: scheduleFromCron("0 8 * * *", "UTC"),
        createdBy: "U1",
      },
      CREATED,
    );
  });
  afterAll(async () => {
    await runner?.close();
    await db?.drop();
  });

  const ledgerRow = async () =>
    (
      await rows(
        db.connection,
        "SELECT status, attempts, next_attempt_at, error_code, message_id, notified_at IS NOT NULL AS notified FROM bot_deliveries WHERE subscription_id = ?",
        [sub.id],
      )
    )[0];

  it("HTTP 500 twice, then ok: delivered once, ledger shows 3 attempts", async () => {
    const platform = new RecordingSender();
    platform.script = (call) => {
      if (call <= 2) throw new DeliveryError("http_500", "HTTP 500");
    };
    const deps = runner.deps(platform.asSenders(), "r1");

    const first = await runTick(SLOT, deps);
    expect(first.outcomes).toMatchObject([{ status: "retrying", attempts: 1, errorCode: "http_500" }]);
    expect(await ledgerRow()).toMatchObject({
      status: "retrying",
      attempts: 1,
      next_attempt_at: "2026-11-25 08:01:00.000",
    });
    // Before the backoff has passed nothing happens.
    expect((await runTick(plus(SLOT, 30_000), deps)).outcomes).toEqual([]);
    const second = await runTick(plus(SLOT, minutes(1)), deps);
    expect(second.outcomes).toMatchObject([{ status: "retrying", attempts: 2 }]);
    expect(await ledgerRow()).toMatchObject({ next_attempt_at: "2026-11-25 08:03:00.000" });
    const third = await runTick(plus(SLOT, minutes(3)), deps);
    expect(third.outcomes).toMatchObject([{ status: "sent", attempts: 3 }]);

    expect(platform.digestCalls).toBe(3);
    expect(platform.digests).toHaveLength(1);
    expect(await ledgerRow()).toEqual({
      status: "sent",
      attempts: 3,
      next_attempt_at: null,
      error_code: null,
      message_id: platform.digests[0]?.messageId,
      notified: 0,
    });
    expect(platform.notices).toEqual([]);
    expect((await runTick(plus(SLOT, minutes(30)), deps)).outcomes).toEqual([]);
  });

  it("Retry-After is honoured when it is longer than the backoff", async () => {
    const platform = new RecordingSender();
    platform.script = () => {
      throw new DeliveryError("ratelimited", "429", { retryAfterMs: 300_000 });
    };
    await runTick(SLOT, runner.deps(platform.asSenders(), "r1"));
    expect(await ledgerRow()).toMatchObject({
      status: "retrying",
      next_attempt_at: "2026-11-25 08:05:00.000",
    });
  });

  it("ok:false every time: 5 attempts over ~15 minutes, then failed and exactly one notice", async () => {
    const platform = new RecordingSender();
    platform.script = () => {
      throw new DeliveryError("internal_error", "ok:false");
    };
    const deps = runner.deps(platform.asSenders(), "r1");
    const statuses: string[] = [];
    // Ticks every minute for 30 minutes, as the server would.
    for (let m = 0; m <= 30; m++) {
      for (const o of (await runTick(plus(SLOT, minutes(m)), deps)).outcomes)
        statuses.push(`${m}:${o.status}`);
    }
    expect(statuses).toEqual(["0:retrying", "1:retrying", "3:retrying", "7:retrying", "15:failed"]);
    expect(platform.digests).toEqual([]);
    expect(await ledgerRow()).toMatchObject({
      status: "failed",
      attempts: 5,
      error_code: "internal_error",
      notified: 1,
    });
    expect(platform.notices).toHaveLength(1);
    expect(platform.notices[0]).toEqual({
      target: "slack:CRETRY",
      text: `The daily digest #${sub.id} (orders) due Wed Nov 25, 2026 08:00 UTC could not be delivered to slack:CRETRY after 5 attempts (internal_error).`,
    });
  });

  it("a permanent error fails at once; the notice goes to ADMIN_CHANNEL when set", async () => {
    const platform = new RecordingSender();
    platform.script = () => {
      throw new DeliveryError("channel_not_found", "ok:false", { retryable: false });
    };
    const deps = runner.deps(platform.asSenders(), "r1", {
      adminTarget: { platform: "slack", id: "CADMIN" },
    });
    expect((await runTick(SLOT, deps)).outcomes).toMatchObject([
      { status: "failed", attempts: 1, errorCode: "channel_not_found" },
    ]);
    expect(platform.notices.map((n) => n.target)).toEqual(["slack:CADMIN"]);
    expect((await runTick(plus(SLOT, minutes(20)), deps)).outcomes).toEqual([]);
    expect(platform.notices).toHaveLength(1);
  });

  it("no sender for the platform: recorded failed with no_sender, not pretended", async () => {
    const report = await runTick(SLOT, runner.deps({}, "r1"));
    expect(report.outcomes).toMatchObject([{ status: "failed", errorCode: "no_sender" }]);
    expect(await ledgerRow()).toMatchObject({
      status: "failed",
      attempts: 1,
      error_code: "no_sender",
      notified: 0,
    });
  });

  it("a sender that returns no message id has not delivered", async () => {
    const platform = new RecordingSender();
    const senders = {
      slack: {
        digests: {
          ...platform,
          send: async () => ({ messageId: "" }),
          sendNotice: platform.sendNotice.bind(platform),
        },
        alerts: platform,
      },
    };
    const report = await runTick(SLOT, runner.deps(senders, "r1"));
    expect(report.outcomes).toMatchObject([{ status: "failed", errorCode: "no_message_id" }]);
    expect(await ledgerRow()).toMatchObject({ status: "failed", message_id: null });
  });
});
