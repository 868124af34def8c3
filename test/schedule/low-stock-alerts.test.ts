import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listAlertStates, snoozeProducts } from "../../src/schedule/alert-state-store.js";
import { DeliveryError } from "../../src/schedule/delivery-error.js";
import { type AlertCheckReport, type AlertDeps, checkLowStock } from "../../src/schedule/low-stock-alerts.js";
import { loadFixture, rows } from "../db/fixture.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { minutes, openRunner, plus, RecordingSender, type Runner, silentLog } from "./schedule-harness.js";
import { waitForAsync as waitFor } from "./wait-for-async.js";

const T0 = new Date("2026-11-11T08:00:00.000Z");
const MENTION = "<!subteam^S0STOCK>";

describe("low-stock alerts: ok → firing (one ping) → recovered (one note) → ok", () => {
  let db: TestDatabase;
  let runners: Runner[];
  let platform: RecordingSender;

  const deps = (runner: Runner, replicaId = "r1"): AlertDeps => ({
    db: runner.db,
    engine: runner.engine,
    senders: platform.asSenders(),
    target: { platform: "slack", id: "CALERT" },
    mention: MENTION,
    timeZone: "UTC",
    staleMs: minutes(10),
    replicaId,
    log: silentLog,
  });
  /** Statements of other connections on bot_alert_state still running: the second check, blocked. */
  const blockedOnAlertState = async () =>
    (
      await rows<{ n: number }>(
        db.connection,
        `SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST
         WHERE db = DATABASE() AND id <> CONNECTION_ID() AND info LIKE '%bot_alert_state%'`,
      )
    )[0]?.n ?? 0;
  const setStock = (sku: string, qty: number) =>
    db.connection.query("UPDATE products SET stock_qty = ? WHERE sku = ?", [qty, sku]);

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_sched_alerts" });
    await loadFixture(db.connection);
    await db.connection.query("CALL sp_refresh_all(0)");
    runners = [openRunner(db.url), openRunner(db.url)];
  });
  beforeEach(async () => {
    platform = new RecordingSender();
    // The fixture: Runner (SH-RUN) 5 ≤ 10 and Boot (SH-BOOT) 0 ≤ 5 are low; Tote (BG-TOTE) 100 > 10 is not.
    await db.connection.query("DELETE FROM bot_alert_state");
    await setStock("SH-RUN", 5);
    await setStock("SH-BOOT", 0);
    await setStock("BG-TOTE", 100);
  });
  afterAll(async () => {
    await Promise.all((runners ?? []).map((r) => r.close()));
    await db?.drop();
  });

  it("fires once for two products at once, stays quiet while low, notes recovery in the thread, fires again", async () => {
    const [runner] = runners;
    if (!runner) throw new Error("no runner");
    const first = await checkLowStock(T0, deps(runner));
    expect(platform.alerts).toHaveLength(1);
    const [alert] = platform.alerts;
    expect(alert?.target).toBe("slack:CALERT");
    expect(alert?.alert.items.map((i) => [i.sku, i.stock, i.reorderLevel, i.daysOfCover])).toEqual([
      ["SH-BOOT", 0, 5, 0],
      ["SH-RUN", 5, 10, 75],
    ]);
    expect(alert?.alert.text).toBe(
      [
        `${MENTION} Low stock: 2 products are at or below the reorder level.`,
        "• Boot (SH-BOOT): stock 0, reorder level 5, out of stock",
        "• Runner (SH-RUN): stock 5, reorder level 10, 75 days of cover",
      ].join("\n"),
    );
    expect(first.alertMessageId).toBe(alert?.messageId);

    // Still low: nothing.
    await checkLowStock(plus(T0, minutes(15)), deps(runner));
    await checkLowStock(plus(T0, minutes(30)), deps(runner));
    expect(platform.alerts).toHaveLength(1);
    expect(platform.recoveries).toEqual([]);

    // Runner restocked: one recovery note, in the alert's thread; Boot stays firing, silently.
    await setStock("SH-RUN", 50);
    const recovered = await checkLowStock(plus(T0, minutes(45)), deps(runner));
    expect(recovered.recovered).toEqual(["SH-RUN"]);
    await checkLowStock(plus(T0, minutes(60)), deps(runner));
    expect(platform.recoveries).toEqual([
      {
        target: "slack:CALERT",
        threadId: alert?.messageId,
        note: { sku: "SH-RUN", product: "Runner", text: "Runner (SH-RUN) is back above its reorder level." },
      },
    ]);
    expect(platform.alerts).toHaveLength(1);

    // Low again: fires again, only for Runner, as a new message.
    await setStock("SH-RUN", 3);
    await checkLowStock(plus(T0, minutes(75)), deps(runner));
    expect(platform.alerts).toHaveLength(2);
    expect(platform.alerts[1]?.alert.items.map((i) => i.sku)).toEqual(["SH-RUN"]);
    const states = await listAlertStates(runner.db);
    expect(states.map((s) => [s.sku, s.state, s.alertMessageId])).toEqual([
      ["SH-BOOT", "firing", alert?.messageId],
      ["SH-RUN", "firing", platform.alerts[1]?.messageId],
    ]);
  });

  it("snooze suppresses alerts until it ends", async () => {
    const [runner] = runners;
    if (!runner) throw new Error("no runner");
    await snoozeProducts(runner.db, ["SH-RUN", "SH-BOOT", "BG-TOTE"], plus(T0, minutes(24 * 60)), T0);
    await checkLowStock(plus(T0, minutes(15)), deps(runner));
    await setStock("BG-TOTE", 2);
    await checkLowStock(plus(T0, minutes(30)), deps(runner));
    expect(platform.alerts).toEqual([]);
    // The snooze is over: the three low products fire in one message, lowest cover first.
    await checkLowStock(plus(T0, minutes(24 * 60 + 15)), deps(runner));
    expect(platform.alerts.map((a) => a.alert.items.map((i) => i.sku))).toEqual([
      ["SH-BOOT", "BG-TOTE", "SH-RUN"],
    ]);
  });

  it("two replicas checking at the same instant ping once", async () => {
    const both = await Promise.all(runners.map((r, i) => checkLowStock(T0, deps(r, `replica-${i}`))));
    expect(platform.alerts).toHaveLength(1);
    expect(both.map((r) => r.fired.length).sort()).toEqual([0, 2]);
  });

  it("a second check waits for the first one's locks, then finds the alert already decided", async () => {
    const [a, b] = runners;
    if (!a || !b) throw new Error("no runners");
    let second: Promise<AlertCheckReport> | undefined;
    const first = checkLowStock(T0, {
      ...deps(a, "replica-a"),
      afterLock: async () => {
        // While A holds the locks, B starts and must block on them until A commits.
        second = checkLowStock(T0, deps(b, "replica-b"));
        await waitFor(
          async () => (await blockedOnAlertState()) > 0,
          "the second check to block on the locks",
        );
      },
    });
    const reports = [await first, await second];
    expect(reports.map((r) => r?.fired.length)).toEqual([2, 0]);
    expect(platform.alerts).toHaveLength(1);
  });

  it("an alert that could not be posted is posted by the next check, once", async () => {
    const [runner] = runners;
    if (!runner) throw new Error("no runner");
    platform.alertScript = (call) => {
      if (call === 1) throw new DeliveryError("http_503", "HTTP 503");
    };
    const failed = await checkLowStock(T0, deps(runner));
    expect(failed.alertError).toBe("http_503");
    expect(platform.alerts).toEqual([]);
    await checkLowStock(plus(T0, minutes(15)), deps(runner));
    await checkLowStock(plus(T0, minutes(30)), deps(runner));
    expect(platform.alerts.map((a) => a.alert.items.length)).toEqual([2]);
  });
});
