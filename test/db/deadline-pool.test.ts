/**
 * Every wait on a pooled connection has a deadline, against a real MariaDB behind a TCP proxy
 * that black-holes packets: a statement gives up on the client (the server's own timeout never
 * hears of it) and its connection is not handed out again; getting a connection gives up when
 * none can be made; and the engine's reads — the one waiting for a query permit included —
 * end within the statement timeout with the one-line message.
 */
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type BotStateDb, createBotStateDb } from "../../src/db/bot-state/bot-state-db.js";
import type { Engine } from "../../src/engine/engine.js";
import { DataSourceTimeoutError } from "../../src/errors.js";
import { proxyFor, type TcpProxy } from "../helpers/tcp-proxy.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { testEngine } from "../helpers/test-engine.js";

const TIMEOUT_MS = 800;
/** Generous: a loaded machine. */
const MARGIN_MS = 3000;

let db: TestDatabase;
let proxy: TcpProxy;
let viaProxy: string;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  db = await createTestDatabase({ prefix: "kpi_deadline_pool" });
  ({ proxy, url: viaProxy } = await proxyFor(db.url));
});
afterEach(async () => {
  proxy.restore();
  for (const close of closers.splice(0)) await close().catch(() => undefined);
});
afterAll(async () => {
  await proxy?.close();
  await db?.drop();
});

function botState(): BotStateDb {
  const state = createBotStateDb(viaProxy, { connectionLimit: 1, statementTimeoutMs: TIMEOUT_MS });
  closers.push(() => state.destroy());
  return state;
}

const connectionId = async (state: BotStateDb) =>
  Number((await sql<{ id: number }>`SELECT CONNECTION_ID() AS id`.execute(state)).rows[0]?.id);

/** How a promise settles, and after how many milliseconds. */
async function settled(work: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, ms: performance.now() - started };
}

describe("deadlines on database waits", () => {
  it("a statement on a black-holed connection gives up, and that connection is not used again", async () => {
    const state = botState();
    const before = await connectionId(state);
    proxy.blackhole();
    const { error, ms } = await settled(sql`SELECT 1`.execute(state));
    expect(error).toMatchObject({ code: "PROTOCOL_SEQUENCE_TIMEOUT" });
    expect(ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    proxy.restore();
    // One connection at most: the pool made a new one rather than handing out the stuck one.
    const after = await connectionId(state);
    expect(after).not.toBe(before);
  });

  it("getting a connection gives up when none can be made in time, and works once it can", async () => {
    const state = botState();
    proxy.blackhole();
    const { error, ms } = await settled(sql`SELECT 1`.execute(state));
    expect(error).toMatchObject({ code: "POOL_ACQUIRE_TIMEOUT" });
    expect(ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    proxy.restore();
    expect(await connectionId(state)).toBeGreaterThan(0);
  });

  it("the engine's reads end within the statement timeout, also the one waiting for a permit", async () => {
    const engine: Engine = testEngine(viaProxy, "2026-11-26", {
      statementTimeoutMs: TIMEOUT_MS,
      maxConcurrentQueries: 1,
    });
    closers.push(() => engine.close());
    await engine.freshness();
    proxy.blackhole();
    const [first, queued] = await Promise.all([settled(engine.freshness()), settled(engine.freshness())]);
    for (const { error, ms } of [first, queued]) {
      expect(error).toBeInstanceOf(DataSourceTimeoutError);
      expect((error as Error).message).toBe(
        "The data source did not answer within 0.8 s, try again in a minute.",
      );
      expect(ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    }
    expect(engine.queries.queued).toBe(0);
    proxy.restore();
    await expect(engine.freshness()).resolves.toBeDefined();
  });
});
