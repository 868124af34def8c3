/**
 * Alerts on a KPI end to end through Teams: created by a message to the real bot (the Agents
 * SDK adapter over HTTP), data crossing the threshold inserted into the base tables and
 * refreshed, checked by the bot's own scheduler runtime, posted through the real Teams sender
 * to a fake Bot Connector; the resolved note is a reply to the firing card; the card's buttons
 * pressed as Teams posts them (Action.Submit values of earlier cards, and an Action.Execute invoke).
 */
import type { RowDataPacket } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshDerived } from "../../src/db/refresh.js";
import { checkMetricAlerts } from "../../src/schedule/metric-alerts.js";
import { validateAdaptiveCard } from "../helpers/adaptive-card-validator.js";
import type { ConnectorCall } from "../helpers/fake-teams-connector.js";
import { createGeneratedDatabase } from "../helpers/generated-database.js";
import { trafficSums } from "../helpers/independent-kpis.js";
import { CHANNEL, invokeActivity, messageActivity, submitActivity } from "../helpers/teams-activities.js";
import { buttonData, cardOf, executeAction, imagesOf, textsOf } from "../helpers/teams-cards.js";
import { startTeamsHarness, type TeamsHarness } from "../helpers/teams-harness.js";
import type { TestDatabase } from "../helpers/test-database.js";

const DAY = "2026-11-25";
let db: TestDatabase;
let bot: TeamsHarness;
let source = "";

beforeAll(async () => {
  db = await createGeneratedDatabase("kpi_alert_teams");
  bot = await startTeamsHarness({ databaseUrl: db.url });
  const [rows] = await db.connection.query<RowDataPacket[]>(
    `SELECT t.slug FROM sessions s JOIN traffic_sources t ON t.source_id = s.source_id
     WHERE s.started_at >= '${DAY}' GROUP BY t.slug ORDER BY COUNT(*) DESC, t.slug LIMIT 1`,
  );
  source = String(rows[0]?.slug);
}, 300_000);

afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

/** What the bot posted into the channel conversation (new messages and replies). */
const inChannel = (): ConnectorCall[] =>
  bot.connector.delivered.filter((c) => c.method === "POST" && c.conversationId.startsWith(CHANNEL));

async function say(text: string): Promise<string> {
  const before = inChannel().length;
  const sent = await bot.post(
    messageActivity(text, { serviceUrl: bot.connector.url, conversationId: CHANNEL, mention: true }),
  );
  expect(sent.status).toBe(200);
  const calls = await bot.connector.waitFor(() => inChannel().length > before);
  return String(calls.filter((c) => c.conversationId.startsWith(CHANNEL)).at(-1)?.body.text);
}

async function pressButton(value: unknown, replyToId: string): Promise<ConnectorCall> {
  const before = inChannel().length;
  const sent = await bot.post(
    submitActivity(value, { serviceUrl: bot.connector.url, conversationId: CHANNEL, replyToId }),
  );
  expect(sent.status).toBe(200);
  await bot.connector.waitFor(() => inChannel().length > before);
  return inChannel().at(-1) as ConnectorCall;
}

let nextSession = 0;
async function addSessions(count: number): Promise<number[]> {
  if (nextSession === 0) {
    const [ids] = await db.connection.query<RowDataPacket[]>("SELECT MAX(session_id) AS id FROM sessions");
    nextSession = Number(ids[0]?.id) + 1;
  }
  const ids = Array.from({ length: count }, () => nextSession++);
  await db.connection.query(
    `INSERT INTO sessions (session_id, user_id, source_id, ad_id, started_at, device, page_views, duration_s)
     SELECT x.id, NULL, t.source_id, NULL, '${DAY} 10:00:00', 'desktop', 1, 60
     FROM (${ids.map((id) => `SELECT ${id} AS id`).join(" UNION ALL ")}) x, traffic_sources t WHERE t.slug = ?`,
    [source],
  );
  return ids;
}

/** `kpi db refresh` and the check it runs afterwards, in the bot's process. */
async function refreshAndCheck(at: string) {
  const report = await refreshDerived(db.connection, { full: false });
  if (!report.changed) return undefined;
  const runtime = bot.bot.scheduling.runtime(bot.bot.platforms.senders);
  return checkMetricAlerts(new Date(at), { kind: "refresh", changed: report.changed }, runtime.kpiAlerts);
}

describe("an alert created in Teams", () => {
  it("fires one card when the data crosses, stays quiet, and replies to it once resolved", async () => {
    const base = (await trafficSums(db.connection, { from: DAY, to: DAY }, source)).sessions;
    const created = await say(`alert sessions > ${base + 10} source=${source}`);
    const id = Number(/^Alert #(\d+): sessions > \d+ yesterday source=/.exec(created)?.[1]);
    expect(id).toBeGreaterThan(0);
    expect(await say("alert sessions < abc")).toMatch(/^`abc` is not a number; try `sessions < 100`\./);

    bot.connector.reset();
    const added = await addSessions(15);
    const fired = await refreshAndCheck("2026-11-26T13:00:00Z");
    expect(fired?.events).toEqual([{ alertId: id, event: "firing" }]);
    const [firing] = inChannel();
    expect(inChannel()).toHaveLength(1);
    expect(firing?.activityId).toBeUndefined();
    const card = cardOf(firing);
    expect(validateAdaptiveCard(card)).toEqual([]);
    const texts = textsOf(card).join("\n");
    expect(texts).toContain(
      `🔔 Sessions ${(base + 15).toLocaleString("en-US")} is above ${(base + 10).toLocaleString("en-US")}`,
    );
    expect(texts).toContain(`source ${source}`);
    expect(imagesOf(card)).toHaveLength(1);
    expect(card.actions?.map((a) => a.title)).toEqual(["Snooze 24 h", "Mute", "Open as question"]);

    // Stays above: nothing new.
    await db.connection.query("UPDATE sessions SET page_views = 2 WHERE session_id = ?", [added[0]]);
    expect((await refreshAndCheck("2026-11-26T13:30:00Z"))?.events).toEqual([]);
    expect(inChannel()).toHaveLength(1);

    // Open as question: the KPI's area over the window, with the alert's filters.
    const answer = await pressButton(buttonData(card, "Open as question"), String(firing?.id));
    expect(textsOf(cardOf(answer)).join("\n")).toMatch(/Traffic/);

    // Recovers: one reply to the firing card.
    bot.connector.reset();
    await db.connection.query(`DELETE FROM sessions WHERE session_id IN (${added.join(",")})`);
    expect((await refreshAndCheck("2026-11-26T14:00:00Z"))?.events).toEqual([
      { alertId: id, event: "resolved" },
    ]);
    expect(inChannel()).toHaveLength(1);
    expect(inChannel()[0]?.activityId).toBe(firing?.id);
    expect(inChannel()[0]?.conversationId).toBe(`${CHANNEL};messageid=${firing?.id}`); // in its thread
    expect(String(inChannel()[0]?.body.text)).toMatch(/^✅ Resolved: Sessions is back at/);

    // Snooze from the card: crossing again within 24 h says nothing.
    const snoozed = await pressButton(buttonData(card, "Snooze 24 h"), String(firing?.id));
    expect(snoozed.body.text).toBe(`Snoozed alert #${id} for 24 h.`);
    bot.connector.reset();
    await addSessions(15);
    expect((await refreshAndCheck("2026-11-26T15:00:00Z"))?.events).toEqual([]);
    expect(inChannel()).toHaveLength(0);
    // Mute from the card, as Teams sends an Action.Execute (an invoke, answered in the response): listed as muted.
    const muted = await bot.post(
      invokeActivity(executeAction(card, "Mute"), {
        serviceUrl: bot.connector.url,
        conversationId: CHANNEL,
        replyToId: String(firing?.id),
      }),
    );
    expect(((await muted.json()) as { value: string }).value).toMatch(new RegExp(`^Muted alert #${id}`));
    expect(await say("alerts")).toMatch(
      new RegExp(`^#${id} sessions > \\d+ yesterday source=${source} · muted`),
    );
  }, 300_000);
});
