/**
 * `kpi serve` in Socket Mode (SLACK_APP_TOKEN set) as a child process, connected to the fake
 * Slack's Socket Mode (fake-slack-socket.ts) through SLACK_API_URL, and what a test sends it
 * over the socket: slash commands, button presses, mentions and App Home openings, each the
 * payload Slack would put in the envelope.
 */
import type { FakeSlack } from "./fake-slack.js";
import type { SentEnvelope } from "./fake-slack-socket.js";
import { cleanEnv, type ServeProcess, startServe } from "./serve-process.js";
import { BOT_TOKEN } from "./slack-bot.js";
import { blockActionPayload, slashCommandFields } from "./slack-requests.js";
import { waitFor } from "./wait-for.js";

export const APP_TOKEN = "xapp-1-A0FAKE-1234-fakeapptoken";

export interface SocketServe extends Omit<ServeProcess, "port"> {
  /** The HTTP port (/healthz, /readyz). */
  readonly port: number;
  /** GET /readyz: status and body. */
  readyz(): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Answers delivered to `channel` so far (message posted, files uploaded or given up on). */
  delivered(channel: string): number;
}

/** Starts `kpi serve` with Socket Mode on the fake and waits until it listens (its socket is up by then). */
export async function startSocketServe(
  fake: FakeSlack,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<SocketServe> {
  fake.socketMode();
  const serve = startServe(
    cleanEnv({
      DATABASE_URL: databaseUrl,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: fake.apiUrl,
      CURRENCY: "EUR",
      RATE_LIMIT_USER_PER_MINUTE: "100000",
      RATE_LIMIT_CHANNEL_PER_MINUTE: "100000",
      ...env,
    }),
  );
  let port: number;
  try {
    port = await serve.port();
  } catch (error) {
    await serve.stop();
    throw error;
  }
  return {
    ...serve,
    port,
    async readyz() {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    delivered: (channel) =>
      serve
        .stderr()
        .split("\n")
        .filter((l) => l.includes('"msg":"slack answer delivered"') && l.includes(`"channel":"${channel}"`))
        .length,
  };
}

/** `/kpi <text>` over the socket; its response_url is recorded under `responseId` (default the channel id). */
export function socketCommand(
  fake: FakeSlack,
  text: string,
  place: { channelId: string; userId: string; responseId?: string },
): SentEnvelope {
  const { responseId, ...where } = place;
  return fake
    .socketMode()
    .slashCommand(
      slashCommandFields({ text, ...where, responseUrl: fake.responseUrl(responseId ?? where.channelId) }),
    );
}

/** `@kpi <text>` in a channel (in a thread when `threadTs` is given). */
export function socketMention(
  fake: FakeSlack,
  text: string,
  place: { channelId: string; userId: string; ts: string; threadTs?: string; eventId?: string },
): SentEnvelope {
  return fake.socketMode().event(
    {
      type: "app_mention",
      user: place.userId,
      text: `<@UKPIBOT> ${text}`,
      ts: place.ts,
      channel: place.channelId,
      event_ts: place.ts,
      ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
    },
    place.eventId,
  );
}

/** Presses the answer button `actionId` under a posted answer; its response_url is recorded as `responseId`. */
export function socketPress(
  fake: FakeSlack,
  posted: { args: Record<string, unknown>; reply: Record<string, unknown> },
  actionId: string,
  place: { userId: string; responseId: string },
): SentEnvelope {
  const blocks = posted.args.blocks as {
    type: string;
    elements?: { action_id: string; value: string; text: unknown }[];
  }[];
  const button = blocks.find((b) => b.type === "actions")?.elements?.find((e) => e.action_id === actionId);
  if (!button) throw new Error(`no button ${actionId} under the answer`);
  return fake.socketMode().interactive(
    blockActionPayload({
      message: { ts: String(posted.reply.ts), text: posted.args.text, blocks: posted.args.blocks },
      button,
      channelId: String(posted.args.channel),
      userId: place.userId,
      responseUrl: fake.responseUrl(place.responseId),
    }),
  );
}

/** Waits for the envelope's ack and returns it. */
export async function ackOf(envelope: SentEnvelope, timeoutMs = 10_000) {
  return waitFor(() => envelope.ack, "the envelope's ack", timeoutMs);
}
