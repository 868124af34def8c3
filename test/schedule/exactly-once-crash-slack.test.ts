/**
 * A `kpi schedule tick` process killed (SIGKILL) after Slack posted its digest and before the
 * ledger said sent, three times in a row: after the stale window, the replica that takes the
 * claims over finds each posted message by the delivery id in its metadata and records it,
 * so every channel has its digest exactly once. The fake Slack holds the reply to the post
 * (the message is in the channel, the process never hears back), so the kill lands in that
 * window every time.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type DigestCli, startDigestCli } from "../helpers/digest-cli.js";
import { KPI_BIN } from "../helpers/run-cli.js";
import { waitFor } from "../helpers/wait-for.js";
import { dailySlotAhead } from "./schedule-harness.js";

const MINUTE = 60_000;
const CHANNELS = ["C0CRASH1", "C0CRASH2", "C0CRASH3"];
let cli: DigestCli;

beforeAll(async () => {
  cli = await startDigestCli("kpi_crash_slack");
});
afterAll(async () => cli?.close());
beforeEach(async () => {
  cli.fake.reset();
  await cli.db.connection.query("DELETE FROM bot_deliveries; DELETE FROM bot_subscriptions;");
});

/**
 * Starts `kpi schedule tick --at`, waits until Slack has taken `held` posts whose replies it
 * holds back, kills it. Digests go out to several channels at once (src/schedule/fan-out.ts),
 * so one kill can leave several posts delivered and never recorded as sent.
 */
async function tickKilledAfterPost(at: Date, held: number): Promise<void> {
  cli.fake.hold("chat.postMessage", held - cli.fake.held.length);
  const child = spawn(process.execPath, [KPI_BIN, "schedule", "tick", "--at", at.toISOString()], {
    env: { ...process.env, ...cli.env },
    stdio: "ignore",
  });
  const exited = once(child, "exit");
  await waitFor(() => cli.fake.held.length >= held, `post number ${held} to be held`, 60_000);
  child.kill("SIGKILL");
  const [code, signal] = await exited;
  expect({ code, signal }).toEqual({ code: null, signal: "SIGKILL" });
}

/** Top-level messages in a channel, as Slack's history would list them. */
const inChannel = (channel: string) =>
  cli.fake.history.messages.filter((m) => m.channel === channel && !m.threadTs);

async function ledger() {
  const [rows] = (await cli.db.connection.query(
    "SELECT status, attempts, message_id FROM bot_deliveries ORDER BY delivery_id",
  )) as unknown as [Record<string, unknown>[]];
  return rows;
}

describe("kill -9 between Slack's post and the ledger's 'sent'", () => {
  it("a kill with three posts in flight, then a takeover after the stale window: each digest posted exactly once", async () => {
    const { slot, cron } = dailySlotAhead();
    for (const channel of CHANNELS)
      await cli.subscribe(channel, "stock", { cron, tz: "UTC", period: "yesterday" });

    // The run claims the three channels' slots, Slack takes the three posts, the process dies.
    await tickKilledAfterPost(slot, CHANNELS.length);
    expect(CHANNELS.map((c) => inChannel(c).length)).toEqual([1, 1, 1]);
    expect((await ledger()).map((d) => d.status)).toEqual(["claimed", "claimed", "claimed"]);

    // After the stale window (10 min) one replica takes all three claims over.
    const takeover = await cli.tick(new Date(slot.getTime() + 11 * MINUTE));
    expect(takeover.code).toBe(0);
    expect(takeover.stdout).toMatch(/: 3 sent, 0 retrying, 0 failed/);
    const perChannel = CHANNELS.map((c) => inChannel(c).length);
    console.info(
      `a kill between 3 posts and their records → messages per channel ${JSON.stringify(perChannel)}`,
    );
    expect(perChannel).toEqual([1, 1, 1]);
    const posted = CHANNELS.map((c) => String(inChannel(c)[0]?.ts)).sort();
    const rows = (await ledger()).sort((a, b) => String(a.message_id).localeCompare(String(b.message_id)));
    expect(rows).toEqual(posted.map((ts) => ({ status: "sent", attempts: 2, message_id: ts })));

    // Later ticks change nothing.
    await cli.tick(new Date(slot.getTime() + 60 * MINUTE));
    expect(CHANNELS.map((c) => inChannel(c).length)).toEqual([1, 1, 1]);
  }, 240_000);

  it("the normal path only posts, tagged with the delivery id; it never reads history", async () => {
    const { slot, cron } = dailySlotAhead();
    await cli.subscribe("C0TAGGED", "stock", { cron, tz: "UTC", period: "yesterday" });
    expect((await cli.tick(slot)).stdout).toMatch(/: 1 sent/);
    const [rows] = (await cli.db.connection.query("SELECT delivery_id FROM bot_deliveries")) as unknown as [
      { delivery_id: number }[],
    ];
    const delivery_id = rows[0]?.delivery_id;
    expect(cli.posted("C0TAGGED").map((c) => c.args.metadata)).toEqual([
      { event_type: "kpi_delivery", event_payload: { delivery_id: `digest-${delivery_id}` } },
    ]);
    expect(cli.fake.attempts("conversations.history")).toEqual([]);
  }, 120_000);

  it("a post that never reached Slack: the takeover finds nothing and posts once", async () => {
    const { slot, cron } = dailySlotAhead();
    await cli.subscribe("C0NEVER", "stock", { cron, tz: "UTC", period: "yesterday" });
    await tickKilledAfterPost(slot, 1);
    cli.fake.history.messages.length = 0; // the post was lost on its way: Slack has nothing
    expect((await cli.tick(new Date(slot.getTime() + 11 * MINUTE))).stdout).toMatch(/: 1 sent/);
    expect(inChannel("C0NEVER")).toHaveLength(1);
    expect(cli.fake.ok("conversations.history")).toHaveLength(1);
  }, 120_000);

  it("a lookup Slack refuses (rate limited): no blind post, retried via the ledger, then found", async () => {
    const { slot, cron } = dailySlotAhead();
    await cli.subscribe("C0LIMITED", "stock", { cron, tz: "UTC", period: "yesterday" });
    await tickKilledAfterPost(slot, 1);
    cli.fake.script("conversations.history", {
      status: 429,
      headers: { "retry-after": "30" },
      body: { ok: false, error: "ratelimited" },
    });
    const refused = await cli.tick(new Date(slot.getTime() + 11 * MINUTE));
    expect(refused.stdout).toMatch(/0 sent, 1 retrying/);
    expect(inChannel("C0LIMITED")).toHaveLength(1);
    const retried = await cli.tick(new Date(slot.getTime() + 13 * MINUTE));
    expect(retried.stdout).toMatch(/: 1 sent/);
    expect(inChannel("C0LIMITED")).toHaveLength(1);
    expect(await ledger()).toEqual([
      { status: "sent", attempts: 3, message_id: inChannel("C0LIMITED")[0]?.ts },
    ]);
  }, 120_000);
});
