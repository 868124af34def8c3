/**
 * App Home forms end to end over HTTP (the real Bolt app, signed requests, the fake Web API):
 * "New digest" and "New alert" open their modals (views.open, checked against Slack's modal
 * limits by the fake); a submission with bad fields gets inline errors keyed by block id and
 * stores nothing; a valid one is stored exactly as the typed command stores it (same row, same
 * audit line), confirmed in the modal, and the App Home is published again.
 */
import type { RowDataPacket } from "mysql2";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CHANNEL, createFixtureDatabase, type SlackBot, startSlackBot, USER } from "../helpers/slack-bot.js";
import { type FieldState, homeButtonPayload, viewSubmissionPayload } from "../helpers/slack-requests.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";
import { waitForAsync } from "../schedule/wait-for-async.js";

let db: TestDatabase;
let bot: SlackBot;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_slack_forms");
  bot = await startSlackBot({ databaseUrl: db.url, env: { AREA_CHANNELS: "orders:C0FINANCE" } });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});
beforeEach(() => bot.fake.reset());

/** Presses the Home button and returns the view Slack was asked to open. */
let presses = 0;

async function openForm(actionId: string): Promise<Record<string, unknown>> {
  const triggerId = `trig-${actionId}-${++presses}`;
  const sent = await bot.interact(homeButtonPayload({ actionId, userId: USER, triggerId }));
  expect(sent.status).toBe(200);
  const call = await waitFor(() => bot.fake.ok("views.open")[0], "views.open");
  expect(call.args.trigger_id).toBe(triggerId);
  return call.args.view as Record<string, unknown>;
}

async function submit(view: Record<string, unknown>, values: Record<string, FieldState>) {
  const sent = await bot.interact(viewSubmissionPayload({ view, values, userId: USER }));
  expect(sent.status).toBe(200);
  return sent.text === "" ? {} : (JSON.parse(sent.text) as Record<string, unknown>);
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  const [result] = await db.connection.query<RowDataPacket[]>(sql);
  return result as Record<string, unknown>[];
}

const SUBSCRIPTION_COLUMNS =
  "target, areas, period, filters, alert, schedule_kind, cron, time_zone, created_by, paused, quiet";
const subscriptions = () =>
  rows(`SELECT ${SUBSCRIPTION_COLUMNS} FROM bot_subscriptions ORDER BY subscription_id`);

const select = (value: string): FieldState => ({ type: "static_select", value });
const typed = (value: string | null): FieldState => ({ type: "plain_text_input", value });
const time = (value: string | null): FieldState => ({ type: "timepicker", value });
const channel = (value: string | null): FieldState => ({ type: "conversations_select", value });

describe("the App Home", () => {
  it("has the New digest and New alert buttons", async () => {
    await bot.event({ type: "app_home_opened", user: USER, channel: "D0HOME", tab: "home" });
    const publish = await waitFor(() => bot.fake.ok("views.publish")[0], "views.publish");
    const blocks = (publish.args.view as { blocks: { type: string; elements?: { action_id: string }[] }[] })
      .blocks;
    const actions = blocks.find((b) => b.type === "actions");
    expect(actions?.elements?.map((e) => e.action_id)).toEqual(["home_new_digest", "home_new_alert"]);
  });
});

describe("New digest", () => {
  it("opens a form with area, period, days, time, zone, channel and filters", async () => {
    const view = await openForm("home_new_digest");
    expect(view.callback_id).toBe("digest_form");
    const blocks = view.blocks as { block_id: string; element: { type: string } }[];
    expect(blocks.map((b) => [b.block_id, b.element.type])).toEqual([
      ["digest_area", "static_select"],
      ["digest_period", "static_select"],
      ["digest_days", "static_select"],
      ["digest_time", "timepicker"],
      ["zone", "plain_text_input"],
      ["target", "conversations_select"],
      ["filters", "plain_text_input"],
    ]);
  });

  it("bad fields: each one's own error under it (the typed command's words), nothing stored", async () => {
    const view = await openForm("home_new_digest");
    const before = await subscriptions();
    const reply = await submit(view, {
      digest_area: select("campains"),
      digest_period: select("last-30d"),
      digest_days: select("daily"),
      digest_time: time("25:00"),
      zone: typed("Mars/Olympus"),
      target: channel(null),
      filters: typed(null),
    });
    expect(reply.response_action).toBe("errors");
    const errors = reply.errors as Record<string, string>;
    expect(Object.keys(errors).sort()).toEqual(["digest_area", "digest_time", "target", "zone"]);
    expect(errors.digest_area).toMatch(/Unknown area `campains` — did you mean `campaigns`\?/);
    expect(errors.digest_time).toMatch(/Invalid time `25:00`/);
    expect(errors.zone).toMatch(/Unknown time zone `Mars\/Olympus`/);
    expect(errors.target).toBe("Choose the channel to post to.");
    expect(await subscriptions()).toEqual(before);
    expect(bot.fake.attempts("views.publish")).toEqual([]);
  });

  it("filters the area does not take, and an area the channel may not receive: errors, nothing stored", async () => {
    const view = await openForm("home_new_digest");
    const before = await subscriptions();
    const badFilter = await submit(view, {
      digest_area: select("campaigns"),
      digest_period: select("default"),
      digest_days: select("daily"),
      digest_time: time("09:00"),
      zone: typed(null),
      target: channel(CHANNEL),
      filters: typed("colour=red"),
    });
    expect(Object.keys(badFilter.errors as object)).toEqual(["filters"]);
    expect((badFilter.errors as Record<string, string>).filters).toMatch(/colour/);
    // orders only in C0FINANCE (AREA_CHANNELS): refused for this channel by the access policy
    const refused = await submit(view, {
      digest_area: select("orders"),
      digest_period: select("default"),
      digest_days: select("daily"),
      digest_time: time("09:00"),
      zone: typed(null),
      target: channel(CHANNEL),
      filters: typed(null),
    });
    expect(refused.response_action).toBe("errors");
    expect(Object.keys(refused.errors as object)).toEqual(["target"]);
    expect((refused.errors as Record<string, string>).target).toMatch(/orders/);
    expect(await subscriptions()).toEqual(before);
  });

  it("valid: stored exactly as the typed command stores it, audited, confirmed, App Home refreshed", async () => {
    const view = await openForm("home_new_digest");
    const before = (await subscriptions()).length;
    const reply = await submit(view, {
      digest_area: select("campaigns"),
      digest_period: select("last-30d"),
      digest_days: select("weekly mon"),
      digest_time: time("08:30"),
      zone: typed(" Europe/Berlin "),
      target: channel(CHANNEL),
      filters: typed("platform=meta"),
    });
    expect(reply.response_action).toBe("update");
    const confirmation = JSON.stringify(reply.view);
    expect(confirmation).toMatch(
      /Subscribed: #\d+ campaigns platform=meta · weekly mon 08:30 Europe\/Berlin · last-30d, next .* Stop with \/kpi unsubscribe \d+\./,
    );
    const publish = await waitFor(() => bot.fake.ok("views.publish")[0], "the App Home refreshed");
    expect(publish.args.user_id).toBe(USER);

    // The typed command, in the same channel: the same row.
    await bot.command("subscribe campaigns weekly mon 08:30 Europe/Berlin last-30d platform=meta");
    await waitForAsync(async () => (await subscriptions()).length === before + 2, "the typed subscription");
    const [fromForm, fromTyped] = (await subscriptions()).slice(-2);
    expect(fromForm).toEqual(fromTyped);
    expect(fromForm).toMatchObject({
      target: `slack:${CHANNEL}`,
      areas: "campaigns",
      period: "last-30d",
      filters: "platform=meta",
      schedule_kind: "weekly",
      cron: "30 8 * * 1",
      time_zone: "Europe/Berlin",
      created_by: USER,
    });
    await bot.bot.guard.audit.flush();
    // This test's two rows by their text: an earlier test's refused form may be audited after them.
    const audit = await rows(
      "SELECT platform, user_id, channel_id, command_text, outcome FROM bot_audit WHERE command_text = 'subscribe campaigns weekly mon 08:30 Europe/Berlin last-30d platform=meta' ORDER BY audit_id",
    );
    expect(audit).toEqual([
      {
        platform: "slack",
        user_id: USER,
        channel_id: CHANNEL,
        command_text: "subscribe campaigns weekly mon 08:30 Europe/Berlin last-30d platform=meta",
        outcome: "answered",
      },
      {
        platform: "slack",
        user_id: USER,
        channel_id: CHANNEL,
        command_text: "subscribe campaigns weekly mon 08:30 Europe/Berlin last-30d platform=meta",
        outcome: "answered",
      },
    ]);
  });

  it("weekdays at 07:15 in the report zone: a cron schedule Mon–Fri", async () => {
    const view = await openForm("home_new_digest");
    const reply = await submit(view, {
      digest_area: select("funnel"),
      digest_period: select("default"),
      digest_days: select("weekdays"),
      digest_time: time("07:15"),
      zone: typed(""),
      target: channel(CHANNEL),
      filters: typed(null),
    });
    expect(reply.response_action).toBe("update");
    const [last] = (await subscriptions()).slice(-1);
    expect(last).toMatchObject({
      areas: "ad-performance",
      cron: "15 7 * * 1-5",
      time_zone: "UTC",
      period: "yesterday",
    });
  });
});

describe("New alert", () => {
  const alerts = () =>
    rows(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM bot_subscriptions WHERE alert IS NOT NULL ORDER BY subscription_id`,
    );

  it("bad condition, unknown zone, unknown filter: errors under each, nothing stored", async () => {
    const view = await openForm("home_new_alert");
    expect(view.callback_id).toBe("alert_form");
    const before = await alerts();
    const badValue = await submit(view, {
      alert_kpi: select("roas"),
      alert_condition: typed("< lots"),
      alert_window: select("yesterday"),
      alert_time: time(null),
      zone: typed(null),
      target: channel(CHANNEL),
      filters: typed(null),
    });
    expect(badValue.response_action).toBe("errors");
    expect(badValue.errors).toEqual({ alert_condition: expect.stringMatching(/`lots` is not a number/) });
    const badZone = await submit(view, {
      alert_kpi: select("revenue"),
      alert_condition: typed("< 5000"),
      alert_window: select("yesterday"),
      alert_time: time("14:00"),
      zone: typed("Europe/Atlantis"),
      target: channel(CHANNEL),
      filters: typed("platform=myspace"),
    });
    expect(Object.keys(badZone.errors as object)).toEqual(["zone"]);
    const badFilter = await submit(view, {
      alert_kpi: select("roas"),
      alert_condition: typed("< 1"),
      alert_window: select("yesterday"),
      alert_time: time(null),
      zone: typed(null),
      target: channel(CHANNEL),
      filters: typed("colour=red"),
    });
    expect(Object.keys(badFilter.errors as object)).toEqual(["filters"]);
    expect(await alerts()).toEqual(before);
  });

  it("valid: stored as `/kpi alert` stores it and confirmed", async () => {
    const view = await openForm("home_new_alert");
    const reply = await submit(view, {
      alert_kpi: select("roas"),
      alert_condition: typed("< 1"),
      alert_window: select("last-7d"),
      alert_time: time("08:00"),
      zone: typed("Europe/Berlin"),
      target: channel(CHANNEL),
      filters: typed("platform=meta"),
    });
    expect(reply.response_action).toBe("update");
    expect(JSON.stringify(reply.view)).toMatch(/roas < 1 last-7d at 08:00 tz=Europe\/Berlin platform=meta/);
    await bot.command("alert roas < 1 last-7d at 08:00 tz=Europe/Berlin platform=meta");
    const [fromForm, fromTyped] = await waitForAsync(async () => {
      const list = await alerts();
      return list.length >= 2 && list.slice(-2);
    }, "the typed alert");
    expect(fromForm).toEqual(fromTyped);
    expect(fromForm).toMatchObject({
      target: `slack:${CHANNEL}`,
      alert: "roas < 1 last-7d at 08:00 tz=Europe/Berlin platform=meta",
    });
    await waitFor(() => bot.fake.ok("views.publish")[0], "the App Home refreshed");
  });
});
