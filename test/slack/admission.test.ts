/**
 * Admission control through the real server: with the database slowed down by a TCP proxy,
 * a burst beyond CHAT_MAX_IN_PROGRESS + CHAT_MAX_WAITING is told "busy" in the ack itself,
 * the rest are answered, and nobody is left without either; a request that waits past
 * CHAT_MAX_WAIT_MS is told so through its response_url; /readyz says why the bot cannot
 * answer while the database is down.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUSY_TEXT } from "../../src/bot/admission.js";
import { SLOW_DATA_TEXT } from "../../src/bot/delayed-notice.js";
import { createFixtureDatabase, type SlackBot, startSlackBot } from "../helpers/slack-bot.js";
import { proxyFor, type TcpProxy } from "../helpers/tcp-proxy.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";
import { waitForAsync } from "../schedule/wait-for-async.js";

let db: TestDatabase;
let proxy: TcpProxy;
let proxiedUrl: string;
const bots: SlackBot[] = [];

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_admission");
  const proxied = await proxyFor(db.url);
  proxy = proxied.proxy;
  const url = proxied.url;
  proxiedUrl = url;
});
afterAll(async () => {
  for (const bot of bots) await bot.close();
  await proxy?.close();
  await db?.drop();
});

async function botWith(env: Record<string, string>): Promise<SlackBot> {
  // The proxy's latency makes answers slow, not late: keep them within the statement deadline.
  const bot = await startSlackBot({
    databaseUrl: proxiedUrl,
    env: { DB_STATEMENT_TIMEOUT_MS: "30000", ...env },
  });
  bots.push(bot);
  return bot;
}

/** The ack's ephemeral text, when the ack carried one. */
function ackText(body: string): string | undefined {
  if (!body) return undefined;
  return (JSON.parse(body) as { text?: string }).text;
}

describe("admission control", () => {
  it("a burst: as many as fit are answered, the rest told 'busy' within the ack, none left without either", async () => {
    const bot = await botWith({
      CHAT_MAX_IN_PROGRESS: "2",
      CHAT_MAX_WAITING: "2",
      CHAT_MAX_WAIT_MS: "60000",
    });
    proxy.latencyMs = 300; // each answer takes a few round trips: seconds, not milliseconds
    try {
      const channels = Array.from({ length: 10 }, (_, i) => `C0BURST${i}`);
      const acks = await Promise.all(
        channels.map((channelId, i) => bot.command("campaigns last-30d", { channelId, userId: `U0B${i}` })),
      );
      expect(acks.map((a) => a.status)).toEqual(channels.map(() => 200));
      const shed = channels.filter((_, i) => ackText(acks[i]?.text ?? "") === BUSY_TEXT);
      const admitted = channels.filter((c) => !shed.includes(c));
      expect(shed).toHaveLength(6);
      await waitFor(() => bot.delivered() >= admitted.length, "the admitted answers", 60_000);
      const posted = bot.fake.ok("chat.postMessage").map((c) => c.args.channel);
      expect([...posted].sort()).toEqual([...admitted].sort());
      // Each admitted answer came with its chart.
      const uploaded = new Set(bot.fake.ok("files.completeUploadExternal").map((c) => c.args.channel_id));
      expect([...uploaded].sort()).toEqual([...admitted].sort());
      expect(bot.bot.admission.stats()).toMatchObject({ active: 0, waiting: 0, shed: 6, admitted: 4 });
      expect(bot.logs.some((l) => l.includes('"msg":"chat requests shed: the bot is busy"'))).toBe(true);
    } finally {
      proxy.latencyMs = 0;
    }
  });

  it("a request that waits longer than CHAT_MAX_WAIT_MS is told so, not left waiting", async () => {
    const bot = await botWith({ CHAT_MAX_IN_PROGRESS: "1", CHAT_MAX_WAITING: "5", CHAT_MAX_WAIT_MS: "300" });
    proxy.latencyMs = 300;
    try {
      const acks = await Promise.all(
        ["C0WAIT0", "C0WAIT1", "C0WAIT2"].map((channelId, i) =>
          bot.command("orders last-30d", { channelId, userId: `U0W${i}` }),
        ),
      );
      expect(acks.map((a) => ackText(a.text))).toEqual([undefined, undefined, undefined]);
      await waitFor(() => bot.delivered() >= 1, "the one answer", 60_000);
      const told = await waitFor(() => {
        const busy = bot.fake.responses.filter((r) => r.body.text === BUSY_TEXT);
        return busy.length >= 2 && busy;
      }, "two 'busy' replies");
      expect(told.map((r) => r.body.response_type)).toEqual(["ephemeral", "ephemeral"]);
      expect(bot.fake.ok("chat.postMessage")).toHaveLength(1);
    } finally {
      proxy.latencyMs = 0;
    }
  });

  it("a wait for a turn is not blamed on the data source: no 'slow' notice for time spent in line", async () => {
    const bot = await botWith({
      CHAT_MAX_IN_PROGRESS: "1",
      CHAT_MAX_WAITING: "10",
      SLOW_DATA_NOTICE_MS: "6000",
    });
    proxy.latencyMs = 300; // each answer ~2 s of its own; the last in line waits ~8 s before it starts
    try {
      const channels = Array.from({ length: 5 }, (_, i) => `C0LINE${i}`);
      await Promise.all(
        channels.map((channelId, i) => bot.command("orders last-30d", { channelId, userId: `U0L${i}` })),
      );
      await waitFor(() => bot.delivered() >= channels.length, "every answer", 90_000);
      expect(bot.fake.responses.filter((r) => r.body.text === SLOW_DATA_TEXT)).toEqual([]);
    } finally {
      proxy.latencyMs = 0;
    }
  });

  it("/readyz: ready while the database answers, 503 naming it while it is down; /healthz stays 200", async () => {
    const bot = await botWith({});
    const ready = async () => {
      const response = await fetch(`${bot.server.url}/readyz`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect(await ready()).toEqual({ status: 200, body: { ready: true } });
    await proxy.close();
    try {
      const down = await ready();
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ ready: false, problems: { database: expect.any(String) } });
      expect(JSON.stringify(down.body)).not.toMatch(/ECONNREFUSED|\n\s+at /);
      expect((await fetch(`${bot.server.url}/healthz`)).status).toBe(200);
    } finally {
      await proxy.open();
    }
    await waitForAsync(async () => (await ready()).status === 200, "ready again");
  });
});
