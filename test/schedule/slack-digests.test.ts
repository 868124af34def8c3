/**
 * Digests delivered through the real Slack sender: `kpi schedule tick` processes against a
 * fake Slack Web API, a fixture database and the real ledger. Ok, retried, failed for good,
 * and three replicas firing the same 50 slots.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { nextSlot } from "../../src/schedule/cron.js";
import { type DigestCli, startDigestCli } from "../helpers/digest-cli.js";
import { blockTexts } from "../helpers/slack-bot.js";

const MINUTE = 60_000;
let cli: DigestCli;

beforeAll(async () => {
  cli = await startDigestCli("kpi_digest_slack");
});
afterAll(async () => cli?.close());
beforeEach(async () => {
  cli.fake.reset();
  await cli.db.connection.query("DELETE FROM bot_deliveries; DELETE FROM bot_subscriptions;");
});

const subscribe = (channel: string, areas: string, cron: string, period: string) =>
  cli.subscribe(channel, areas, { cron, tz: "Europe/Berlin", period });
const tick = (at: Date) => cli.tick(at);
const posted = (channel: string) => cli.posted(channel);

async function ledger(id: number) {
  const [rows] = (await cli.db.connection.query(
    "SELECT status, attempts, message_id, error_code FROM bot_deliveries WHERE subscription_id = ?",
    [id],
  )) as unknown as [Record<string, unknown>[]];
  return rows;
}

describe("a daily digest through Slack", () => {
  it("is one message with each area's KPIs from the database, its charts in the thread, sent once", async () => {
    const id = await subscribe("C0DIGEST", "campaigns,orders", "0 9 * * *", "last-30d");
    const slot = nextSlot("0 9 * * *", "Europe/Berlin", new Date()) as Date;
    const first = await tick(slot);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/: 1 sent, 0 retrying, 0 failed/);
    const [message] = posted("C0DIGEST");
    expect(posted("C0DIGEST")).toHaveLength(1);
    const texts = blockTexts(message?.args.blocks).join("\n");
    expect(texts).toContain("Daily digest · campaigns, orders");
    expect(texts).toMatch(/ · Europe\/Berlin/);
    // The fixture's campaigns in the 30 days before the slot: spend 35 + 2, attributed revenue 240 + 150.
    expect(texts).toContain("€37.00");
    expect(texts).toContain("€390.00");
    const shared = cli.fake.ok("files.completeUploadExternal");
    expect(shared).toHaveLength(1);
    expect(shared[0]?.args.channel_id).toBe("C0DIGEST");
    expect(shared[0]?.args.thread_ts).toBe((await ledger(id))[0]?.message_id);
    expect(await ledger(id)).toEqual([
      { status: "sent", attempts: 1, message_id: expect.any(String), error_code: null },
    ]);

    const again = await tick(slot);
    expect(again.code).toBe(0);
    expect(posted("C0DIGEST")).toHaveLength(1);
  });

  it("Slack answering 500 twice then ok: delivered once, on the third attempt", async () => {
    const id = await subscribe("C0RETRY", "ctr", "0 9 * * *", "yesterday");
    const slot = nextSlot("0 9 * * *", "Europe/Berlin", new Date()) as Date;
    cli.fake.script("chat.postMessage", { status: 500, body: { ok: false, error: "internal_error" } }, 2);
    const firstTry = await tick(slot);
    expect(firstTry.stdout).toMatch(/0 sent, 1 retrying/);
    expect(firstTry.stdout).toMatch(/retrying .* http_500/);
    expect((await tick(new Date(slot.getTime() + MINUTE))).stdout).toMatch(/0 sent, 1 retrying/);
    expect((await tick(new Date(slot.getTime() + 3 * MINUTE))).stdout).toMatch(/1 sent, 0 retrying/);
    expect(cli.fake.attempts("chat.postMessage").filter((c) => c.args.channel === "C0RETRY")).toHaveLength(3);
    expect(posted("C0RETRY")).toHaveLength(1);
    expect(await ledger(id)).toEqual([
      { status: "sent", attempts: 3, message_id: expect.any(String), error_code: null },
    ]);
  });

  it("ok:false on every attempt: recorded failed, never sent, one failure notice", async () => {
    const id = await subscribe("C0BROKEN", "ctr", "0 9 * * *", "yesterday");
    const slot = nextSlot("0 9 * * *", "Europe/Berlin", new Date()) as Date;
    cli.fake.script("chat.postMessage", { body: { ok: false, error: "internal_error" } }, 5);
    const results = [];
    for (const minutes of [0, 1, 3, 7, 15])
      results.push(await tick(new Date(slot.getTime() + minutes * MINUTE)));
    expect(results.slice(0, 4).map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(results[4]?.code).toBe(1);
    expect(results[4]?.stderr).toMatch(/1 delivery\(ies\) failed \(internal_error\)/);
    expect(await ledger(id)).toEqual([
      { status: "failed", attempts: 5, message_id: null, error_code: "internal_error" },
    ]);
    const notices = posted("C0BROKEN");
    expect(notices).toHaveLength(1);
    expect(notices[0]?.args.blocks).toBeUndefined();
    expect(String(notices[0]?.args.text)).toMatch(/could not be delivered|failed/i);
    await tick(new Date(slot.getTime() + 60 * MINUTE));
    expect(posted("C0BROKEN")).toHaveLength(1);
  });
});

describe("three replicas, one database, one fake Slack", () => {
  it("fire the same 50 slots: exactly 50 messages, none duplicated, none lost", async () => {
    const id = await subscribe("C0EVERYMIN", "stock", "* * * * *", "yesterday");
    const [rows] = (await cli.db.connection.query(
      "SELECT active_since FROM bot_subscriptions WHERE subscription_id = ?",
      [id],
    )) as unknown as [{ active_since: string }[]];
    const since = Date.parse(`${rows[0]?.active_since.replace(" ", "T")}Z`);
    const firstSlot = Math.floor(since / MINUTE) * MINUTE + MINUTE;
    const at = new Date(firstSlot + 49 * MINUTE);
    const runs = await Promise.all([tick(at), tick(at), tick(at)]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const sentPerRun = runs.map((r) => Number(/: (\d+) sent/.exec(r.stdout)?.[1]));
    expect(sentPerRun.reduce((a, b) => a + b, 0)).toBe(50);
    expect(posted("C0EVERYMIN")).toHaveLength(50);
    const deliveries = await ledger(id);
    expect(deliveries).toHaveLength(50);
    expect(new Set(deliveries.map((d) => d.status))).toEqual(new Set(["sent"]));
    expect(new Set(deliveries.map((d) => d.message_id)).size).toBe(50);
  }, 120_000);
});
