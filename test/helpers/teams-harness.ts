/**
 * The real bot server (startServer + createTeamsChannel, charts drawn by the worker-thread
 * pool) against a test database and a fake Bot Connector, with a settable clock and the log lines captured. Tests post activities
 * over HTTP exactly as the Bot Connector would.
 */
import { Writable } from "node:stream";
import { pino } from "pino";
import { createEngine, type Engine } from "../../src/app/engine.js";
import { type RunningServer, startServer } from "../../src/bot/server.js";
import {
  createTeamsChannel,
  type TeamsChannel,
  type TeamsChannelOptions,
} from "../../src/bot/teams/teams-channel.js";
import { createChartRenderer } from "../../src/charts/chart-renderer.js";
import { instantForDay } from "../../src/commands/as-of.js";
import { loadConfig } from "../../src/config.js";
import { type BotStateDb, createBotStateDb } from "../../src/db/bot-state/bot-state-db.js";
import { FakeTeamsConnector } from "./fake-teams-connector.js";

export const PUBLIC_BASE_URL = "https://kpi-bot.example.test";
export const CHART_SECRET = "test-chart-secret-0123456789abcdef";
/** The day the fixture questions are asked on (the fixture's last data day is 2026-11-25). */
export const ASKED_ON = "2026-11-26";

export interface TeamsHarness {
  readonly server: RunningServer;
  readonly channel: TeamsChannel;
  readonly connector: FakeTeamsConnector;
  readonly engine: Engine;
  /** The bot-state db the engine's audit and the channel's conversation store share. */
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
  readonly channel?: TeamsChannelOptions;
}): Promise<TeamsHarness> {
  const config = loadConfig({
    DATABASE_URL: options.databaseUrl,
    TEAMS_ALLOW_ANONYMOUS: "true",
    PUBLIC_BASE_URL,
    CHART_URL_SECRET: CHART_SECRET,
    PORT: "0",
    REPORT_TIMEZONE: "UTC",
    CURRENCY: "EUR",
    DB_STATEMENT_TIMEOUT_MS: "10000",
    RATE_LIMIT_USER_PER_MINUTE: "100000",
    RATE_LIMIT_CHANNEL_PER_MINUTE: "100000",
    ...options.env,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const log = pino({ level: "debug", base: undefined }, sink);
  let now = instantForDay(ASKED_ON, "UTC");
  const clock = () => now;
  const botState = createBotStateDb(config.databaseUrl);
  const engine = createEngine(config, clock, { botState });
  const connector = await FakeTeamsConnector.start();
  const charts = createChartRenderer(config.chartWorkers);
  const channel = createTeamsChannel({ config, engine, log, charts, now: clock, botState }, options.channel);
  const server = await startServer({ port: 0, channels: [channel], log });
  return {
    server,
    channel,
    connector,
    engine,
    botState,
    logs,
    setNow(date) {
      now = date;
    },
    post(activity, headers = {}) {
      return fetch(`${server.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(activity),
      });
    },
    async close() {
      await server.close();
      await charts.close();
      await engine.close();
      await botState.destroy();
      await connector.close();
    },
  };
}
