/**
 * A `kpi alerts check` process killed (SIGKILL) after Slack posted its low-stock alert and
 * before the alert state recorded it: the check that takes the products over after the
 * stale window finds the alert by its tag in the channel's history and records it, so the
 * channel has the alert once. The fake Slack holds its reply to the post (the message is in
 * the channel, the process never hears back), so the kill lands in that window every time.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type DigestCli, startDigestCli } from "../helpers/digest-cli.js";
import { KPI_BIN, runKpi } from "../helpers/run-cli.js";
import { waitFor } from "../helpers/wait-for.js";

const MINUTE = 60_000;
const CHANNEL = "C0ALERTS";
let cli: DigestCli;

beforeAll(async () => {
  cli = await startDigestCli("kpi_crash_alerts", { ALERT_CHANNEL: `slack:${CHANNEL}` });
});
afterAll(async () => cli?.close());
beforeEach(async () => {
  cli.fake.reset();
  await cli.db.connection.query("DELETE FROM bot_alert_state");
});

const check = (at: Date) => runKpi(["alerts", "check", "--at", at.toISOString()], cli.env);

/** Starts `kpi alerts check --at`, waits until Slack has taken its post, kills it. */
async function checkKilledAfterPost(at: Date): Promise<void> {
  cli.fake.hold("chat.postMessage");
  const child = spawn(process.execPath, [KPI_BIN, "alerts", "check", "--at", at.toISOString()], {
    env: { ...process.env, ...cli.env },
    stdio: "ignore",
  });
  const exited = once(child, "exit");
  await waitFor(() => cli.fake.held.length >= 1, "the alert's post to be held", 60_000);
  child.kill("SIGKILL");
  const [code, signal] = await exited;
  expect({ code, signal }).toEqual({ code: null, signal: "SIGKILL" });
}

/** Top-level messages in the alert channel, as Slack's history would list them. */
const alerts = () => cli.fake.history.messages.filter((m) => m.channel === CHANNEL && !m.threadTs);

async function states() {
  const [rows] = (await cli.db.connection.query(
    "SELECT sku, state, alert_message_id FROM bot_alert_state WHERE state = 'firing' ORDER BY sku",
  )) as unknown as [Record<string, unknown>[]];
  return rows;
}

describe("kill -9 between Slack's alert post and recording it", () => {
  it("the takeover after the stale window finds the alert: posted exactly once", async () => {
    const t0 = new Date("2026-11-11T08:00:00.000Z");
    await checkKilledAfterPost(t0);
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]?.metadata).toEqual({
      event_type: "kpi_delivery",
      event_payload: { delivery_id: `alert-${t0.toISOString()}` },
    });
    expect((await states()).map((s) => s.alert_message_id)).toEqual([null, null]);

    const takeover = await check(new Date(t0.getTime() + 11 * MINUTE));
    console.info(`1 kill between alert post and record → alerts in the channel: ${alerts().length}`);
    expect(alerts()).toHaveLength(1);
    expect(takeover.stdout).toMatch(/0 alerted, 2 found already posted/);
    const ts = alerts()[0]?.ts;
    expect((await states()).map((s) => s.alert_message_id)).toEqual([ts, ts]);

    // Later checks stay quiet while the products are low.
    await check(new Date(t0.getTime() + 60 * MINUTE));
    expect(alerts()).toHaveLength(1);
  }, 120_000);

  it("an alert that never reached Slack: the takeover finds nothing and posts once", async () => {
    const t0 = new Date("2026-11-12T08:00:00.000Z");
    await checkKilledAfterPost(t0);
    cli.fake.history.messages.length = 0; // lost on its way: Slack has nothing
    const takeover = await check(new Date(t0.getTime() + 11 * MINUTE));
    expect(takeover.stdout).toMatch(/2 alerted, 0 found already posted/);
    expect(alerts()).toHaveLength(1);
    expect(cli.fake.ok("conversations.history")).toHaveLength(1);
  }, 120_000);

  it("a lookup Slack refuses: no blind post; the next check looks again and finds it", async () => {
    const t0 = new Date("2026-11-13T08:00:00.000Z");
    await checkKilledAfterPost(t0);
    cli.fake.script("conversations.history", {
      status: 429,
      headers: { "retry-after": "30" },
      body: { ok: false, error: "ratelimited" },
    });
    const refused = await check(new Date(t0.getTime() + 11 * MINUTE));
    expect(refused.stdout).toMatch(/0 alerted \(not posted: ratelimited\), 0 found already posted/);
    expect(alerts()).toHaveLength(1);
    const next = await check(new Date(t0.getTime() + 12 * MINUTE));
    expect(next.stdout).toMatch(/0 alerted, 2 found already posted/);
    expect(alerts()).toHaveLength(1);
    expect((await states()).map((s) => s.alert_message_id)).toEqual([alerts()[0]?.ts, alerts()[0]?.ts]);
  }, 120_000);

  it("the normal path posts the alert tagged and never reads history", async () => {
    const t0 = new Date("2026-11-14T08:00:00.000Z");
    expect((await check(t0)).stdout).toMatch(/2 alerted, 0 found already posted/);
    expect(alerts()).toHaveLength(1);
    expect(cli.fake.attempts("conversations.history")).toEqual([]);
  }, 120_000);
});
