/**
 * Thread contexts on the real bot-state tables (bot_thread_context): a context is read by any
 * process (another replica, this one restarted), replaced by the thread's next answer, never
 * read once its 24 h are over (counted from the thread's last answer), deleted later; threads
 * are stored by hash only; a stored query that no longer checks, or a database that cannot
 * answer, is no context.
 */
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CONTEXT_KEEP_MS,
  createThreadContexts,
  deleteExpiredContexts,
  threadHash,
} from "../../src/bot/conversation/thread-context-store.js";
import { type BotStateDb, createBotStateDb } from "../../src/db/bot-state/bot-state-db.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { waitForAsync } from "../schedule/wait-for-async.js";

const silent = pino({ level: "silent" });
const T0 = Date.parse("2026-11-26T12:00:00Z");
const at = (ms: number) => () => new Date(T0 + ms);
const CAMPAIGNS = {
  area: "campaigns",
  period: { kind: "relative", word: "last-7d" },
  comparison: "last-year",
  filters: { platform: "meta" },
} as const;

let db: TestDatabase;
let botState: BotStateDb;
beforeAll(async () => {
  db = await createTestDatabase({ prefix: "kpi_thread_ctx" });
  botState = createBotStateDb(db.url);
});
afterAll(async () => {
  await botState?.destroy();
  await db?.drop();
});

const rows = async () => {
  const [found] = await db.connection.query(
    "SELECT thread_hash, user_id, expires_at FROM bot_thread_context",
  );
  return found as { thread_hash: string; user_id: string; expires_at: string }[];
};

describe("thread contexts", () => {
  it("are read by another process, replaced by the thread's next answer, and stored by hash only", async () => {
    const writer = createThreadContexts(botState, at(0), silent);
    await writer.remember("slack:C1:1790000000.000100", "slack", {
      query: CAMPAIGNS,
      userId: "U1",
      headlineKpi: "spend",
    });
    const reader = createThreadContexts(botState, at(60_000), silent);
    expect(await reader.recall("slack:C1:1790000000.000100")).toEqual({
      query: CAMPAIGNS,
      userId: "U1",
      headlineKpi: "spend",
    });
    expect(await reader.recall("slack:C1:1790000000.000200")).toBeUndefined();
    await reader.remember("slack:C1:1790000000.000100", "slack", {
      query: { ...CAMPAIGNS, filters: {} },
      userId: "U2",
    });
    expect(await writer.recall("slack:C1:1790000000.000100")).toEqual({
      query: { ...CAMPAIGNS, filters: {} },
      userId: "U2",
    });
    const stored = (await rows()).find((r) => r.thread_hash === threadHash("slack:C1:1790000000.000100"));
    expect(stored?.user_id).toBe("U2");
    expect(JSON.stringify(await rows())).not.toContain("1790000000");
  });

  it("last 24 h from the thread's last answer: not read after, deleted later", async () => {
    const thread = "teams:19:abc@thread.tacv2;messageid=1";
    await createThreadContexts(botState, at(0), silent).remember(thread, "teams", {
      query: CAMPAIGNS,
      userId: "U1",
    });
    // An answer an hour later restarts the 24 h.
    await createThreadContexts(botState, at(3_600_000), silent).remember(thread, "teams", {
      query: CAMPAIGNS,
      userId: "U1",
    });
    const justBefore = createThreadContexts(botState, at(3_600_000 + CONTEXT_KEEP_MS - 1), silent);
    expect(await justBefore.recall(thread)).toBeDefined();
    const after = at(3_600_000 + CONTEXT_KEEP_MS);
    // Reading after the expiry finds nothing and deletes expired rows in the background.
    expect(await createThreadContexts(botState, after, silent).recall(thread)).toBeUndefined();
    await waitForAsync(
      async () => !(await rows()).some((r) => r.thread_hash === threadHash(thread)),
      "the expired context deleted",
    );
  });

  it("deleteExpiredContexts deletes only the expired ones", async () => {
    const contexts = createThreadContexts(botState, at(0), silent);
    await contexts.remember("slack:C2:old", "slack", { query: CAMPAIGNS, userId: "U1" });
    await createThreadContexts(botState, at(CONTEXT_KEEP_MS), silent).remember("slack:C2:new", "slack", {
      query: CAMPAIGNS,
      userId: "U1",
    });
    expect(await deleteExpiredContexts(botState, new Date(T0 + CONTEXT_KEEP_MS + 1))).toBe(1);
    const left = (await rows()).map((r) => r.thread_hash);
    expect(left).toContain(threadHash("slack:C2:new"));
    expect(left).not.toContain(threadHash("slack:C2:old"));
  });

  it("a stored query that no longer checks is no context", async () => {
    await db.connection.query(
      "INSERT INTO bot_thread_context VALUES (?, 'slack', 'U1', ?, NULL, '2026-11-26 12:00:00.000', '2026-11-27 12:00:00.000')",
      [threadHash("slack:C1:bad"), JSON.stringify({ ...CAMPAIGNS, area: "campains" })],
    );
    expect(await createThreadContexts(botState, at(0), silent).recall("slack:C1:bad")).toBeUndefined();
  });

  it("a database that cannot answer is no context, and a lost write is logged, not thrown", async () => {
    const down = createBotStateDb("mysql://root@127.0.0.1:1/nowhere", { statementTimeoutMs: 500 });
    const lines: string[] = [];
    const log = pino({ level: "warn" }, { write: (line: string) => lines.push(line) });
    const contexts = createThreadContexts(down, at(0), log);
    await contexts.remember("slack:C1:x", "slack", { query: CAMPAIGNS, userId: "U1" });
    expect(await contexts.recall("slack:C1:x")).toBeUndefined();
    expect(lines.join("")).toContain("thread context not stored");
    expect(lines.join("")).toContain("thread context not read");
    await down.destroy();
  });
});
