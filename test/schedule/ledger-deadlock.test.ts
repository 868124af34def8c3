/**
 * A ledger write chosen as a deadlock victim runs again instead of turning a sent digest into a
 * failed attempt. The deadlock is made on purpose with a second connection: it holds the gap in
 * the status index where the "sent" row goes, markSent waits on it while holding the delivery
 * row, and the other transaction then asks for that row. InnoDB rolls back the lighter one
 * (markSent: the other has written 200 rows first).
 */
import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotStateDb, createBotStateDb } from "../../src/db/bot-state/bot-state-db.js";
import { toSqlTime } from "../../src/db/bot-state/sql-time.js";
import { connectionOptions, parseDatabaseUrl } from "../../src/db/database-url.js";
import { claimSlot, markSent } from "../../src/schedule/delivery-ledger.js";
import { scheduleFromCron } from "../../src/schedule/schedule-phrase.js";
import { addSubscription } from "../../src/schedule/subscription-store.js";
import { rows } from "../db/fixture.js";
import { parseTarget } from "../helpers/targets.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

const AT = new Date("2026-11-25T08:00:00.000Z");
let db: TestDatabase;
let state: BotStateDb;
let other: mysql.Connection;

beforeAll(async () => {
  db = await createTestDatabase({ prefix: "kpi_ledger_deadlock" });
  state = createBotStateDb(db.url, { connectionLimit: 1 });
  other = await mysql.createConnection(connectionOptions(parseDatabaseUrl(db.url)));
});
afterAll(async () => {
  await other?.end();
  await state?.destroy();
  await db?.drop();
});

/** Waits until a statement of this test's database waits on a lock (or `done` settles first). */
async function waitsOnALock(done: Promise<unknown>): Promise<void> {
  let settled = false;
  void done.finally(() => {
    settled = true;
  });
  for (let i = 0; i < 3_000 && !settled; i++) {
    const waiting = await rows<{ n: number }>(
      db.connection,
      `SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX t
         JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
        WHERE t.trx_state = 'LOCK WAIT' AND p.DB = ?`,
      [db.name],
    );
    if (Number(waiting[0]?.n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("markSent never waited on the other transaction's lock");
}

describe("ledger writes that lose a deadlock", () => {
  it("markSent run again after InnoDB rolls it back: the slot ends sent, not failed", async () => {
    const subscription = await addSubscription(
      state,
      {
        target: parseTarget("slack:CDEAD"),
        areas: "stock",
        schedule: scheduleFromCron("0 8 * * *", "UTC"),
        createdBy: "U1",
      },
      new Date(AT.getTime() - 3_600_000),
    );
    const claim = await claimSlot(state, subscription.id, AT, "replica-a", AT);
    if (!claim) throw new Error("no claim");

    await other.query("START TRANSACTION");
    // Weight: 200 written rows make the other transaction the one InnoDB keeps.
    const values = Array.from({ length: 200 }, (_, i) => [
      subscription.id,
      toSqlTime(new Date(AT.getTime() - (i + 1) * 86_400_000)),
      "skipped",
      0,
      toSqlTime(AT),
      toSqlTime(AT),
    ]);
    await other.query(
      "INSERT INTO bot_deliveries (subscription_id, slot_at, status, attempts, created_at, updated_at) VALUES ?",
      [values],
    );
    // The gap where the row's new ('sent', NULL) status entry goes.
    await other.query(
      "SELECT delivery_id FROM bot_deliveries FORCE INDEX (ix_bot_deliveries_status) WHERE status = 'sent' FOR UPDATE",
    );

    const sent = markSent(state, claim, "1764057600.000001", AT);
    const settled = sent.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    console.log(
      "early",
      await Promise.race([settled, new Promise((r) => setTimeout(() => r("pending"), 1000))]),
    );
    await waitsOnALock(settled);
    // Now ask for the row markSent holds: a cycle, and markSent is the victim.
    await other.query("SELECT status FROM bot_deliveries WHERE delivery_id = ? FOR UPDATE", [
      claim.deliveryId,
    ]);
    await other.query("COMMIT");

    expect(await settled).toEqual({ value: true });
    const [row] = await rows(
      db.connection,
      "SELECT status, message_id, attempts FROM bot_deliveries WHERE delivery_id = ?",
      [claim.deliveryId],
    );
    expect(row).toEqual({ status: "sent", message_id: "1764057600.000001", attempts: 1 });
  });
});
