/**
 * The audit trail end to end: Slack requests through the real server leave one bot_audit row
 * each (answered, help, refused, user_error, rate_limited), `kpi audit` prints them, a failed
 * audit write never costs the answer, and no configured secret reaches a log line or a row.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKpi } from "../helpers/run-cli.js";
import {
  BOT_TOKEN,
  CHANNEL,
  createFixtureDatabase,
  SIGNING_SECRET,
  type SlackBot,
  startSlackBot,
  USER,
} from "../helpers/slack-bot.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

const TEAMS_PASSWORD = "teams~Secret.Password_0123456789";
const CHART_SECRET = "chart-url-secret-abcdefghijklmnop";
const SECRETS = [BOT_TOKEN, SIGNING_SECRET, TEAMS_PASSWORD, CHART_SECRET];
const LONG = `campaigns last-30d city=${"x".repeat(700)}`;

let db: TestDatabase;
let bot: SlackBot;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_audit");
  bot = await startSlackBot({
    databaseUrl: db.url,
    env: {
      AREA_CHANNELS: "orders:C0FINANCE",
      RATE_LIMIT_USER_PER_MINUTE: "3",
      TEAMS_APP_ID: "00000000-0000-0000-0000-00000000a99",
      TEAMS_APP_PASSWORD: TEAMS_PASSWORD,
      TEAMS_TENANT_ID: "72f988bf-86f1-41af-91ab-2d7cd011db47",
      CHART_URL_SECRET: CHART_SECRET,
    },
  });
}, 60_000);
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

async function ask(text: string, userId = USER): Promise<void> {
  const before = bot.delivered();
  const sent = await bot.command(text, { userId });
  expect(sent.status).toBe(200);
  await waitFor(
    () => bot.fake.responses.some((r) => r.id === sent.responseId) || bot.delivered() > before,
    `the reply to ${text.slice(0, 40)}`,
  );
}

async function auditRows(): Promise<Record<string, unknown>[]> {
  await bot.bot.guard.audit.flush();
  const [rows] = await db.connection.query(
    "SELECT platform, workspace_id, user_id, channel_id, command_text, area, outcome, duration_ms, ref_id FROM bot_audit ORDER BY audit_id",
  );
  return rows as Record<string, unknown>[];
}

describe("the audit trail of a Slack session", () => {
  it("records every request with who, where, what and the outcome", async () => {
    await ask("campaigns last-30d");
    await ask("help");
    await ask("orders last-7d");
    await ask("campains last-30d");
    await ask(LONG);
    await ask("subscribe campaigns daily 09:00");
    await ask("ctr last-7d"); // the third counted (refusals and bad input are not) in a minute
    await ask("roas last-7d"); // the fourth: over RATE_LIMIT_USER_PER_MINUTE=3
    const rows = await auditRows();
    expect(rows.map((r) => [r.command_text, r.area, r.outcome])).toEqual([
      ["campaigns last-30d", "campaigns", "answered"],
      ["help", null, "help"],
      ["orders last-7d", "orders", "refused"],
      ["campains last-30d", null, "user_error"],
      [LONG.slice(0, 500), null, "user_error"],
      ["subscribe campaigns daily 09:00", null, "answered"],
      ["ctr last-7d", "ctr", "answered"],
      ["roas last-7d", "roas", "rate_limited"],
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({
        platform: "slack",
        workspace_id: "T0FAKE",
        user_id: USER,
        channel_id: CHANNEL,
      });
      expect(Number(row.duration_ms)).toBeGreaterThanOrEqual(0);
    }
    const limited = bot.fake.responses.at(-1);
    expect(String(limited?.body.text)).toMatch(
      /^Easy there: that's 3 questions from you in the last minute\. Try again in \d+ s\.$/,
    );
    expect(limited?.body.response_type).toBe("ephemeral");
  });

  it("`kpi audit --since 7d` prints the rows, as text and as JSON lines", async () => {
    const json = await runKpi(["audit", "--since", "7d", "--json"], { DATABASE_URL: db.url });
    expect(json.stderr).toBe("");
    const rows = json.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(rows).toHaveLength((await auditRows()).length);
    expect(rows[0]).toMatchObject({
      platform: "slack",
      user: USER,
      command: "campaigns last-30d",
      outcome: "answered",
    });
    expect(Date.now() - Date.parse(rows[0].at)).toBeLessThan(10 * 60_000);
    const text = await runKpi(["audit", "--since", "1h"], { DATABASE_URL: db.url });
    expect(text.stdout).toContain(`slack T0FAKE ${CHANNEL} ${USER}  refused orders`);
    expect(text.stdout).toMatch(/8 request\(s\) since /);
    const none = await runKpi(["audit", "--since", "2999-01-01"], { DATABASE_URL: db.url });
    expect(none.stdout.trim()).toBe("0 request(s) since 2999-01-01T00:00:00.000Z.");
    const bad = await runKpi(["audit", "--since", "last week"], { DATABASE_URL: db.url });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--since");
  });

  it("a failed audit write is logged and the answer still goes out", async () => {
    await db.connection.query("RENAME TABLE bot_audit TO bot_audit_away");
    try {
      await ask("campaigns last-7d", "U0BOB");
      await bot.bot.guard.audit.flush();
      expect(bot.logs.some((l) => l.includes('"msg":"audit row not written"'))).toBe(true);
      expect(bot.fake.ok("chat.postMessage").at(-1)?.args.channel).toBe(CHANNEL);
    } finally {
      await db.connection.query("RENAME TABLE bot_audit_away TO bot_audit");
    }
  });

  it("no configured secret appears in any log line or audit row", async () => {
    await bot.event({ type: "app_home_opened", user: USER, channel: "D0HOME", tab: "home", event_ts: "1.2" });
    await bot.event({
      type: "app_mention",
      user: USER,
      channel: CHANNEL,
      text: "<@UKPIBOT> ctr last-30d",
      ts: "1790000009.1",
    });
    await waitFor(() => bot.fake.ok("views.publish").length > 0, "the home view");
    const rows = JSON.stringify(await auditRows());
    expect(bot.logs.length).toBeGreaterThan(10);
    for (const secret of SECRETS) {
      expect(rows).not.toContain(secret);
      for (const line of bot.logs) expect(line).not.toContain(secret);
    }
  });
});
