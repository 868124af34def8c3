/**
 * Conversation references for proactive messages: stored in bot_teams_conversations when the
 * bot is installed, added or messaged; used by the Teams senders (digests, notices) to post a
 * new message through the connector; forgotten on uninstall.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertConversation } from "../../src/bot/teams/proactive/conversation-store.js";
import { WELCOME_TEXT } from "../../src/bot/teams/teams-turns.js";
import { scanSql } from "../../src/db/sql-compat.js";
import { rows } from "../db/fixture.js";
import { validateAdaptiveCard } from "../helpers/adaptive-card-validator.js";
import {
  BOT,
  botAddedActivity,
  CHANNEL,
  installationActivity,
  messageActivity,
  PERSONAL_CHAT,
  TEAM_AAD_GROUP_ID,
  TENANT_ID,
} from "../helpers/teams-activities.js";
import { cardOf, createFixtureDatabase } from "../helpers/teams-cards.js";
import { startTeamsHarness, type TeamsHarness } from "../helpers/teams-harness.js";
import type { TestDatabase } from "../helpers/test-database.js";

let db: TestDatabase;
let bot: TeamsHarness;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_teams_proactive");
  bot = await startTeamsHarness({ databaseUrl: db.url });
});

afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

const stored = (conversationId: string) =>
  rows(db.connection, "SELECT * FROM bot_teams_conversations WHERE conversation_id = ?", [conversationId]);

async function post(activity: unknown): Promise<void> {
  expect((await bot.post(activity)).status).toBe(200);
}

describe("storing conversation references", () => {
  it("a message stores service URL, conversation, tenant, channel and bot", async () => {
    await post(messageActivity("help", { serviceUrl: bot.connector.url, conversationId: PERSONAL_CHAT }));
    const [row] = await stored(PERSONAL_CHAT);
    expect(row).toMatchObject({
      conversation_id: PERSONAL_CHAT,
      service_url: bot.connector.url,
      tenant_id: TENANT_ID,
      channel_id: "msteams",
      bot_id: BOT.id,
      bot_name: BOT.name,
      conversation_type: "personal",
      first_seen_at: "2026-11-26 12:00:00.000",
    });
  });

  it("a channel thread is stored under its channel", async () => {
    await post(
      messageActivity("help", {
        serviceUrl: bot.connector.url,
        conversationId: `${CHANNEL};messageid=1764147600000`,
        mention: true,
      }),
    );
    expect(await stored(CHANNEL)).toHaveLength(1);
    expect(await stored(`${CHANNEL};messageid=1764147600000`)).toHaveLength(0);
  });

  it("installing the bot stores the reference; being added says hello", async () => {
    const team = "19:team-general@thread.tacv2";
    await post(installationActivity("add", { serviceUrl: bot.connector.url, conversationId: team }));
    expect(await stored(team)).toMatchObject([{ team_aad_group_id: TEAM_AAD_GROUP_ID }]);
    bot.connector.reset();
    await post(botAddedActivity({ serviceUrl: bot.connector.url, conversationId: "19:other@thread.tacv2" }));
    expect(await stored("19:other@thread.tacv2")).toHaveLength(1);
    const [welcome] = await bot.connector.waitFor((d) => d.length === 1);
    expect(welcome?.body.text).toBe(WELCOME_TEXT);
  });

  it("a later message with a new service URL updates the row, keeping first_seen_at", async () => {
    bot.setNow(new Date("2026-11-27T08:00:00Z"));
    try {
      await post(
        messageActivity("help", { serviceUrl: `${bot.connector.url}amer/`, conversationId: PERSONAL_CHAT }),
      );
    } finally {
      bot.setNow(new Date("2026-11-26T12:00:00Z"));
    }
    const [row] = await stored(PERSONAL_CHAT);
    expect(row).toMatchObject({
      service_url: `${bot.connector.url}amer/`,
      first_seen_at: "2026-11-26 12:00:00.000",
      last_seen_at: "2026-11-27 08:00:00.000",
    });
    await post(messageActivity("help", { serviceUrl: bot.connector.url, conversationId: PERSONAL_CHAT }));
  });

  it("uses SQL that runs on MySQL and MariaDB alike", () => {
    const conversation = {
      conversationId: PERSONAL_CHAT,
      serviceUrl: bot.connector.url,
      tenantId: null,
      channelId: "msteams",
      botId: BOT.id,
      botName: null,
      conversationType: null,
      teamAadGroupId: null,
      teamId: null,
    };
    const upsert = upsertConversation(bot.botState, conversation, new Date()).compile().sql;
    expect(upsert).toMatch(/on duplicate key update/i);
    expect(scanSql("conversation-store.ts", upsert)).toEqual([]);
  });
});

const teams = (id: string) => ({ platform: "teams", id });

describe("proactive messages (the Teams senders)", () => {
  it("posts a new message (not a reply) into a stored channel, through the fake connector", async () => {
    bot.connector.reset();
    const result = await bot.senders.digests.sendNotice(
      teams(CHANNEL),
      "Good morning: your daily digest is ready.",
      "notice-1",
    );
    const [call] = await bot.connector.waitFor((d) => d.length === 1);
    expect(call).toMatchObject({ method: "POST", conversationId: CHANNEL, activityId: undefined });
    expect(call?.body).toMatchObject({ type: "message", text: "Good morning: your daily digest is ready." });
    expect(call?.body.replyToId).toBeUndefined();
    expect(call?.authorization).toBeUndefined();
    expect(result.messageId).toBe(call?.id);
  });

  it("posts a digest's answer as a card built by the platform", async () => {
    bot.connector.reset();
    const outcome = await bot.engine.run("orders last-30d");
    if (outcome.kind !== "answer") throw new Error("expected an answer");
    const subscription = {
      id: 1,
      target: teams(PERSONAL_CHAT),
      areas: ["orders" as const],
      period: outcome.answer.query.period,
      filters: {},
      schedule: { kind: "daily" as const, cron: "0 9 * * *", timeZone: "UTC" },
      createdBy: "test",
      createdAt: new Date(),
      activeSince: new Date(),
      paused: false,
      quiet: false,
    };
    await bot.senders.digests.send(
      teams(PERSONAL_CHAT),
      {
        subscription,
        slot: new Date(),
        heading: "Daily digest · orders",
        title: "Nov 25 · UTC",
        answers: [outcome.answer],
        problems: [],
        movers: [],
      },
      "digest-1",
    );
    const [call] = await bot.connector.waitFor((d) => d.length === 1);
    expect(call?.conversationId).toBe(PERSONAL_CHAT);
    expect(validateAdaptiveCard(cardOf(call))).toEqual([]);
    // The delivery tag, hidden, where Graph returns it (the card's JSON) for a later lookup.
    expect(cardOf(call).body.at(-1)).toEqual({
      type: "TextBlock",
      id: "kpi-delivery:digest-1",
      text: "digest-1",
      isVisible: false,
    });
  });

  it("refuses a conversation it has no reference for, naming it, as a delivery no retry can fix", async () => {
    const attempt = bot.senders.digests.sendNotice(teams("19:never-seen@thread.tacv2"), "hi", "notice-2");
    await expect(attempt).rejects.toThrow(/No Teams conversation 19:never-seen@thread\.tacv2 is known/);
    await expect(attempt).rejects.toMatchObject({ retryable: false });
  });

  it("uninstalling forgets the conversation", async () => {
    const team = "19:team-to-leave@thread.tacv2";
    await post(installationActivity("add", { serviceUrl: bot.connector.url, conversationId: team }));
    await post(installationActivity("remove", { serviceUrl: bot.connector.url, conversationId: team }));
    expect(await stored(team)).toHaveLength(0);
    await expect(bot.senders.digests.sendNotice(teams(team), "hi", "notice-3")).rejects.toThrow(/is known/);
  });
});
