/**
 * Request claims on the real bot-state tables (bot_chat_requests): the first claim of a key
 * wins and every later one loses, whichever process makes it; keys are case-sensitive, as
 * Slack's ids are; when the database cannot be reached the request is answered (the claim
 * says true) and the failure is logged; claims older than an hour are deleted on a later
 * claim. And which Slack requests are claimed, under which identity.
 */
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLAIM_KEEP_MS, createRequestClaims } from "../../src/bot/request-claims.js";
import {
  HTTP_REDELIVERED,
  SOCKET_REDELIVERED,
  slackRedelivery,
  slackRequestKey,
} from "../../src/bot/slack/redelivery.js";
import { type BotStateDb, createBotStateDb } from "../../src/db/bot-state/bot-state-db.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { waitForAsync } from "../schedule/wait-for-async.js";

const silent = pino({ level: "silent" });
const at = (iso: string) => () => new Date(iso);

let db: TestDatabase;
let botState: BotStateDb;
beforeAll(async () => {
  db = await createTestDatabase({ prefix: "kpi_claims" });
  botState = createBotStateDb(db.url);
});
afterAll(async () => {
  await botState?.destroy();
  await db?.drop();
});

const keys = async () => {
  const [rows] = await db.connection.query(
    "SELECT request_key, claimed_by FROM bot_chat_requests ORDER BY 1",
  );
  return rows as { request_key: string; claimed_by: string }[];
};

describe("request claims", () => {
  it("the first claim of a key wins, in any replica; later ones lose; keys are case-sensitive", async () => {
    const a = createRequestClaims(botState, "replica-a", at("2026-11-26T12:00:00Z"), silent);
    const b = createRequestClaims(botState, "replica-b", at("2026-11-26T12:00:01Z"), silent);
    const results = await Promise.all([a.claim("slack:event:Ev0Same"), b.claim("slack:event:Ev0Same")]);
    expect(results.sort()).toEqual([false, true]);
    expect(await a.claim("slack:event:Ev0Same")).toBe(false);
    expect(await b.claim("slack:event:Ev0SAME")).toBe(true);
    expect((await keys()).map((k) => k.request_key)).toEqual(["slack:event:Ev0SAME", "slack:event:Ev0Same"]);
  });

  it("claims older than an hour are deleted by a later claim", async () => {
    const old = createRequestClaims(botState, "replica-old", at("2026-11-26T08:00:00Z"), silent);
    expect(await old.claim("slack:trigger:old.1")).toBe(true);
    const later = new Date(Date.parse("2026-11-26T08:00:00Z") + CLAIM_KEEP_MS + 60_000);
    const now = createRequestClaims(botState, "replica-now", () => later, silent);
    expect(await now.claim("slack:trigger:new.1")).toBe(true);
    await waitForAsync(
      async () => !(await keys()).some((k) => k.request_key === "slack:trigger:old.1"),
      "the old claim to be deleted",
    );
    expect((await keys()).map((k) => k.request_key)).toContain("slack:trigger:new.1");
  });

  it("with the database unreachable the request is answered, and the failure logged", async () => {
    const lines: string[] = [];
    const log = pino({ level: "info" }, { write: (line: string) => lines.push(line) });
    const unreachable = createBotStateDb("mysql://root@127.0.0.1:1/kpi_never_used", {
      statementTimeoutMs: 2000,
    });
    try {
      const claims = createRequestClaims(unreachable, "replica-x", at("2026-11-26T12:00:00Z"), log);
      expect(await claims.claim("slack:event:Ev0Down")).toBe(true);
      expect(lines.join("")).toContain("chat request claim failed: answering it anyway");
    } finally {
      await unreachable.destroy().catch(() => undefined);
    }
  });
});

describe("which Slack requests are claimed, and under which identity", () => {
  it("events by event_id, commands and button presses by trigger_id; nothing without one", () => {
    expect(slackRequestKey("event", { event_id: "Ev01", trigger_id: "1.2" })).toBe("slack:event:Ev01");
    expect(slackRequestKey("command", { trigger_id: "123.456.abc" })).toBe("slack:trigger:123.456.abc");
    expect(slackRequestKey("action", { trigger_id: "789.1" })).toBe("slack:trigger:789.1");
    expect(slackRequestKey("command", { text: "help" })).toBeUndefined();
    expect(slackRequestKey("event", { event_id: "" })).toBeUndefined();
  });

  it("over HTTP only events are claimed (Slack re-sends nothing else); in Socket Mode everything", async () => {
    const claims = createRequestClaims(botState, "replica-r", at("2026-11-26T12:00:00Z"), silent);
    const http = slackRedelivery(claims, HTTP_REDELIVERED, silent);
    const overHttp = { event_id: "Ev0Http", trigger_id: "1.http" };
    for (const kind of ["command", "action", "event"] as const) {
      expect(await http.firstDelivery(kind, overHttp)).toBe(true);
    }
    expect(await http.firstDelivery("command", overHttp)).toBe(true); // never claimed: answered again
    expect(await http.firstDelivery("event", overHttp)).toBe(false);

    const socket = slackRedelivery(claims, SOCKET_REDELIVERED, silent);
    const overSocket = { event_id: "Ev0Sock", trigger_id: "1.sock" };
    expect(await socket.firstDelivery("command", overSocket)).toBe(true);
    expect(await socket.firstDelivery("command", overSocket)).toBe(false);
    expect(await socket.firstDelivery("event", overSocket)).toBe(true);
    expect(await socket.firstDelivery("event", overSocket)).toBe(false);
    const mine = (await keys()).filter((k) => k.claimed_by === "replica-r").map((k) => k.request_key);
    expect(mine).toEqual(["slack:event:Ev0Http", "slack:event:Ev0Sock", "slack:trigger:1.sock"]);
  });
});
