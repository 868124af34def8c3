/**
 * Digest fan-out across two replicas: 200 subscriptions (20 distinct queries, 50 channels)
 * due in one slot, ticked at the same instant by two replicas — each with its own engine and
 * connections, the real Slack sender and the real ledger — against the fake Slack Web API,
 * which refuses a second post into a channel within half a second. Every digest is posted
 * exactly once and recorded sent once; the replicas split the slots between them (every slot
 * claimed by exactly one); posts into one channel are paced, so none is refused; each
 * distinct question is computed at most once per replica (the answer cache).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackSenders } from "../../src/bot/slack/slack-senders.js";
import { createCachedChartRenderer } from "../../src/charts/cached-renderer.js";
import { createInProcessChartRenderer } from "../../src/charts/in-process-renderer.js";
import { startingGroup } from "../../src/schedule/fan-out.js";
import { runTick } from "../../src/schedule/tick.js";
import { type FakeSlack, startFakeSlack } from "../helpers/fake-slack.js";
import { addManySubscriptions } from "../helpers/many-subscriptions.js";
import { BOT_TOKEN, createFixtureDatabase } from "../helpers/slack-bot.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { openRunner, type Runner, silentLog } from "./schedule-harness.js";

const SLOT = new Date("2026-11-26T09:00:00.000Z");
const COUNT = 200;
const CHANNELS = 50;
const KINDS = [
  ["campaigns", "yesterday"],
  ["orders", "yesterday"],
  ["traffic", "yesterday"],
  ["users", "yesterday"],
  ["ad-performance", "yesterday"],
  ["campaigns,orders", "last-7d"],
  ["orders,traffic", "last-7d"],
  ["campaigns", "last-30d"],
  ["orders", "last-30d"],
  ["traffic", "last-30d"],
  ["products", "yesterday"],
  ["ads", "last-7d"],
  ["roas", "last-7d"],
  ["ctr", "last-7d"],
  ["users,traffic", "last-30d"],
  ["campaigns", "mtd"],
  ["orders", "mtd"],
  ["ad-performance", "last-7d"],
  ["stock,orders", "yesterday"],
  ["users", "last-30d"],
] as const;

let db: TestDatabase;
let fake: FakeSlack;
const runners: Runner[] = [];

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_fanout");
  fake = await startFakeSlack();
  fake.limitPostsPerChannel(500);
  runners.push(openRunner(db.url), openRunner(db.url));
}, 120_000);
afterAll(async () => {
  for (const runner of runners) await runner.close();
  await fake?.close();
  await db?.drop();
});

describe("digest fan-out", () => {
  it("starts replicas at different channels", () => {
    expect(startingGroup("replica-a", 50)).not.toBe(startingGroup("replica-b", 50));
    expect(startingGroup("anything", 0)).toBe(0);
  });

  it("delivers 200 digests due at once exactly once across two replicas, paced per channel", async () => {
    const [a, b] = runners as [Runner, Runner];
    const ids = await addManySubscriptions(
      a.db,
      KINDS.map(([areas, period]) => ({
        areas: areas.split(","),
        period,
        schedule: { kind: "daily" as const, cron: "0 9 * * *", timeZone: "UTC" },
        createdBy: "fan-out-test",
      })),
      COUNT,
      (i) => ({ platform: "slack", id: `CFAN${i % CHANNELS}` }),
      new Date(SLOT.getTime() - 3_600_000),
    );
    expect(ids).toHaveLength(COUNT);
    const charts = createCachedChartRenderer(createInProcessChartRenderer());
    const slack = createSlackSenders(
      {
        botToken: BOT_TOKEN,
        appToken: undefined,
        signingSecret: undefined,
        apiUrl: fake.apiUrl,
        assistant: false,
      },
      "EUR",
      charts,
      silentLog,
    );
    const reports = await Promise.all(
      [a, b].map((runner, i) => runTick(SLOT, runner.deps({ slack }, `replica-${i}`))),
    );
    await charts.close();

    const tags = fake
      .ok("chat.postMessage")
      .map((c) => (c.args.metadata as { event_payload: { delivery_id: string } }).event_payload.delivery_id);
    expect(tags).toHaveLength(COUNT);
    expect(new Set(tags).size).toBe(COUNT);
    expect(fake.calls.filter((c) => c.status === 429)).toEqual([]);

    const [rows] = (await db.connection.query(
      "SELECT subscription_id, status, attempts, claimed_by FROM bot_deliveries ORDER BY subscription_id",
    )) as unknown as [{ subscription_id: number; status: string; attempts: number; claimed_by: string }[]];
    expect(rows.map((r) => Number(r.subscription_id))).toEqual(ids);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);

    const sent = reports.map((r) => r.outcomes.filter((o) => o.status === "sent").length);
    expect(sent.reduce((x, y) => x + y, 0)).toBe(COUNT);
    expect(reports.reduce((n, r) => n + r.claimsLost, 0)).toBe(COUNT);
    for (const [i, report] of reports.entries()) {
      expect(rows.filter((r) => r.claimed_by === `replica-${i}`)).toHaveLength(sent[i] ?? -1);
      const order = report.outcomes.map((o) => o.subscriptionId);
      expect(order).toEqual([...order].sort((x, y) => x - y));
    }

    // Posts into one channel at least half a second apart (the fake refused none).
    const byChannel = new Map<string, number[]>();
    for (const call of fake.ok("chat.postMessage")) {
      const channel = String(call.args.channel);
      byChannel.set(channel, [...(byChannel.get(channel) ?? []), call.at]);
    }
    expect(byChannel.size).toBe(CHANNELS);
    for (const times of byChannel.values()) {
      const gaps = times.slice(1).map((t, k) => t - (times[k] ?? 0));
      expect(gaps.every((gap) => gap >= 500)).toBe(true);
    }

    // Most answers came from the cache: a distinct question is computed once per replica.
    const stats = runners.map((runner) => runner.engine.cacheStats());
    const served = stats.reduce((n, st) => n + st.hits + st.shared, 0);
    expect(served).toBeGreaterThan(stats.reduce((n, st) => n + st.misses, 0));
  }, 240_000);
});
