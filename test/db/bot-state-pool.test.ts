/**
 * One bot-state pool per process: the chat audit (through the chat guard), the
 * subscription store and the Teams conversation store all run on the BotStateDb they are
 * given. With that db limited to one connection, writes from all three at once queue for
 * it and complete, and the server sees exactly one connection on the test database — a
 * store that opened a pool of its own would leave a second one open.
 */
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConversationStore } from "../../src/bot/teams/proactive/conversation-store.js";
import { type BotStateDb, createBotStateDb } from "../../src/db/bot-state/bot-state-db.js";
import { scheduleFromCron } from "../../src/schedule/schedule-phrase.js";
import { addSubscription } from "../../src/schedule/subscription-store.js";
import { type ChatGuard, createChatGuard } from "../../src/security/chat-guard.js";
import { parseTarget } from "../helpers/targets.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { waitForAsync } from "../schedule/wait-for-async.js";
import { rows } from "./fixture.js";

const NOW = new Date("2026-11-26T12:00:00.000Z");
const log = pino({ level: "silent" });

describe("the audit, subscriptions and Teams conversations share one bot-state pool", () => {
  let db: TestDatabase;
  let botState: BotStateDb;
  let guard: ChatGuard;

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
    guard = createChatGuard({ userPerMinute: 10, channelPerMinute: 30 }, botState);
  });
  afterAll(async () => {
    await guard?.close();
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
    guard.audit.record(
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
          target: parseTarget("teams:19:room@thread.tacv2"),
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
        teamAadGroupId: null,
        teamId: null,
      }),
      guard.audit.flush(),
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
