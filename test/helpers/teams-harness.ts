/**
 * The real bot (the composition root `kpi serve` uses, with the Teams platform, charts drawn
 * by the worker-thread pool) against a test database and a fake Bot Connector, with a settable
 * clock and the log lines captured. Tests post activities over HTTP exactly as the Bot
 * Connector would.
 */
import { Writable } from "node:stream";
import { pino } from "pino";
import { type RunningBot, startBot } from "../../src/app/bot-app.js";
import type { ChatPlatform } from "../../src/bot/chat-platform.js";
import { PLATFORMS } from "../../src/bot/platforms.js";
import type { RunningServer } from "../../src/bot/server.js";
import { teamsPlatform } from "../../src/bot/teams/teams-definition.js";
import type { TeamsOptions } from "../../src/bot/teams/teams-options.js";
import { instantForDay } from "../../src/calendar/as-of.js";
import { loadConfig } from "../../src/config.js";
import type { BotStateDb } from "../../src/db/bot-state/bot-state-db.js";
import type { Engine } from "../../src/engine/engine.js";
import type { PlatformSenders } from "../../src/schedule/senders.js";
import { FakeTeamsConnector } from "./fake-teams-connector.js";

export const PUBLIC_BASE_URL = "https://kpi-bot.example.test";
export const CHART_SECRET = "test-chart-secret-0123456789abcdef";
/** The day the fixture questions are asked on (the fixture's last data day is 2026-11-25). */
export const ASKED_ON = "2026-11-26";

export interface TeamsHarness {
  readonly server: RunningServer;
  readonly bot: RunningBot;
  /** The opened Teams platform and its senders (proactive messages). */
  readonly platform: ChatPlatform;
  readonly senders: PlatformSenders;
  readonly connector: FakeTeamsConnector;
  readonly engine: Engine;
  readonly botState: BotStateDb;
  readonly logs: Record<string, unknown>[];
  /** Moves the bot's clock (chart link expiry). */
  setNow(date: Date): void;
  post(activity: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startTeamsHarness(options: {
  readonly databaseUrl: string;
  readonly env?: Record<string, string>;
  readonly channel?: TeamsOptions;
}): Promise<TeamsHarness> {
  const config = loadConfig(
    {
      DATABASE_URL: options.databaseUrl,
      TEAMS_ALLOW_ANONYMOUS: "true",
      PUBLIC_BASE_URL,
      CHART_URL_SECRET: CHART_SECRET,
      PORT: "0",
      REPORT_TIMEZONE: "UTC",
      CURRENCY: "EUR",
      DB_STATEMENT_TIMEOUT_MS: "10000",
      // "The data source is slow" only where a test asks for it: a loaded machine adds no stray message.
      SLOW_DATA_NOTICE_MS: "60000",
      RATE_LIMIT_USER_PER_MINUTE: "100000",
      RATE_LIMIT_CHANNEL_PER_MINUTE: "100000",
      ...options.env,
    },
    // The registry's platforms, Teams with the test's options (Slack stays off: no SLACK_ variable).
    PLATFORMS.map((definition) =>
      definition.name === "teams" ? teamsPlatform(options.channel) : definition,
    ),
  );
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const log = pino({ level: "debug", base: undefined }, sink);
  let now = instantForDay(ASKED_ON, "UTC");
  const connector = await FakeTeamsConnector.start();
  const bot = await startBot(config, { log, now: () => now, schedulerLoop: false });
  const platform = bot.platforms.platforms.find((p) => p.name === "teams");
  const senders = bot.platforms.senders.teams;
  if (!platform || !senders) throw new Error("the Teams platform did not open");
  return {
    server: bot.server,
    bot,
    platform,
    senders,
    connector,
    engine: bot.engine,
    botState: bot.botState,
    logs,
    setNow(date) {
      now = date;
    },
    post(activity, headers = {}) {
      return fetch(`${bot.server.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(activity),
      });
    },
    async close() {
      await bot.stop();
      await connector.close();
    },
  };
}
