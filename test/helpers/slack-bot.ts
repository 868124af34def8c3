/**
 * The real bot (the composition root `kpi serve` uses: one engine, the chat guard, the
 * scheduler's chat commands, Bolt's HTTP receiver, charts drawn by the worker-thread pool) on
 * a free port, talking to a fake Slack Web API, answering from a real test database as of a
 * fixed day. Sends signed requests the way Slack does and collects the JSON log lines.
 */
import { pino } from "pino";
import { type RunningBot, startBot } from "../../src/app/bot-app.js";
import { PLATFORMS } from "../../src/bot/platforms.js";
import type { RunningServer } from "../../src/bot/server.js";
import { slackPlatform } from "../../src/bot/slack/slack-definition.js";
import { instantForDay } from "../../src/calendar/as-of.js";
import { loadConfig } from "../../src/config.js";
import { refreshDerived } from "../../src/db/refresh.js";
import type { Engine } from "../../src/engine/engine.js";
import { loadFixture } from "../db/fixture.js";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";
import {
  eventBody,
  FORM,
  interactionBody,
  JSON_TYPE,
  postToSlackEndpoint,
  type SentRequest,
  type Signing,
  slashCommandBody,
} from "./slack-requests.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

export const SIGNING_SECRET = "f4k3s1gn1ngs3cr3t0123456789abcdef";
export const BOT_TOKEN = "xoxb-1111-2222-fakebottokenvalue";
export const CHANNEL = "C0MARKETING";
export const USER = "U0ADA";

export interface SlackBot {
  readonly fake: FakeSlack;
  readonly server: RunningServer;
  readonly engine: Engine;
  readonly bot: RunningBot;
  readonly logs: string[];
  readonly eventsUrl: string;
  /** `/kpi <text>`; the response_url it carries is recorded under `responseId`. */
  command(text: string, options?: CommandOptions): Promise<SentRequest & { responseId: string }>;
  interact(payload: Record<string, unknown>, signing?: Partial<Signing>): Promise<SentRequest>;
  /**
   * An Events API callback. A re-delivery: X-Slack-Retry-Num in `headers`, the first delivery's
   * `eventId`, and a later signing `timestamp` (Slack signs each delivery anew).
   */
  event(event: Record<string, unknown>, options?: EventOptions): Promise<SentRequest>;
  /** Answers fully delivered so far (message posted and its files uploaded or given up on). */
  delivered(): number;
  close(): Promise<void>;
}

export interface EventOptions {
  readonly headers?: Record<string, string>;
  readonly eventId?: string;
  readonly timestamp?: number;
}

export interface CommandOptions {
  readonly channelId?: string;
  readonly userId?: string;
  readonly signing?: Partial<Signing>;
}

export interface SlackBotOptions {
  readonly databaseUrl: string;
  /** "Today" for the engine; default the day after the fixture's data. */
  readonly asOf?: string;
  readonly env?: Record<string, string>;
  /** Wait before "Working on it…"; default a minute, so that it only shows where a test wants it. */
  readonly workingDelayMs?: number;
  /** How many requests the replay guard may remember (default: production's). */
  readonly replayCapacity?: number;
  readonly fake?: FakeSlack;
  /** Sees every reporting query's SQL and parameters. */
  readonly onQuery?: (sql: string, parameters: readonly unknown[]) => void;
}

let responses = 0;

export async function startSlackBot(options: SlackBotOptions): Promise<SlackBot> {
  const fake = options.fake ?? (await startFakeSlack());
  // "Working on it…" only where a test asks for it: a loaded machine must not add stray ephemerals.
  const platform = slackPlatform({
    workingDelayMs: options.workingDelayMs ?? 60_000,
    ...(options.replayCapacity ? { replayCapacity: options.replayCapacity } : {}),
  });
  const config = loadConfig(
    {
      DATABASE_URL: options.databaseUrl,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      CURRENCY: "EUR",
      DB_STATEMENT_TIMEOUT_MS: "2000",
      // Like "Working on it…": "the data source is slow" only where a test asks for it.
      SLOW_DATA_NOTICE_MS: "60000",
      // Tests ask far more than a person would; the limits have their own tests (test/security).
      RATE_LIMIT_USER_PER_MINUTE: "100000",
      RATE_LIMIT_CHANNEL_PER_MINUTE: "100000",
      ...options.env,
    },
    // The registry's platforms, Slack with the test's options (Teams stays off: no TEAMS_ variable).
    PLATFORMS.map((definition) => (definition.name === "slack" ? platform : definition)),
  );
  const logs: string[] = [];
  const log = pino({ level: "info", base: undefined }, { write: (line: string) => logs.push(line) });
  const now = () => instantForDay(options.asOf ?? "2026-11-26", "UTC");
  const bot = await startBot(config, {
    log,
    now,
    schedulerLoop: false,
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
  });
  const { server, engine } = bot;
  const eventsUrl = `${server.url}/slack/events`;
  const sign = (signing?: Partial<Signing>): Signing => ({ secret: SIGNING_SECRET, ...signing });

  return {
    fake,
    server,
    engine,
    bot,
    logs,
    eventsUrl,
    async command(text, commandOptions = {}) {
      const responseId = `r${++responses}`;
      const body = slashCommandBody({
        text,
        channelId: commandOptions.channelId ?? CHANNEL,
        userId: commandOptions.userId ?? USER,
        responseUrl: fake.responseUrl(responseId),
      });
      const sent = await postToSlackEndpoint(eventsUrl, body, FORM, sign(commandOptions.signing));
      return { ...sent, responseId };
    },
    interact: (payload, signing) =>
      postToSlackEndpoint(eventsUrl, interactionBody(payload), FORM, sign(signing)),
    event: (event, eventOptions = {}) =>
      postToSlackEndpoint(
        eventsUrl,
        eventBody(event, eventOptions.eventId),
        JSON_TYPE,
        sign(eventOptions.timestamp === undefined ? {} : { timestamp: eventOptions.timestamp }),
        eventOptions.headers,
      ),
    delivered: () => logs.filter((line) => line.includes('"msg":"slack answer delivered"')).length,
    async close() {
      await bot.stop();
      if (!options.fake) await fake.close();
    },
  };
}

/** Every string in a Block Kit payload (texts, fields, button values), for "contains" checks. */
export function blockTexts(blocks: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === "string") out.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") Object.values(node).forEach(walk);
  };
  walk(blocks);
  return out;
}

/** A migrated test database with the hand-written fixture shop loaded and its rollups refreshed. */
export async function createFixtureDatabase(prefix: string): Promise<TestDatabase> {
  const db = await createTestDatabase({ prefix });
  await loadFixture(db.connection);
  await refreshDerived(db.connection, { full: false });
  return db;
}
