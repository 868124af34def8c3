/**
 * A digest due while the reporting database is black-holed (a TCP proxy that accepts and
 * reads but answers nothing): its attempt fails within the statement timeout with
 * data_source_timeout, nothing is sent, and the ledger's retry delivers it once the database
 * answers again. The ledger itself is on a direct connection (as with DATABASE_URL_READONLY on
 * another route), so only the reporting reads hang.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotStateDb } from "../../src/db/bot-state/bot-state-db.js";
import type { Engine } from "../../src/engine/engine.js";
import { scheduleFromCron } from "../../src/schedule/schedule-phrase.js";
import { addSubscription } from "../../src/schedule/subscription-store.js";
import { runTick, type TickDeps } from "../../src/schedule/tick.js";
import { rows } from "../db/fixture.js";
import { parseTarget } from "../helpers/targets.js";
import { proxyFor, type TcpProxy } from "../helpers/tcp-proxy.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { testEngine } from "../helpers/test-engine.js";
import { minutes, plus, RecordingSender, SETTINGS, silentLog } from "./schedule-harness.js";

const STATEMENT_TIMEOUT_MS = 1500;
/** Generous: a loaded machine. */
const MARGIN_MS = 3000;
const SLOT = new Date("2026-11-25T08:00:00.000Z");

describe("a digest while the reporting database does not answer", () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let deps: TickDeps;
  let engine: Engine;
  const platform = new RecordingSender();

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_sched_hung" });
    const proxied = await proxyFor(db.url);
    proxy = proxied.proxy;
    const viaProxy = proxied.url;
    engine = testEngine(viaProxy, "2026-11-26", { statementTimeoutMs: STATEMENT_TIMEOUT_MS });
    deps = {
      db: createBotStateDb(db.url, { statementTimeoutMs: STATEMENT_TIMEOUT_MS }),
      engine,
      senders: platform.asSenders(),
      replicaId: "r1",
      log: silentLog,
      settings: SETTINGS,
    };
    await addSubscription(
      deps.db,
      {
        target: parseTarget("slack:CHUNG"),
        areas: "orders",
        schedule: scheduleFromCron("0 8 * * *", "UTC"),
        createdBy: "U1",
      },
      new Date("2026-11-25T07:00:00.000Z"),
    );
  });
  afterAll(async () => {
    proxy?.restore();
    await deps?.db.destroy().catch(() => undefined);
    await engine?.close().catch(() => undefined);
    await proxy?.close();
    await db?.drop();
  });

  it("fails its attempt within the statement timeout, then the retry delivers it once", async () => {
    proxy.blackhole();
    const started = performance.now();
    const first = await runTick(SLOT, deps);
    const elapsed = performance.now() - started;
    expect(first.outcomes).toMatchObject([
      { status: "retrying", attempts: 1, errorCode: "data_source_timeout" },
    ]);
    expect(elapsed).toBeLessThan(STATEMENT_TIMEOUT_MS + MARGIN_MS);
    expect(platform.digestCalls).toBe(0);

    proxy.restore();
    const second = await runTick(plus(SLOT, minutes(1)), deps);
    expect(second.outcomes).toMatchObject([{ status: "sent", attempts: 2 }]);
    expect(platform.digests).toHaveLength(1);
    const [ledger] = await rows(db.connection, "SELECT status, attempts, error_code FROM bot_deliveries");
    expect(ledger).toEqual({ status: "sent", attempts: 2, error_code: null });
  });
});
