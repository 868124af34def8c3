import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../db/fixture.js";
import { runKpi } from "../helpers/run-cli.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

describe("kpi subscriptions / kpi schedule tick (the real binary)", () => {
  let db: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_sched_cli" });
    // No chat platform configured: ticks must say so, not pretend.
    env = {
      DATABASE_URL: db.url,
      SLACK_BOT_TOKEN: "",
      TEAMS_APP_ID: "",
      ALERT_CHANNEL: "",
      REPORT_TIMEZONE: "UTC",
    };
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("add prints the id; list shows it with its next run in its zone; tick reports no_sender; remove deletes", async () => {
    const add = await runKpi(
      [
        "subscriptions",
        "add",
        "--target",
        "slack:C123",
        "--areas",
        "campaigns,orders",
        "--cron",
        "0 9 * * *",
        "--tz",
        "Europe/Berlin",
        "--period",
        "yesterday",
      ],
      env,
    );
    expect(add.stderr).toBe("");
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/^\d+\n$/);
    const id = Number(add.stdout.trim());

    const [list, json] = await Promise.all([
      runKpi(["subscriptions", "list", "--at", "2026-11-25T07:30:00Z"], env),
      runKpi(["subscriptions", "list", "--json", "--at", "2026-11-25T08:00:00Z"], env),
    ]);
    expect(list.code).toBe(0);
    const lines = list.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^id\s+target\s+areas\s+period\s+schedule\s+next run$/);
    expect(lines[1]).toMatch(
      new RegExp(
        `^${id}\\s+slack:C123\\s+campaigns,orders\\s+yesterday\\s+daily 09:00 Europe/Berlin\\s+Wed Nov 25, 2026 09:00 Europe/Berlin$`,
      ),
    );
    expect(JSON.parse(json.stdout)).toMatchObject([
      {
        id,
        target: "slack:C123",
        areas: ["campaigns", "orders"],
        period: "yesterday",
        schedule: { kind: "daily", cron: "0 9 * * *", timeZone: "Europe/Berlin" },
        createdBy: "cli",
        paused: false,
        nextRun: "2026-11-26T08:00:00.000Z",
      },
    ]);

    // The subscription was created now (real clock); tick at the next slot, created_at moved back first.
    await db.connection.query(
      "UPDATE bot_subscriptions SET created_at = ?, active_since = ? WHERE subscription_id = ?",
      ["2026-11-25 07:00:00.000", "2026-11-25 07:00:00.000", id],
    );
    const tick = await runKpi(["schedule", "tick", "--at", "2026-11-25T08:00:00Z"], env);
    expect(tick.code).toBe(1);
    expect(tick.stdout).toBe(
      [
        "Tick at 2026-11-25T08:00:00.000Z: 0 sent, 0 retrying, 1 failed, 0 skipped, 0 claimed by another replica.",
        `failed   #${id} 2026-11-25T08:00:00.000Z attempt 1 no_sender`,
        "",
      ].join("\n"),
    );
    expect(tick.stderr).toContain("1 delivery(ies) failed (no_sender).");
    expect(await rows(db.connection, "SELECT status, error_code FROM bot_deliveries")).toEqual([
      { status: "failed", error_code: "no_sender" },
    ]);
    const removed = await runKpi(["subscriptions", "remove", String(id)], env);
    expect(removed.stdout).toBe(`Removed subscription ${id} (campaigns,orders → slack:C123).\n`);
    expect(await rows(db.connection, "SELECT * FROM bot_subscriptions")).toEqual([]);
    expect(await rows(db.connection, "SELECT * FROM bot_deliveries")).toEqual([]);
  });

  it("invalid cron, unknown zone or area, and an --at without a zone: one-line errors, exit 1, nothing stored", async () => {
    const add = (...args: string[]) =>
      runKpi(["subscriptions", "add", "--target", "slack:C123", "--areas", "orders", ...args], env);
    const results = await Promise.all([
      add("--cron", "0 9 * *", "--tz", "UTC"),
      add("--cron", "0 9 * * *", "--tz", "Europe/Berln"),
      runKpi(
        ["subscriptions", "add", "--target", "slack:C1", "--areas", "orders,campains", "--cron", "0 9 * * *"],
        env,
      ),
      runKpi(["schedule", "tick", "--at", "2026-11-25 08:00"], env),
    ]);
    expect(results.map((r) => r.stderr)).toEqual([
      'Invalid cron expression `0 9 * *`: expected 5 fields (minute hour day-of-month month day-of-week), got 4. Example: cron "0 9 * * 1-5" (09:00 Monday to Friday).\n',
      "Unknown time zone `Europe/Berln`: use an IANA name such as Europe/Berlin, America/New_York or UTC.\n",
      "Unknown area `campains` — did you mean `campaigns`?\n",
      "--at must be an ISO time with a zone, e.g. 2026-11-25T08:00:00Z.\n",
    ]);
    expect(results.map((r) => [r.code, r.stdout])).toEqual(Array.from({ length: 4 }, () => [1, ""]));
    expect(await rows(db.connection, "SELECT * FROM bot_subscriptions")).toEqual([]);
  });
});
