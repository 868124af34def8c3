/**
 * Digest fan-out: N subscriptions due at 09:00 (mixed areas, 20 distinct queries, spread over
 * channels) delivered by one or more real `kpi serve` replicas (bench/fanout-server-child.ts,
 * one process each, sharing the database) to the fake Slack Web API, which refuses a second
 * chat.postMessage into a channel within a second as Slack does (429, Retry-After).
 * Measured: from 09:00 on the bots' clock to the last digest call (message or chart upload)
 * once the ledger records every slot sent; each digest must be posted exactly once.
 */
import { fork } from "node:child_process";
import { join } from "node:path";
import { createBotStateDb } from "../src/db/bot-state/bot-state-db.js";
import { type FakeSlack, startFakeSlack } from "../test/helpers/fake-slack.js";
import { addManySubscriptions } from "../test/helpers/many-subscriptions.js";
import { serverNodeFlags } from "./slack-e2e.js";

/** 20 distinct questions: areas (one or two), periods, filters; three read live figures (not cached). */
export const FANOUT_QUERIES: readonly { areas: string; period: string; filters?: string }[] = [
  { areas: "campaigns", period: "yesterday" },
  { areas: "orders", period: "yesterday" },
  { areas: "traffic", period: "yesterday" },
  { areas: "users", period: "yesterday" },
  { areas: "ad-performance", period: "yesterday" },
  { areas: "campaigns,orders", period: "last-7d" },
  { areas: "orders,traffic", period: "last-7d" },
  { areas: "campaigns", period: "last-7d", filters: "platform=meta" },
  { areas: "campaigns", period: "last-7d", filters: "platform=google" },
  { areas: "orders", period: "last-7d", filters: "city=Berlin" },
  { areas: "products", period: "yesterday" },
  { areas: "ads", period: "last-7d" },
  { areas: "roas", period: "last-7d" },
  { areas: "ctr", period: "last-7d" },
  { areas: "users,traffic", period: "last-30d" },
  { areas: "campaigns", period: "mtd" },
  { areas: "orders", period: "mtd" },
  { areas: "ad-performance", period: "last-7d", filters: "platform=meta" },
  { areas: "stock,orders", period: "yesterday" },
  { areas: "traffic", period: "last-30d" },
];

const CREATED_BY = "bench-fanout";
/** How long the run waits for every slot to be recorded sent (the sequential tick took minutes). */
const DRAIN_TIMEOUT_MS = 300_000;

export interface FanoutRun {
  readonly replicas: number;
  readonly subscriptions: number;
  readonly channels: number;
  /** From 09:00 on the bots' clock to the last digest call, every slot recorded sent. */
  readonly seconds: number;
  /** Digest messages posted (distinct delivery tags), and posts beyond one per tag. */
  readonly posted: number;
  readonly duplicates: number;
  /** Ledger rows recorded sent, and slots not sent (failed, retrying, missing) when the run ended. */
  readonly sent: number;
  readonly notSent: number;
  /** chat.postMessage calls refused with 429 (the per-channel limit). */
  readonly rateLimited: number;
  readonly chartUploads: number;
  /** Sent digests per replica (claimed_by). */
  readonly byReplica: Record<string, number>;
}

interface Child {
  readonly ready: Promise<{ nineAt: number }>;
  stop(): Promise<void>;
}

function startReplica(options: {
  databaseUrl: string;
  apiUrl: string;
  clockStart: Date;
  dueAt: Date;
  replicaId: string;
}): Child {
  const child = fork(join(import.meta.dirname, "fanout-server-child.ts"), [], {
    execArgv: [...serverNodeFlags(), "--import", "tsx"],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      SLACK_API_URL: options.apiUrl,
      FANOUT_CLOCK_START: options.clockStart.toISOString(),
      FANOUT_DUE_AT: options.dueAt.toISOString(),
      SCHEDULE_REPLICA_ID: options.replicaId,
    },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const ready = new Promise<{ nineAt: number }>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`fan-out replica exited (${code}) before it was ready`)));
    child.on("message", (m: { type: string; nineInMs?: number }) => {
      if (m.type === "ready") resolve({ nineAt: Date.now() + (m.nineInMs ?? 0) });
    });
  });
  return {
    ready,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill(), 30_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        child.on("message", (m: { type: string }) => {
          if (m.type === "stopped") child.kill();
        });
        child.send({ type: "stop" });
      }),
  };
}

/** The delivery tag a digest post carried (delivery metadata), or undefined. */
function digestTag(args: Record<string, unknown>): string | undefined {
  const raw = args.metadata;
  const metadata = (typeof raw === "string" ? JSON.parse(raw) : raw) as
    | { event_payload?: { delivery_id?: string } }
    | undefined;
  const tag = metadata?.event_payload?.delivery_id;
  return typeof tag === "string" && tag.startsWith("digest-") ? tag : undefined;
}

export async function measureFanout(options: {
  readonly databaseUrl: string;
  readonly asOf: string;
  readonly subscriptions: number;
  readonly channels: number;
  readonly replicas: number;
}): Promise<FanoutRun> {
  const fake: FakeSlack = await startFakeSlack();
  fake.limitPostsPerChannel(1_000);
  const db = createBotStateDb(options.databaseUrl, { statementTimeoutMs: 60_000 });
  const dueAt = new Date(`${options.asOf}T09:00:00.000Z`);
  const children: Child[] = [];
  try {
    await db.deleteFrom("bot_subscriptions").where("created_by", "=", CREATED_BY).execute();
    const created = new Date(`${options.asOf}T08:00:00.000Z`);
    const ids = await addManySubscriptions(
      db,
      FANOUT_QUERIES.map((query) => ({
        areas: query.areas.split(","),
        period: query.period,
        ...(query.filters ? { filters: query.filters } : {}),
        schedule: { kind: "daily" as const, cron: "0 9 * * *", timeZone: "UTC" },
        createdBy: CREATED_BY,
      })),
      options.subscriptions,
      (i) => ({ platform: "slack", id: `CFAN${String(i % options.channels).padStart(4, "0")}` }),
      created,
    );
    // Each replica's clock starts a few seconds before 09:00: its loop ticks at 09:00.
    const clockStart = new Date(dueAt.getTime() - 6_000);
    for (let r = 0; r < options.replicas; r++) {
      children.push(
        startReplica({
          databaseUrl: options.databaseUrl,
          apiUrl: fake.apiUrl,
          clockStart,
          dueAt,
          replicaId: `bench-replica-${r + 1}`,
        }),
      );
    }
    const readies = await Promise.all(children.map((c) => c.ready));
    const nineAt = Math.min(...readies.map((r) => r.nineAt));

    const sentRows = async () =>
      db
        .selectFrom("bot_deliveries")
        .select(["claimed_by", "status"])
        .where("subscription_id", "in", ids)
        .where("event", "is", null)
        .execute();
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    let rows = await sentRows();
    while (rows.filter((r) => r.status === "sent").length < ids.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      rows = await sentRows();
    }
    // The last chart uploads of the last digests may still be on their way.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const digestCalls = fake.calls.filter(
      (c) =>
        c.ok &&
        ((c.method === "chat.postMessage" && digestTag(c.args) !== undefined) ||
          (c.method === "files.completeUploadExternal" && String(c.args.channel_id).startsWith("CFAN"))),
    );
    const tags = fake.ok("chat.postMessage").flatMap((c) => digestTag(c.args) ?? []);
    const sent = rows.filter((r) => r.status === "sent");
    const byReplica: Record<string, number> = {};
    for (const row of sent) byReplica[row.claimed_by ?? "?"] = (byReplica[row.claimed_by ?? "?"] ?? 0) + 1;
    const lastCall = Math.max(...digestCalls.map((c) => c.at));
    return {
      replicas: options.replicas,
      subscriptions: ids.length,
      channels: options.channels,
      seconds: (lastCall - nineAt) / 1000,
      posted: new Set(tags).size,
      duplicates: tags.length - new Set(tags).size,
      sent: sent.length,
      notSent: ids.length - sent.length,
      rateLimited: fake.calls.filter((c) => c.method === "chat.postMessage" && c.status === 429).length,
      chartUploads: fake.ok("files.completeUploadExternal").length,
      byReplica,
    };
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await db.deleteFrom("bot_subscriptions").where("created_by", "=", CREATED_BY).execute();
    await db.destroy();
    await fake.close();
  }
}
