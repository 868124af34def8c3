/**
 * GET /metrics after an end-to-end run through the real Slack path: the counts equal the work
 * done (requests by area and outcome, acks, charts uploaded), the ledger and refresh figures
 * equal the database's, and the endpoint wants its bearer token when METRICS_TOKEN is set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureDatabase, type SlackBot, startSlackBot } from "../helpers/slack-bot.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

const TOKEN = "metrics-token-0123456789";

/** `name{a="x",b="y"} 3` lines as [name, labels, value]. */
function samples(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  return text
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
      );
      return { name: match[1] as string, labels, value: Number(match[3]) };
    });
}

function value(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  return samples(text).find(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  )?.value;
}

describe("GET /metrics", () => {
  let db: TestDatabase;
  let slack: SlackBot;

  beforeAll(async () => {
    db = await createFixtureDatabase("kpi_metrics");
    slack = await startSlackBot({ databaseUrl: db.url, env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await slack?.close();
    await db?.drop();
  });

  const scrape = async (token?: string) =>
    fetch(`${slack.server.url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it("refuses a scrape without the token or with another one", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape("metrics-token-9876543210")).status).toBe(401);
  });

  it("counts what was done: requests by area and outcome, acks, charts, ledger rows, refresh age", async () => {
    // Two digest deliveries in the ledger, as a scheduler would leave them.
    await db.connection.query(
      `INSERT INTO bot_subscriptions (target, areas, period, schedule_kind, cron, time_zone, created_by, created_at, active_since, updated_at)
       VALUES ('slack:C0MARKETING', 'orders', 'yesterday', 'daily', '0 9 * * *', 'UTC', 'U0ADA', NOW(3), NOW(3), NOW(3))`,
    );
    await db.connection.query(
      `INSERT INTO bot_deliveries (subscription_id, slot_at, status, attempts, message_id, created_at, updated_at)
       SELECT subscription_id, '2026-11-25 09:00:00', 'sent', 1, 'm1', NOW(3), NOW(3) FROM bot_subscriptions`,
    );
    await db.connection.query(
      `INSERT INTO bot_deliveries (subscription_id, slot_at, status, attempts, error_code, created_at, updated_at)
       SELECT subscription_id, '2026-11-26 09:00:00', 'failed', 5, 'channel_not_found', NOW(3), NOW(3) FROM bot_subscriptions`,
    );

    for (const text of ["campaigns last-30d", "orders last-30d", "campaigns last-7d", "campaings", "help"]) {
      expect((await slack.command(text)).status).toBe(200);
    }
    await waitFor(() => slack.delivered() === 3, "three answers delivered", 60_000);
    const uploaded = slack.fake.uploads.length;
    expect(uploaded).toBeGreaterThan(0);

    const response = await scrape(TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();

    const requests = (labels: Record<string, string>) => value(text, "kpi_chat_requests_total", labels);
    expect(requests({ platform: "slack", area: "campaigns", outcome: "answered" })).toBe(2);
    expect(requests({ platform: "slack", area: "orders", outcome: "answered" })).toBe(1);
    expect(requests({ platform: "slack", outcome: "user_error" })).toBe(1);
    expect(requests({ platform: "slack", outcome: "help" })).toBe(1);
    expect(value(text, "kpi_chat_answer_seconds_count", { platform: "slack", outcome: "answered" })).toBe(3);
    // Five slash commands, each acknowledged with 200 on /slack/events.
    expect(value(text, "kpi_http_response_seconds_count", { route: "/slack", status: "200" })).toBe(5);
    expect(value(text, "kpi_http_response_seconds_count", { route: "/metrics", status: "401" })).toBe(2);
    // Every chart drawn was uploaded (none failed), and none is waiting.
    expect(value(text, "kpi_chart_render_seconds_count", { result: "ok" })).toBe(uploaded);
    expect(value(text, "kpi_chart_render_seconds_count", { result: "failed" }) ?? 0).toBe(0);
    expect(value(text, "kpi_chart_queue_depth")).toBe(0);
    expect(value(text, "kpi_chat_in_progress", { state: "active" })).toBe(0);
    expect(value(text, "kpi_chat_shed_total")).toBe(0);
    expect(value(text, "kpi_db_queries", { state: "max" })).toBe(slack.engine.queries.max);

    const [ledger] = await db.connection.query(
      "SELECT status, COUNT(*) AS n FROM bot_deliveries GROUP BY status",
    );
    for (const row of ledger as { status: string; n: number }[]) {
      expect(value(text, "kpi_deliveries", { kind: "digest", status: row.status }), row.status).toBe(
        Number(row.n),
      );
    }
    const [age] = await db.connection.query(
      "SELECT TIMESTAMPDIFF(SECOND, last_refresh_at, NOW(3)) AS s FROM rollup_state WHERE id = 1",
    );
    const expected = Number((age as { s: number }[])[0]?.s);
    expect(value(text, "kpi_data_refresh_age_seconds")).toBeGreaterThanOrEqual(expected - 1);
    expect(value(text, "kpi_data_refresh_age_seconds")).toBeLessThan(expected + 60);
    expect(value(text, "kpi_metrics_scrape_errors_total") ?? 0).toBe(0);
    expect(value(text, "kpi_process_resident_memory_bytes")).toBeGreaterThan(0);
  });
});
