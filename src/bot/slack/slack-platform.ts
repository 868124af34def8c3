/**
 * Slack, opened: senders for scheduled messages at once, and the chat side for the server.
 * HTTP mode (production): Bolt's ExpressReceiver on the shared express app at POST
 * /slack/events, behind the replay guard; both check every request's signature and age.
 * Socket Mode (SLACK_APP_TOKEN set; no public URL): a WebSocket to Slack, reconnected by the
 * client when it drops, its state in /readyz, and closed first on shutdown so Slack sends new
 * envelopes to the other replicas. In either mode a request Slack may deliver again is
 * answered by the delivery that claims it first (redelivery.ts).
 * Either way the Web API client goes to SLACK_API_URL when set, with bounded retries, and the
 * bot token is checked with auth.test before serving.
 */
import { App, ExpressReceiver, SocketModeReceiver } from "@slack/bolt";
import type { Express } from "express";
import { UserError } from "../../errors.js";
import type { PlatformSenders } from "../../schedule/senders.js";
import { recentQuestions } from "../../security/audit-queries.js";
import type { ChatPlatform, PlatformDeps } from "../chat-platform.js";
import { webClientOptions } from "./client-options.js";
import type { UnfurlSettings } from "./link-unfurl.js";
import { registerListeners } from "./listeners/index.js";
import { HTTP_REDELIVERED, SOCKET_REDELIVERED, slackRedelivery } from "./redelivery.js";
import { replayGuard } from "./replay-guard.js";
import type { SlackConfig } from "./slack-config.js";
import type { SlackDeps } from "./slack-deps.js";
import { slackErrorCode } from "./slack-errors.js";
import { slackLogger } from "./slack-logger.js";
import type { SlackOptions } from "./slack-options.js";
import { WORKING_DELAY_MS } from "./slack-reply.js";
import { createSlackSenders } from "./slack-senders.js";
import { watchSocket } from "./socket-state.js";

export const SLACK_EVENTS_PATH = "/slack/events";
const NOT_AUTHENTICATED = "not authenticated with Slack yet (auth.test)";

/** auth.test through Bolt's init: a token Slack rejects stops the server with the variable named. */
async function initialise(app: App, slack: SlackConfig): Promise<void> {
  try {
    await app.init();
  } catch (error) {
    const code = slackErrorCode(error);
    const where = slack.apiUrl ? ` at ${slack.apiUrl}` : "";
    throw new UserError(
      "slack_auth_failed",
      code.startsWith("request_failed") || code.startsWith("http_")
        ? `Slack's Web API${where} did not answer auth.test (${code}); check SLACK_API_URL and the network.`
        : `Slack rejected SLACK_BOT_TOKEN (auth.test: ${code}).`,
      { cause: error },
    );
  }
}

/** Link previews need a public https origin for the links and the shared key they are signed with. */
function unfurlSettings(deps: PlatformDeps): { unfurl?: UnfurlSettings } {
  if (!deps.publicBaseUrl.startsWith("https://") || !deps.linkSecret) return {};
  return { unfurl: { baseUrl: deps.publicBaseUrl, secret: deps.linkSecret, now: deps.now } };
}

export async function openSlack(
  slack: SlackConfig,
  deps: PlatformDeps,
  options: SlackOptions = {},
): Promise<ChatPlatform> {
  const slackDeps: SlackDeps = {
    chat: deps.chat,
    admission: deps.admission,
    engine: deps.engine,
    log: deps.log,
    charts: deps.charts,
    access: deps.access,
    ...(deps.snooze ? { snooze: deps.snooze } : {}),
    ...(deps.alertButton ? { alertButton: deps.alertButton } : {}),
    ...unfurlSettings(deps),
    currency: deps.currency,
    reportTimeZone: deps.reportTimeZone ?? "UTC",
    workingDelayMs: options.workingDelayMs ?? WORKING_DELAY_MS,
    slowNoticeMs: deps.slowNoticeMs,
    ...(deps.contexts ? { contexts: deps.contexts } : {}),
    recentQuestions: (userId) => recentQuestions(deps.botState, "slack", userId),
    assistant: slack.assistant,
    redelivery: slackRedelivery(
      deps.claims,
      slack.appToken ? SOCKET_REDELIVERED : HTTP_REDELIVERED,
      deps.log,
    ),
  };
  const senders = createSlackSenders(slack, deps.currency, deps.charts, deps.log);
  const clientOptions = webClientOptions(slack.apiUrl, deps.log);
  const logger = slackLogger(deps.log);
  return slack.appToken
    ? socketMode(slack, slack.appToken, slackDeps, senders, clientOptions, logger)
    : httpMode(slack, slackDeps, senders, clientOptions, logger, options);
}

type ClientOptions = ReturnType<typeof webClientOptions>;
type BoltLogger = ReturnType<typeof slackLogger>;

/**
 * The Bolt app on a receiver. Bolt's conversation store is off: it would keep state for every
 * conversation that writes in memory (unbounded under a burst from many channels) and nothing
 * here reads it.
 */
function boltApp(
  slack: SlackConfig,
  receiver: ExpressReceiver | SocketModeReceiver,
  clientOptions: ClientOptions,
  logger: BoltLogger,
): App {
  return new App({
    token: slack.botToken,
    receiver,
    clientOptions,
    logger,
    convoStore: false,
    deferInitialization: true,
  });
}

function httpMode(
  slack: SlackConfig,
  deps: SlackDeps,
  senders: PlatformSenders,
  clientOptions: ClientOptions,
  logger: BoltLogger,
  options: SlackOptions,
): ChatPlatform {
  const signingSecret = slack.signingSecret;
  if (!signingSecret) throw new Error("Slack HTTP mode needs SLACK_SIGNING_SECRET");
  let ready: Promise<void> | undefined;
  let authenticated = false;
  return {
    name: "slack",
    description: `Slack in HTTP mode at POST ${SLACK_EVENTS_PATH}`,
    senders,
    mount(express: Express) {
      // Before Bolt's receiver (routes run in mount order): a request that is not signed, too
      // old or too new gets 401 and a replayed one an empty 200 here; Bolt verifies the rest again.
      express.post(
        SLACK_EVENTS_PATH,
        replayGuard({
          signingSecret,
          log: deps.log,
          ...(options.replayCapacity ? { capacity: options.replayCapacity } : {}),
        }),
      );
      const receiver = new ExpressReceiver({
        signingSecret,
        // The replay guard mounted above has verified signature and age (stricter than Bolt) and
        // answered 401 to everything else: a second HMAC of every body here would add nothing.
        signatureVerification: false,
        app: express,
        endpoints: SLACK_EVENTS_PATH,
        logger,
      });
      const app = boltApp(slack, receiver, clientOptions, logger);
      registerListeners(app, deps);
      ready = initialise(app, slack).then(() => {
        authenticated = true;
      });
      ready.catch(() => undefined); // awaited (and reported) by start()
    },
    async start() {
      if (!ready) throw new Error("the Slack platform must be mounted before it starts");
      await ready;
    },
    readiness: () => (authenticated ? undefined : NOT_AUTHENTICATED),
    async stop() {},
  };
}

function socketMode(
  slack: SlackConfig,
  appToken: string,
  deps: SlackDeps,
  senders: PlatformSenders,
  clientOptions: ClientOptions,
  logger: BoltLogger,
): ChatPlatform {
  const receiver = new SocketModeReceiver({ appToken, logger, installerOptions: { clientOptions } });
  const app = boltApp(slack, receiver, clientOptions, logger);
  registerListeners(app, deps);
  const socket = watchSocket(receiver.client, deps.log);
  let started = false;
  let closed = false;
  const close = async () => {
    if (!started || closed) return;
    closed = true;
    await app.stop();
  };
  return {
    name: "slack",
    description: "Slack in Socket Mode (no public URL needed)",
    senders,
    async start() {
      await initialise(app, slack);
      try {
        await app.start();
        started = true;
      } catch (error) {
        throw new UserError(
          "slack_socket_failed",
          `Slack Socket Mode could not connect (apps.connections.open: ${slackErrorCode(error)}); check SLACK_APP_TOKEN.`,
          { cause: error },
        );
      }
    },
    readiness: () =>
      !started
        ? NOT_AUTHENTICATED
        : socket.state() === "connected"
          ? undefined
          : `the Socket Mode connection is down (${socket.state()})`,
    connection: () => ({ mode: "socket", state: socket.state(), connects: socket.connects() }),
    // Envelopes already received were acked at once; their answers go through the Web API.
    drain: close,
    stop: close,
  };
}
