/**
 * Universal Actions end to end (the real server and Agents SDK adapter, a fake Bot Connector):
 * a press on an Action.Execute button is an `adaptiveCard/action` invoke whose HTTP response
 * carries the card that replaces the pressed one (and the posted message is updated for
 * everyone); a card's refresh answers its own query again for the viewer, under the same
 * access policy; bad data gets one line. Figures are checked against the base tables.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdaptiveCard } from "../../src/bot/teams/card/adaptive-card-types.js";
import { REFRESH_VERB } from "../../src/bot/teams/card/card-actions.js";
import { ANSWERED_BELOW_TEXT, MESSAGE_RESPONSE_TYPE } from "../../src/bot/teams/teams-invoke.js";
import { instantForDay } from "../../src/calendar/as-of.js";
import { STALE_ACTION_TEXT } from "../../src/commands/action-payload.js";
import { formatNumber } from "../../src/metrics/format.js";
import { validateAdaptiveCard } from "../helpers/adaptive-card-validator.js";
import { ANSWER_BUTTONS } from "../helpers/answer-buttons.js";
import { adSums } from "../helpers/independent-kpis.js";
import { invokeActivity, messageActivity, PERSONAL_CHAT } from "../helpers/teams-activities.js";
import {
  CARD_CONTENT_TYPE,
  cardOf,
  createFixtureDatabase,
  executeAction,
  factsOf,
  textsOf,
} from "../helpers/teams-cards.js";
import { ASKED_ON, startTeamsHarness, type TeamsHarness } from "../helpers/teams-harness.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { CFO_CHAT, writePolicyFile } from "../security/policy-file.js";

let db: TestDatabase;
let bot: TeamsHarness;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_teams_execute");
  bot = await startTeamsHarness({ databaseUrl: db.url, env: { ACCESS_POLICY_FILE: writePolicyFile() } });
});

afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

interface InvokeBody {
  readonly statusCode: number;
  readonly type: string;
  readonly value: unknown;
}

/** Asks in a conversation; returns the posted answer's id and card. */
async function ask(text: string, conversationId = PERSONAL_CHAT, day = ASKED_ON) {
  bot.setNow(instantForDay(day, "UTC"));
  const before = bot.connector.delivered.length;
  expect(
    (await bot.post(messageActivity(text, { serviceUrl: bot.connector.url, conversationId }))).status,
  ).toBe(200);
  const delivered = await bot.connector.waitFor((d) => d.length > before);
  const call = delivered[delivered.length - 1];
  return { id: call?.id as string, card: cardOf(call) };
}

/** Posts an invoke; returns the invoke response (the HTTP body) and what reached the connector meanwhile. */
async function invoke(activity: unknown): Promise<InvokeBody> {
  const response = await bot.post(activity);
  expect(response.status).toBe(200);
  return (await response.json()) as InvokeBody;
}

describe("Action.Execute on an answer card", () => {
  it("'90 days' answers the invoke with the 90-day card and updates the posted message for everyone", async () => {
    const first = await ask("campaigns last-30d");
    expect(validateAdaptiveCard(first.card)).toEqual([]);
    expect(first.card.actions?.every((a) => a.type === "Action.Execute")).toBe(true);
    const calls = bot.connector.calls.length;
    const body = await invoke(
      invokeActivity(executeAction(first.card, "90 days"), {
        serviceUrl: bot.connector.url,
        replyToId: first.id,
      }),
    );
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe(CARD_CONTENT_TYPE);
    const card = body.value as AdaptiveCard;
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(textsOf(card).slice(0, 2)).toEqual([
      "Campaigns · last 90 days",
      "Aug 28 – Nov 25, 2026 · UTC · vs May 30 – Aug 27, 2026",
    ]);
    const spend = (await adSums(db.connection, { from: "2026-08-28", to: "2026-11-25" })).spend;
    expect(factsOf(card).Spend).toBe(`${formatNumber(spend, "money", { currency: "EUR" })}  —`);
    expect(card.actions?.map((a) => a.title)).toEqual(ANSWER_BUTTONS);
    expect(card.actions?.find((a) => a.style === "positive")?.title).toBe("90 days");
    // Everyone else: the posted message is replaced by the same card, and nothing new is posted.
    const after = bot.connector.calls.slice(calls);
    expect(after.map((c) => [c.method, c.activityId])).toEqual([["PUT", first.id]]);
    expect(cardOf(after[0])).toEqual(card);
  });

  it("'Download CSV' posts the links beside the card and tells the presser so", async () => {
    const first = await ask("campaigns last-30d");
    const before = bot.connector.delivered.length;
    const body = await invoke(
      invokeActivity(executeAction(first.card, "Download CSV"), {
        serviceUrl: bot.connector.url,
        replyToId: first.id,
      }),
    );
    expect(body).toEqual({ statusCode: 200, type: MESSAGE_RESPONSE_TYPE, value: ANSWERED_BELOW_TEXT });
    const posted = bot.connector.delivered.slice(before);
    expect(posted.map((c) => c.method)).toEqual(["POST"]);
    expect(String(posted[0]?.body.text)).toMatch(/^\*\*CSV downloads\*\*/);
  });

  it("tampered or foreign data gets one line and changes nothing", async () => {
    const first = await ask("campaigns last-30d");
    const calls = bot.connector.calls.length;
    const stale = await invoke(
      invokeActivity(
        {
          verb: "kpi-action",
          data: { kind: "kpi-action", payload: '{"v":1,"do":"rerun","q":{"area":"nope"}}' },
        },
        { serviceUrl: bot.connector.url, replyToId: first.id },
      ),
    );
    expect(stale).toEqual({ statusCode: 200, type: MESSAGE_RESPONSE_TYPE, value: STALE_ACTION_TEXT });
    const foreign = await invoke(
      invokeActivity({ verb: "x", data: { a: 1 } }, { serviceUrl: bot.connector.url }),
    );
    expect(foreign.value).toBe(STALE_ACTION_TEXT);
    expect(bot.connector.calls.length).toBe(calls);
  });
});

describe("a card's refresh", () => {
  it("answers the card's own query again for the viewer, as of the viewer's day", async () => {
    const first = await ask("campaigns last-30d", PERSONAL_CHAT, "2026-11-10");
    const refresh = first.card.refresh;
    expect(refresh?.action.verb).toBe(REFRESH_VERB);
    expect(refresh?.userIds).toBeUndefined(); // everyone in a conversation of at most 60
    expect(textsOf(first.card)[1]).toMatch(/^Oct 11 – Nov 9, 2026/);
    bot.setNow(instantForDay(ASKED_ON, "UTC"));
    const calls = bot.connector.calls.length;
    const body = await invoke(
      invokeActivity(
        { verb: refresh?.action.verb as string, data: refresh?.action.data },
        { serviceUrl: bot.connector.url, replyToId: first.id, trigger: "automatic" },
      ),
    );
    expect(body.type).toBe(CARD_CONTENT_TYPE);
    const card = body.value as AdaptiveCard;
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(textsOf(card)[1]).toMatch(/^Oct 27 – Nov 25, 2026/);
    const spend = (await adSums(db.connection, { from: "2026-10-27", to: "2026-11-25" })).spend;
    const before = (await adSums(db.connection, { from: "2026-10-11", to: "2026-11-09" })).spend;
    expect(spend).not.toBe(before);
    expect(factsOf(first.card).Spend?.split("  ")[0]).toBe(
      formatNumber(before, "money", { currency: "EUR" }),
    );
    expect(factsOf(card).Spend?.split("  ")[0]).toBe(formatNumber(spend, "money", { currency: "EUR" }));
    expect(card.refresh).toEqual(refresh);
    // A refresh is the viewer's own: the posted message stays, nothing is sent.
    expect(bot.connector.calls.length).toBe(calls);
  });

  it("is refused where the access policy refuses the question, with whom to ask", async () => {
    const first = await ask("orders last-7d", CFO_CHAT);
    const refresh = first.card.refresh;
    const body = await invoke(
      invokeActivity(
        { verb: REFRESH_VERB, data: refresh?.action.data },
        { serviceUrl: bot.connector.url, conversationId: PERSONAL_CHAT, trigger: "automatic" },
      ),
    );
    expect(body).toEqual({
      statusCode: 200,
      type: MESSAGE_RESPONSE_TYPE,
      value: "`orders` is not available to you here. To get access, ask Finance (Ola).",
    });
    const allowed = await invoke(
      invokeActivity(
        { verb: REFRESH_VERB, data: refresh?.action.data },
        { serviceUrl: bot.connector.url, conversationId: CFO_CHAT, trigger: "automatic" },
      ),
    );
    expect(allowed.type).toBe(CARD_CONTENT_TYPE);
  });
});
