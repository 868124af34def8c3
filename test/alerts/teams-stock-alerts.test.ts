/**
 * Low-stock alerts through Teams end to end (the real bot and Teams sender, a fake Bot
 * Connector): the alert card carries a Snooze 24 h button (Action.Execute); the recovery note
 * is a reply in the alert's channel thread; pressing Snooze (an `adaptiveCard/action` invoke)
 * stores the snooze through the shared snooze logic, and no alert comes until it ends.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STOCK_SNOOZE_KIND } from "../../src/bot/teams/card/stock-alert-card.js";
import { MESSAGE_RESPONSE_TYPE } from "../../src/bot/teams/teams-invoke.js";
import { listAlertStates } from "../../src/schedule/alert-state-store.js";
import { checkLowStock } from "../../src/schedule/low-stock-alerts.js";
import { validateAdaptiveCard } from "../helpers/adaptive-card-validator.js";
import type { ConnectorCall } from "../helpers/fake-teams-connector.js";
import { botAddedActivity, CHANNEL, invokeActivity } from "../helpers/teams-activities.js";
import { cardOf, createFixtureDatabase, executeAction, textsOf } from "../helpers/teams-cards.js";
import { startTeamsHarness, type TeamsHarness } from "../helpers/teams-harness.js";
import type { TestDatabase } from "../helpers/test-database.js";

const T0 = new Date("2026-11-26T08:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
let db: TestDatabase;
let bot: TeamsHarness;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_teams_stock");
  bot = await startTeamsHarness({ databaseUrl: db.url, env: { ALERT_CHANNEL: `teams:${CHANNEL}` } });
  // The bot is installed in the channel: its conversation reference is stored.
  expect(
    (await bot.post(botAddedActivity({ serviceUrl: bot.connector.url, conversationId: CHANNEL }))).status,
  ).toBe(200);
  await bot.connector.waitFor((d) => d.length >= 1);
});

afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

const setStock = (sku: string, qty: number) =>
  db.connection.query("UPDATE products SET stock_qty = ? WHERE sku = ?", [qty, sku]);

/** Runs the low-stock check of the bot's scheduler at `when`; returns what reached the connector. */
async function check(when: Date): Promise<ConnectorCall[]> {
  const alerts = bot.bot.scheduling.runtime(bot.bot.platforms.senders).alerts;
  if (!alerts) throw new Error("ALERT_CHANNEL did not configure alerts");
  const before = bot.connector.calls.length;
  await checkLowStock(when, alerts);
  return bot.connector.calls.slice(before);
}

describe("a low-stock alert in a Teams channel", () => {
  it("offers Snooze, replies in its thread on recovery, and stays quiet while snoozed", async () => {
    // The fixture: Runner (SH-RUN) 5 ≤ 10 and Boot (SH-BOOT) 0 ≤ 5 are low.
    const [alert, ...others] = await check(T0);
    expect(others).toEqual([]);
    expect(alert?.method).toBe("POST");
    expect(alert?.conversationId).toBe(CHANNEL);
    const card = cardOf(alert);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(textsOf(card).filter((t) => t.startsWith("- "))).toEqual([
      "- **Boot** (SH-BOOT): stock 0, reorder level 5, out of stock",
      expect.stringMatching(/^- \*\*Runner\*\* \(SH-RUN\): stock 5, reorder level 10, /),
    ]);
    const snooze = executeAction(card, "Snooze 24 h");
    expect(snooze).toEqual({
      verb: STOCK_SNOOZE_KIND,
      data: { kind: STOCK_SNOOZE_KIND, skus: ["SH-BOOT", "SH-RUN"] },
    });

    // Runner restocked: the note is a reply in the alert's thread (the channel thread's conversation id).
    await setStock("SH-RUN", 50);
    const [note, ...more] = await check(at(15));
    expect(more).toEqual([]);
    expect(note?.conversationId).toBe(`${CHANNEL};messageid=${alert?.id}`);
    expect(note?.activityId).toBe(alert?.id);
    expect(note?.body.replyToId).toBe(alert?.id);
    expect(note?.body.text).toBe("Runner (SH-RUN) is back above its reorder level.");

    // Snooze pressed: stored through the shared snooze (24 h from the press), told to the presser.
    bot.setNow(at(20));
    const response = await bot.post(
      invokeActivity(snooze, {
        serviceUrl: bot.connector.url,
        conversationId: CHANNEL,
        replyToId: alert?.id,
      }),
    );
    expect(await response.json()).toEqual({
      statusCode: 200,
      type: MESSAGE_RESPONSE_TYPE,
      value: "Snoozed for 24 h: SH-BOOT, SH-RUN.",
    });
    const until = at(20 + 24 * 60);
    const states = await listAlertStates(bot.botState);
    expect(states.map((s) => [s.sku, s.state, s.snoozedUntil?.toISOString()])).toEqual([
      ["SH-BOOT", "snoozed", until.toISOString()],
      ["SH-RUN", "snoozed", until.toISOString()],
    ]);

    // Low again while snoozed: nothing, however often it is checked.
    await setStock("SH-RUN", 3);
    expect(await check(at(30))).toEqual([]);
    expect(await check(at(24 * 60))).toEqual([]);

    // The snooze is over: one alert for both, as a new message.
    const [again, ...rest] = await check(at(20 + 24 * 60 + 15));
    expect(rest).toEqual([]);
    expect(again?.conversationId).toBe(CHANNEL);
    expect(again?.activityId).toBeUndefined();
    expect(
      textsOf(cardOf(again))
        .filter((t) => t.startsWith("- "))
        .map((t) => /\((SH-\w+)\)/.exec(t)?.[1]),
    ).toEqual(["SH-BOOT", "SH-RUN"]);
  });

  it("a tampered snooze button changes nothing", async () => {
    const before = await listAlertStates(bot.botState);
    const response = await bot.post(
      invokeActivity(
        { verb: STOCK_SNOOZE_KIND, data: { kind: STOCK_SNOOZE_KIND, skus: ["x".repeat(65)] } },
        { serviceUrl: bot.connector.url, conversationId: CHANNEL },
      ),
    );
    expect(((await response.json()) as { value: string }).value).toMatch(/no longer works/);
    expect(await listAlertStates(bot.botState)).toEqual(before);
  });
});
