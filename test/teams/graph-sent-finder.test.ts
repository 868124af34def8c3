/**
 * The Teams SentFinder against local stand-ins for Microsoft Entra's token endpoint and
 * Microsoft Graph (test/helpers/fake-graph.ts), with the conversation store on a real
 * database: an app-only token by client credentials, reused until it nears expiry; a tagged
 * message found among the channel's or chat's messages, across pages; "not found" only on
 * Graph's word, and every refusal thrown.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { taggedCardAttachment } from "../../src/bot/teams/card/delivery-tag.js";
import { AppTokenSource } from "../../src/bot/teams/graph/app-token.js";
import { createGraphSentFinder } from "../../src/bot/teams/graph/sent-finder.js";
import { ConversationStore } from "../../src/bot/teams/proactive/conversation-store.js";
import { type BotStateDb, createBotStateDb } from "../../src/db/bot-state/bot-state-db.js";
import type { SentFinder } from "../../src/schedule/senders.js";
import { FakeGraph } from "../helpers/fake-graph.js";
import { FakeTeamsConnector } from "../helpers/fake-teams-connector.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const APP = { clientId: "0f8fad5b-d9cb-469f-a165-70867728950e", clientSecret: "app-password-for-graph" };
const TEAM = "0f5c1b9e-5a3e-4d0b-9a51-7c1f0d2e3a44";
const CHANNEL = "19:finder-channel@thread.tacv2";
const CHAT = "19:finder-chat@thread.v2";
const PERSONAL = "a:1personal-chat";

let db: TestDatabase;
let botState: BotStateDb;
let connector: FakeTeamsConnector;
let graph: FakeGraph;
let now = new Date();
let finder: SentFinder;
const target = (id: string) => ({ platform: "teams", id });

/** A message in a conversation, as another process posted it (straight to the connector). */
async function post(conversation: string, tag?: string): Promise<string> {
  const activity = {
    type: "message",
    text: "digest",
    attachments: tag ? [taggedCardAttachment([], "digest", tag)] : [],
  };
  const response = await fetch(
    `${connector.url}v3/conversations/${encodeURIComponent(conversation)}/activities`,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity),
    },
  );
  return ((await response.json()) as { id: string }).id;
}

function finderWith(secret: string): SentFinder {
  return createGraphSentFinder({
    graph: { url: graph.graphUrl, tokenUrl: graph.tokenUrl(TENANT) },
    tokens: new AppTokenSource(
      { tokenUrl: graph.tokenUrl(TENANT), clientId: APP.clientId, clientSecret: secret },
      () => now,
    ),
    conversations: new ConversationStore(botState, () => now),
  });
}

beforeAll(async () => {
  db = await createTestDatabase({ prefix: "kpi_graph_finder" });
  botState = createBotStateDb(db.url, { connectionLimit: 1 });
  connector = await FakeTeamsConnector.start();
  graph = await FakeGraph.start(connector);
  graph.credentials = APP;
  graph.teams.set(TEAM, [CHANNEL]);
  const store = new ConversationStore(botState, () => now);
  const base = {
    serviceUrl: connector.url,
    tenantId: TENANT,
    channelId: "msteams",
    botId: "28:bot",
    botName: null,
    teamId: null,
  };
  await store.remember({
    ...base,
    conversationId: CHANNEL,
    conversationType: "channel",
    teamAadGroupId: TEAM,
  });
  await store.remember({
    ...base,
    conversationId: CHAT,
    conversationType: "groupChat",
    teamAadGroupId: null,
  });
  await store.remember({
    ...base,
    conversationId: PERSONAL,
    conversationType: "personal",
    teamAadGroupId: null,
  });
});
afterAll(async () => {
  await graph?.close();
  await connector?.close();
  await botState?.destroy();
  await db?.drop();
});
beforeEach(() => {
  connector.reset();
  graph.reset();
  now = new Date();
  finder = finderWith(APP.clientSecret);
});

const since = () => new Date(Date.now() - 5 * 60_000);

describe("Teams SentFinder through Microsoft Graph", () => {
  it("gets an app-only token by client credentials, sends it as Bearer, and reuses it", async () => {
    const id = await post(CHANNEL, "digest-7");
    expect(await finder.findSent(target(CHANNEL), "digest-7", since())).toEqual({ messageId: id });
    expect(await finder.findSent(target(CHANNEL), "digest-8", since())).toBeUndefined();
    const tokens = graph.requests.filter((r) => r.method === "POST");
    expect(tokens.map((r) => [r.path, r.status])).toEqual([[`/${TENANT}/oauth2/v2.0/token`, 200]]);
    expect(graph.lists.map((r) => [r.authorization, r.status])).toEqual([
      ["Bearer graph-token-1", 200],
      ["Bearer graph-token-1", 200],
    ]);
    // Near expiry (5 min margin on 3599 s), a new token.
    now = new Date(now.getTime() + 56 * 60_000);
    await finder.findSent(target(CHANNEL), "digest-7", since());
    expect(graph.lists.at(-1)?.authorization).toBe("Bearer graph-token-2");
  });

  it("finds a tagged message three pages down a busy channel", async () => {
    const id = await post(CHANNEL, "alert-2026-12-01T08:00:00.000Z");
    for (let i = 0; i < 120; i++) await post(CHANNEL);
    expect(await finder.findSent(target(CHANNEL), "alert-2026-12-01T08:00:00.000Z", since())).toEqual({
      messageId: id,
    });
    expect(graph.lists).toHaveLength(3);
  });

  it("stops reading a channel at the first message modified before `since`", async () => {
    await post(CHANNEL, "digest-9");
    for (let i = 0; i < 60; i++) await post(CHANNEL);
    expect(await finder.findSent(target(CHANNEL), "digest-9", new Date(Date.now() + 60_000))).toBeUndefined();
    expect(graph.lists).toHaveLength(1);
  });

  it("reads a group chat filtered on lastModifiedDateTime since the post began", async () => {
    const id = await post(CHAT, "digest-11");
    expect(await finder.findSent(target(CHAT), "digest-11", since())).toEqual({ messageId: id });
    expect(await finder.findSent(target(CHAT), "digest-11", new Date(Date.now() + 60_000))).toBeUndefined();
  });

  it("throws, rather than saying not found, whenever Graph or Entra does not answer plainly", async () => {
    await post(CHANNEL, "digest-12");
    graph.failNext(1, { status: 403, body: { error: { code: "Forbidden" } } });
    await expect(finder.findSent(target(CHANNEL), "digest-12", since())).rejects.toMatchObject({
      code: "graph_403",
    });
    graph.failNext(1, {
      status: 429,
      headers: { "retry-after": "7" },
      body: { error: { code: "TooManyRequests" } },
    });
    await expect(finder.findSent(target(CHANNEL), "digest-12", since())).rejects.toMatchObject({
      code: "graph_429",
      retryAfterMs: 7000,
    });
    graph.failNext(1, { status: 503, body: { error: { code: "ServiceUnavailable" } } });
    await expect(finder.findSent(target(CHANNEL), "digest-12", since())).rejects.toMatchObject({
      code: "graph_503",
    });
    await expect(finder.findSent(target(PERSONAL), "digest-12", since())).rejects.toMatchObject({
      code: "teams_lookup_unsupported",
      retryable: false,
    });
    const refused = finderWith("a-wrong-secret");
    const error = await refused.findSent(target(CHANNEL), "digest-12", since()).catch((e: Error) => e);
    expect(error).toMatchObject({ code: "graph_token_refused" });
    expect(String((error as Error).message)).not.toContain("a-wrong-secret");
    expect(await finder.findSent(target(CHANNEL), "digest-12", since())).toBeDefined();
  });
});
