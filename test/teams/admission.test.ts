/**
 * Admission control in Teams: with the database slowed down by a TCP proxy, a burst beyond
 * CHAT_MAX_IN_PROGRESS + CHAT_MAX_WAITING gets the answer card where there was room and the
 * one-line "busy" reply in every other conversation; each turn still ends with 200.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUSY_TEXT } from "../../src/bot/admission.js";
import { proxyFor, type TcpProxy } from "../helpers/tcp-proxy.js";
import { messageActivity } from "../helpers/teams-activities.js";
import { createFixtureDatabase } from "../helpers/teams-cards.js";
import { startTeamsHarness, type TeamsHarness } from "../helpers/teams-harness.js";
import type { TestDatabase } from "../helpers/test-database.js";

let db: TestDatabase;
let proxy: TcpProxy;
let bot: TeamsHarness;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_teams_admission");
  const proxied = await proxyFor(db.url);
  proxy = proxied.proxy;
  bot = await startTeamsHarness({
    databaseUrl: proxied.url,
    env: { CHAT_MAX_IN_PROGRESS: "1", CHAT_MAX_WAITING: "1", DB_STATEMENT_TIMEOUT_MS: "30000" },
  });
});
afterAll(async () => {
  await bot?.close();
  await proxy?.close();
  await db?.drop();
});

describe("admission control in Teams", () => {
  it("answers as many as fit and tells every other conversation it is busy", async () => {
    proxy.latencyMs = 300;
    try {
      const chats = Array.from({ length: 5 }, (_, i) => `a:1chat-admission-${i}`);
      const turns = await Promise.all(
        chats.map((conversationId) =>
          bot.post(messageActivity("campaigns last-7d", { serviceUrl: bot.connector.url, conversationId })),
        ),
      );
      expect(turns.map((turn) => turn.status)).toEqual(chats.map(() => 200));
      const replies = new Map(bot.connector.calls.map((call) => [call.conversationId, call.body] as const));
      const busy = chats.filter((id) => replies.get(id)?.text === BUSY_TEXT);
      const answered = chats.filter((id) => {
        const attachments = replies.get(id)?.attachments as { contentType?: string }[] | undefined;
        return attachments?.some((a) => a.contentType === "application/vnd.microsoft.card.adaptive");
      });
      expect(busy).toHaveLength(3);
      expect(answered).toHaveLength(2);
      expect(new Set([...busy, ...answered]).size).toBe(chats.length);
    } finally {
      proxy.latencyMs = 0;
    }
  });
});
