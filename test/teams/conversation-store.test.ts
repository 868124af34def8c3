/**
 * The conversation store on its own, against the real database: the upsert keeps
 * first_seen_at and a nullable column's stored value when a later activity lacks it,
 * a thread is found under its channel, and forget removes the reference.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConversationStore,
  type TeamsConversation,
} from "../../src/bot/teams/proactive/conversation-store.js";
import { type BotStateDb, createBotStateDb } from "../../src/db/bot-state/bot-state-db.js";
import { rows } from "../db/fixture.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

const CHANNEL = "19:general@thread.tacv2";
const FIRST: TeamsConversation = {
  conversationId: CHANNEL,
  serviceUrl: "https://smba.example.test/emea/",
  tenantId: "tenant-1",
  channelId: "msteams",
  botId: "28:bot",
  botName: "KPI Bot",
  conversationType: "channel",
  teamAadGroupId: "0f5c1b9e-5a3e-4d0b-9a51-7c1f0d2e3a44",
  teamId: "19:general@thread.tacv2",
};

describe("ConversationStore", () => {
  let db: TestDatabase;
  let botState: BotStateDb;
  let now = new Date("2026-11-26T12:00:00.000Z");
  let store: ConversationStore;

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_teams_refs" });
    botState = createBotStateDb(db.url, { connectionLimit: 1 });
    store = new ConversationStore(botState, () => now);
  });
  afterAll(async () => {
    await botState?.destroy();
    await db?.drop();
  });

  it("a later sighting updates the reference, keeping first_seen_at and the values it lacks", async () => {
    await store.remember(FIRST);
    now = new Date("2026-11-27T08:00:00.000Z");
    await store.remember({
      ...FIRST,
      serviceUrl: "https://smba.example.test/amer/",
      tenantId: null,
      botName: null,
      conversationType: null,
      teamAadGroupId: null,
      teamId: null,
    });
    expect(await rows(db.connection, "SELECT * FROM bot_teams_conversations")).toEqual([
      {
        conversation_id: CHANNEL,
        service_url: "https://smba.example.test/amer/",
        tenant_id: "tenant-1",
        channel_id: "msteams",
        bot_id: "28:bot",
        bot_name: "KPI Bot",
        conversation_type: "channel",
        team_aad_group_id: "0f5c1b9e-5a3e-4d0b-9a51-7c1f0d2e3a44",
        team_id: "19:general@thread.tacv2",
        first_seen_at: "2026-11-26 12:00:00.000",
        last_seen_at: "2026-11-27 08:00:00.000",
      },
    ]);
  });

  it("finds a thread under its channel, and forgets it", async () => {
    expect(await store.find(`${CHANNEL};messageid=1764147600000`)).toEqual({
      ...FIRST,
      serviceUrl: "https://smba.example.test/amer/",
    });
    await store.forget(`${CHANNEL};messageid=1764147600000`);
    expect(await store.find(CHANNEL)).toBeUndefined();
  });
});
