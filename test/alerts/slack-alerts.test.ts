/**
 * Alerts on a KPI end to end through Slack: created with the real slash command (the real
 * Bolt app, signed requests), data crossing the threshold inserted into the base tables and
 * refreshed with the real `kpi db refresh`, checked by it and by `kpi schedule tick`
 * processes, posted through the real Slack sender into a fake Slack Web API; the Snooze and
 * Mute buttons pressed as Slack sends them.
 */
import type { RowDataPacket } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { robustRange } from "../../src/metrics/robust-range.js";
import { baselineWindows } from "../../src/schedule/alert-window.js";
import type { FakeCall } from "../helpers/fake-slack.js";
import { AS_OF, createGeneratedDatabase } from "../helpers/generated-database.js";
import { trafficSums } from "../helpers/independent-kpis.js";
import { runKpi } from "../helpers/run-cli.js";
import { BOT_TOKEN, blockTexts, SIGNING_SECRET, type SlackBot, startSlackBot } from "../helpers/slack-bot.js";
import { pressButton } from "../helpers/slack-press.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

const DAY = "2026-11-25"; // yesterday, as of AS_OF
let db: TestDatabase;
let bot: SlackBot;
let env: Record<string, string>;
let sources: string[] = [];
let nextSession = 0;

beforeAll(async () => {
  db = await createGeneratedDatabase("kpi_alert_slack");
  bot = await startSlackBot({ databaseUrl: db.url, asOf: AS_OF });
  env = {
    DATABASE_URL: db.url,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: bot.fake.apiUrl,
    ADMIN_CHANNEL: "slack:C0ADMIN",
    LOG_LEVEL: "silent",
  };
  const [rows] = await db.connection.query<RowDataPacket[]>(
    `SELECT t.slug FROM sessions s JOIN traffic_sources t ON t.source_id = s.source_id
     WHERE s.started_at >= '${DAY}' GROUP BY t.slug ORDER BY COUNT(*) DESC, t.slug LIMIT 3`,
  );
  sources = rows.map((r) => String(r.slug));
  const [ids] = await db.connection.query<RowDataPacket[]>("SELECT MAX(session_id) AS id FROM sessions");
  nextSession = Number(ids[0]?.id) + 1;
}, 300_000);

afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

/** Sessions of a source yesterday, from the base table. */
const sessionsOf = async (source: string) =>
  (await trafficSums(db.connection, { from: DAY, to: DAY }, source)).sessions;

/** Adds `count` sessions of a source yesterday; returns their ids. */
async function addSessions(source: string, count: number): Promise<number[]> {
  const ids = Array.from({ length: count }, () => nextSession++);
  await db.connection.query(
    `INSERT INTO sessions (session_id, user_id, source_id, ad_id, started_at, device, page_views, duration_s)
     SELECT ?, NULL, source_id, NULL, '${DAY} 10:00:00', 'mobile', 1, 60 FROM traffic_sources WHERE slug = ?`
      .replace("SELECT ?,", "SELECT x.id,")
      .replace(
        "FROM traffic_sources",
        `FROM (${ids.map((id) => `SELECT ${id} AS id`).join(" UNION ALL ")}) x, traffic_sources`,
      ),
    [source],
  );
  return ids;
}

const removeSessions = (ids: readonly number[]) =>
  db.connection.query(`DELETE FROM sessions WHERE session_id IN (${ids.join(",")})`);

const refresh = async (at: string) => {
  const run = await runKpi(["db", "refresh", "--at", at], env);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return run.stdout;
};
const tick = (at: string) => runKpi(["schedule", "tick", "--at", at], env);

async function reply(text: string, channelId: string): Promise<string> {
  const sent = await bot.command(text, { channelId });
  expect(sent.status).toBe(200);
  const response = await waitFor(() => bot.fake.responses.find((r) => r.id === sent.responseId), text);
  return unescaped(String(response.body.text));
}

/** Slack's escaping of `<`, `>` and `&` undone. */
const unescaped = (text: string) =>
  text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");

const posted = (channel: string): FakeCall[] =>
  bot.fake.ok("chat.postMessage").filter((c) => c.args.channel === channel);

async function create(text: string, channel: string): Promise<number> {
  const answer = await reply(`alert ${text}`, channel);
  const id = /^Alert #(\d+): /.exec(answer)?.[1];
  if (!id) throw new Error(`not created: ${answer}`);
  return Number(id);
}

let presses = 0;
async function press(message: FakeCall, actionId: string, channel: string): Promise<string> {
  const blocks = message.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
  const button = blocks.find((b) => b.type === "actions")?.elements?.find((e) => e.action_id === actionId);
  if (!button) throw new Error(`no button ${actionId}`);
  const responseId = `alertpress${++presses}`;
  await pressButton(
    bot,
    message,
    { ...button, text: { type: "plain_text", text: actionId } },
    {
      blockId: "metric_alert",
      responseId,
      channelId: channel,
    },
  );
  const response = await waitFor(() => bot.fake.responses.find((r) => r.id === responseId), actionId);
  return String(response.body.text);
}

/** Sessions per day of one source on the given days, counted from the base table. */
async function dailySessions(source: string, days: readonly string[]): Promise<number[]> {
  const [rows] = await db.connection.query<RowDataPacket[]>(
    `SELECT DATE_FORMAT(s.started_at, '%Y-%m-%d') AS day, COUNT(*) AS n FROM sessions s
     JOIN traffic_sources t ON t.source_id = s.source_id WHERE t.slug = ? GROUP BY day`,
    [source],
  );
  const byDay = new Map(rows.map((r) => [String(r.day), Number(r.n)]));
  return days.map((d) => byDay.get(d) ?? 0);
}

/** Two sources whose yesterday is ordinary in the base tables: within the same weekday's normal range, not up 300% on the week. */
async function quietSources(): Promise<[string, string]> {
  const weeks = baselineWindows("yesterday", { from: DAY, to: DAY }).map((w) => w.from);
  const [all] = await db.connection.query<RowDataPacket[]>("SELECT slug FROM traffic_sources ORDER BY slug");
  const quiet: string[] = [];
  for (const { slug } of all) {
    const [value, ...before] = await dailySessions(String(slug), [DAY, ...weeks]);
    const range = robustRange(before);
    if (!range || value === undefined || before[0] === undefined || before[0] === 0) continue;
    if (value >= range.low && value <= range.high && value < 4 * before[0]) quiet.push(String(slug));
  }
  if (quiet.length < 2) throw new Error(`fewer than two ordinary sources: ${quiet.join(", ")}`);
  return [quiet[0] as string, quiet[1] as string];
}

describe("an alert created in Slack", () => {
  it("fires once when the data crosses, stays quiet, resolves once in its thread; snooze and mute hold", async () => {
    const source = sources[0] as string;
    const base = await sessionsOf(source);
    const limit = base + 20;
    const a = await create(`sessions > ${limit} source=${source}`, "C0ALERTA");
    const b = await create(`sessions > ${limit} source=${source}`, "C0ALERTB");
    expect(await reply("alerts", "C0ALERTA")).toMatch(
      new RegExp(
        `^#${a} sessions > ${limit} yesterday source=${source} · not checked yet · checked daily 08:00 UTC$`,
      ),
    );

    // Checked on schedule: yesterday's value is below the threshold, nothing is said.
    expect((await tick("2026-11-26T12:30:00Z")).code).toBe(0);
    expect(posted("C0ALERTA")).toHaveLength(0);

    // The data crosses: one message per alert, with the value and the threshold, the chart in its thread.
    const added = await addSessions(source, 30);
    expect(await sessionsOf(source)).toBe(base + 30);
    expect(await refresh("2026-11-26T13:00:00Z")).toMatch(
      /Alerts: 2 checked .* 2 message\(s\) decided .* 2 sent/,
    );
    const [firing] = posted("C0ALERTA");
    if (!firing) throw new Error("no alert posted");
    const text = blockTexts(firing.args.blocks).join("\n");
    expect(text).toContain(
      `Sessions ${(base + 30).toLocaleString("en-US")} is above ${limit.toLocaleString("en-US")}`,
    );
    expect(text).toContain(`source ${source}`);
    expect(text).toMatch(/Snooze 24 h[\s\S]*Mute[\s\S]*Open as question[\s\S]*Explain/);
    const charts = bot.fake
      .ok("files.completeUploadExternal")
      .filter((c) => c.args.channel_id === "C0ALERTA");
    expect(charts.map((c) => c.args.thread_ts)).toEqual([firing.reply.ts]);

    // Stays above: nothing more, whether ticked or refreshed.
    await tick("2026-11-26T13:01:00Z");
    await refresh("2026-11-26T13:02:00Z");
    expect(posted("C0ALERTA")).toHaveLength(1);

    // Recovers: one resolved note, in the firing message's thread.
    await removeSessions(added);
    await refresh("2026-11-26T14:00:00Z");
    const resolved = posted("C0ALERTA")[1];
    expect(posted("C0ALERTA")).toHaveLength(2);
    expect(resolved?.args.thread_ts).toBe(firing.reply.ts);
    expect(String(resolved?.args.text)).toMatch(/^✅ Resolved: Sessions is back at/);

    // Fires again; A is snoozed, B muted from their buttons.
    const again = await addSessions(source, 30);
    await refresh("2026-11-26T15:00:00Z");
    expect(posted("C0ALERTA")).toHaveLength(3);
    expect(posted("C0ALERTB")).toHaveLength(3);
    expect(await press(posted("C0ALERTA")[2] as FakeCall, "metric_alert_snooze", "C0ALERTA")).toBe(
      `Snoozed alert #${a} for 24 h.`,
    );
    expect(await press(posted("C0ALERTB")[2] as FakeCall, "metric_alert_mute", "C0ALERTB")).toMatch(
      new RegExp(`^Muted alert #${b}`),
    );
    // A button pressed in another channel does nothing to the alert.
    expect(await press(posted("C0ALERTA")[2] as FakeCall, "metric_alert_mute", "C0OTHER")).toMatch(
      /^No alert with id/,
    );
    expect(await reply("alerts", "C0ALERTA")).toMatch(/· snoozed until /);
    expect(await reply("alerts", "C0ALERTB")).toMatch(/· muted · /);

    // Recovers: the snoozed alert still closes its thread, the muted one says nothing.
    await removeSessions(again);
    await refresh("2026-11-26T16:00:00Z");
    expect(posted("C0ALERTA")).toHaveLength(4);
    expect(posted("C0ALERTB")).toHaveLength(3);
    // Crosses again while snoozed and muted: no message at all.
    const third = await addSessions(source, 30);
    await refresh("2026-11-26T17:00:00Z");
    expect(posted("C0ALERTA")).toHaveLength(4);
    expect(posted("C0ALERTB")).toHaveLength(3);
    // Resumed, the muted alert speaks again: it was firing and is now back below.
    expect(await reply(`alert resume ${b}`, "C0ALERTB")).toMatch(new RegExp(`^Resumed alert #${b}`));
    await removeSessions(third);
    await refresh("2026-11-26T18:00:00Z");
    expect(posted("C0ALERTB")).toHaveLength(4);
    expect(posted("C0ALERTB")[3]?.args.thread_ts).toBe(posted("C0ALERTB")[2]?.reply.ts);
    expect(posted("C0ALERTA")).toHaveLength(4);

    // Explain on the first firing message: the change of sessions split by the area's
    // dimensions, answered in the alert's thread.
    const blocks = firing.args.blocks as {
      type: string;
      elements?: { action_id: string; value: string }[];
    }[];
    const explain = blocks
      .find((b) => b.type === "actions")
      ?.elements?.find((e) => e.action_id.includes("explain_sessions"));
    if (!explain) throw new Error("no Explain button on the firing message");
    await pressButton(
      bot,
      firing,
      { ...explain, text: { type: "plain_text", text: "Explain" } },
      {
        blockId: `metric_alert_${a}`,
        responseId: "alert-explain",
        channelId: "C0ALERTA",
      },
    );
    const explanation = await waitFor(
      () => posted("C0ALERTA").find((c, i) => i >= 4 && c.args.thread_ts === firing.reply.ts),
      "the explanation in the alert's thread",
      60_000,
    );
    expect(blockTexts(explanation.args.blocks).join("\n")).toMatch(/Sessions/);
    expect(blockTexts(explanation.args.blocks).join("\n")).toMatch(/[Ss]ource/);
  }, 300_000);

  it("three ticks at once still post one message", async () => {
    const source = sources[1] as string;
    const base = await sessionsOf(source);
    await create(`sessions >= ${base} source=${source} at 12:45`, "C0TRIPLE");
    const runs = await Promise.all([1, 2, 3].map(() => tick("2026-11-26T12:45:00Z")));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(posted("C0TRIPLE")).toHaveLength(1);
    expect(String(posted("C0TRIPLE")[0]?.args.text)).toContain(
      `is at or above ${base.toLocaleString("en-US")}`,
    );
    const [ledger] = await db.connection.query<RowDataPacket[]>(
      "SELECT d.event, d.status FROM bot_deliveries d JOIN bot_subscriptions s USING (subscription_id) WHERE s.target = 'slack:C0TRIPLE'",
    );
    expect(ledger).toEqual([{ event: "firing", status: "sent" }]);
  }, 120_000);

  it("a change and an unusual day fire on constructed data, not on the control", async () => {
    const [spiked, control] = await quietSources();
    await create(`sessions rises 300% vs previous-week source=${spiked}`, "C0CHANGE");
    await create(`sessions rises 300% vs previous-week source=${control}`, "C0CHANGE");
    await create(`sessions unusual source=${spiked}`, "C0UNUSUAL");
    await create(`sessions unusual source=${control}`, "C0UNUSUAL");
    await tick("2026-11-26T12:50:00Z");
    expect(posted("C0CHANGE").map((c) => c.args.text)).toEqual([]);
    expect(posted("C0UNUSUAL").map((c) => c.args.text)).toEqual([]);
    await addSessions(spiked, 10 * (await sessionsOf(spiked)) + 50);
    await refresh("2026-11-26T13:30:00Z");
    const change = posted("C0CHANGE");
    const unusual = posted("C0UNUSUAL");
    expect(change).toHaveLength(1);
    expect(unusual).toHaveLength(1);
    expect(String(change[0]?.args.text)).toContain(`source ${spiked}`);
    expect(String(change[0]?.args.text)).toMatch(
      /rose \d+\.\d% vs previous-week \(.*; alert at a rise of 300% vs previous-week\)/,
    );
    expect(String(unusual[0]?.args.text)).toContain(`source ${spiked}`);
    expect(String(unusual[0]?.args.text)).toMatch(
      /is outside its normal range[\s\S]*median .* ± 3 MAD of 8 earlier windows/,
    );
  }, 120_000);

  it("made with `kpi alerts add`: a message Slack refuses is retried, then failed, noticed and listed", async () => {
    const source = sources[1] as string;
    const added = await runKpi(
      ["alerts", "add", `sessions >= 0 source=${source} at 13:10`, "--target", "slack:C0FAIL"],
      env,
    );
    expect(added.stderr).toBe("");
    const id = Number(added.stdout.trim());
    expect(id).toBeGreaterThan(0);
    // Made now, on the real clock: back-dated to the day the test's ticks run on.
    await db.connection.query(
      "UPDATE bot_subscriptions SET created_at = '2026-11-26 12:00:00', active_since = '2026-11-26 12:00:00' WHERE subscription_id = ?",
      [id],
    );
    bot.fake.script("chat.postMessage", { body: { ok: false, error: "internal_error" } }, 5);
    const minute = (m: number) => new Date(Date.parse("2026-11-26T13:10:00Z") + m * 60_000).toISOString();
    for (const m of [0, 1, 3, 7]) expect((await tick(minute(m))).code).toBe(0);
    const last = await tick(minute(15));
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/1 delivery\(ies\) failed \(internal_error\)/);
    expect(posted("C0FAIL")).toHaveLength(0);
    const notices = posted("C0ADMIN");
    expect(notices).toHaveLength(1);
    expect(String(notices[0]?.args.text)).toMatch(
      new RegExp(
        `^The firing message of alert #${id} \\(sessions >= 0 yesterday at 13:10 source=${source}\\) .* could not be delivered to slack:C0FAIL after 5 attempts \\(internal_error\\)\\.$`,
      ),
    );
    const list = await runKpi(["alerts", "list"], env);
    expect(list.stdout).toMatch(
      new RegExp(
        `^#${id} sessions >= 0 .* · slack:C0FAIL · last message \\(firing\\) FAILED: internal_error after 5 attempt\\(s\\)$`,
        "m",
      ),
    );
  }, 120_000);

  it("a mistake is one line with the nearest valid word, and nothing is stored", async () => {
    expect(await reply("alert roas < abc", "C0ALERTA")).toMatch(/^`abc` is not a number; try `roas < 1`\./);
    expect(await reply("alert rosa < 1", "C0ALERTA")).toMatch(/did you mean `roas`\?/);
    const [rows] = await db.connection.query<RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM bot_subscriptions WHERE target = 'slack:C0ALERTA'",
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });
});
