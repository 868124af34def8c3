/**
 * One bot-state pool per process: the chat audit (through the engine's guard), the
 * subscription store and the Teams conversation store all run on the BotStateDb they are
 * given. With that db limited to one connection, writes from all three at once queue for
 * it and complete, and the server sees exactly one connection on the test database — a
 * store that opened a pool of its own would leave a second one open.
 */
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/app/engine.js";
import { ConversationStore } from "../../src/bot/teams/proactive/conversation-store.js";
import { loadConfig } from "../../src/config.js";
import { type BotStateDb, createBotStateDb } from "../../src/db/bot-state/bot-state-db.js";
import { scheduleFromCron } from "../../src/schedule/schedule-phrase.js";
import { addSubscription } from "../../src/schedule/subscription-store.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { waitForAsync } from "../schedule/wait-for-async.js";
import { rows } from "./fixture.js";

const NOW = new Date("2026-11-26T12:00:00.000Z");
const log = pino({ level: "silent" });

describe("the audit, subscriptions and Teams conversations share one bot-state pool", () => {
  let db: TestDatabase;
  let botState: BotStateDb;
  let engine: Engine;

  /** Connections to the test database other than this test's own. */
  const connections = async () =>
    (
      await rows<{ n: number }>(
        db.connection,
        "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()",
        [db.name],
      )
    )[0]?.n ?? 0;

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_bot_pool" });
    botState = createBotStateDb(db.url, { connectionLimit: 1 });
    engine = createEngine(loadConfig({ DATABASE_URL: db.url }), () => NOW, { botState });
  });
  afterAll(async () => {
    await engine?.close();
    await botState?.destroy();
    await db?.drop();
  });

  it("opens no connection before the first query", async () => {
    // The migration's own connection may take a moment to leave the server's list.
    await waitForAsync(async () => (await connections()) === 0, "the migration's connection to close");
    expect(await connections()).toBe(0);
  });

  it("an audit write, a subscription add and a conversation remember, at once, on one connection", async () => {
    const conversations = new ConversationStore(botState, () => NOW);
    engine.guard.audit.record(
      {
        at: NOW,
        platform: "teams",
        workspaceId: "tenant-1",
        userId: "U1",
        channelId: "19:room@thread.tacv2",
        text: "campaigns last-7d",
        area: "campaigns",
        outcome: "answered",
        durationMs: 42,
        ref: undefined,
      },
      log,
    );
    const [subscription] = await Promise.all([
      addSubscription(
        botState,
        {
          target: "teams:19:room@thread.tacv2",
          areas: "campaigns",
          schedule: scheduleFromCron("0 9 * * *", "UTC"),
          createdBy: "U1",
        },
        NOW,
      ),
      conversations.remember({
        conversationId: "19:room@thread.tacv2",
        serviceUrl: "https://smba.example.test/",
        tenantId: "tenant-1",
        channelId: "msteams",
        botId: "28:bot",
        botName: "KPI Bot",
        conversationType: "channel",
      }),
      engine.guard.audit.flush(),
    ]);

    expect(await rows(db.connection, "SELECT platform, user_id, outcome FROM bot_audit")).toEqual([
      { platform: "teams", user_id: "U1", outcome: "answered" },
    ]);
    expect(await rows(db.connection, "SELECT subscription_id AS id FROM bot_subscriptions")).toEqual([
      { id: subscription.id },
    ]);
    expect(await conversations.find("19:room@thread.tacv2")).toMatchObject({ tenantId: "tenant-1" });
    // The pool keeps its one idle connection; a second pool would keep its own as well.
    expect(await connections()).toBe(1);
  });
});
