/**
 * Microsoft Teams, opened: POST /api/messages (Agents SDK CloudAdapter, JWT-validated unless
 * in anonymous development mode), GET /charts/:id.png and /files/:id.csv for linked chart
 * images and CSV downloads, and proactive sends to stored conversations (the senders, which
 * work without the server). Wiring only; the parts live beside this file.
 */
import { randomBytes } from "node:crypto";
import express, { type Request, type RequestHandler, type Response } from "express";
import type { Answer } from "../../answer/answer.js";
import { referenceId, somethingWentWrong } from "../../errors.js";
import type { ChatPlatform, PlatformDeps } from "../chat-platform.js";
import { answerMessage } from "./card/answer-message.js";
import { csvLinksMessage } from "./card/csv-links.js";
import { chartRoute } from "./charts/chart-route.js";
import { ChartStore, LINK_KINDS } from "./charts/chart-store.js";
import { CHART_URL_TTL_MS, type LinkDeps, linkRoute } from "./charts/chart-url.js";
import { DeliveryPolicy } from "./delivery/paced-connector.js";
import { statusOf } from "./delivery/retry-policy.js";
import { AppTokenSource } from "./graph/app-token.js";
import { createGraphSentFinder } from "./graph/sent-finder.js";
import type { TeamInstallDeps } from "./graph/team-install.js";
import { ConversationStore } from "./proactive/conversation-store.js";
import { sendProactive } from "./proactive/proactive-sender.js";
import { TeamsAdapter } from "./teams-adapter.js";
import { authorizeTeamsRequests } from "./teams-auth.js";
import type { TeamsConfig } from "./teams-config.js";
import type { TeamsOptions } from "./teams-options.js";
import { createTeamsSenders, type TeamsOutbox } from "./teams-senders.js";
import { createTeamsHandler } from "./teams-turns.js";

export const TEAMS_MESSAGES_ROUTE = "/api/messages";

const parseJson = express.json({ limit: "1mb" });
/** JSON bodies; a body that does not parse is a plain 400, not Express's HTML error page. */
const jsonBody: RequestHandler = (req, res, next) =>
  parseJson(req, res, (error?: unknown) => {
    if (error) res.status(400).json({ ok: false, error: "bad_json" });
    else next();
  });

export async function openTeams(
  teams: TeamsConfig,
  deps: PlatformDeps,
  options: TeamsOptions = {},
): Promise<ChatPlatform> {
  const { log } = deps;
  if (teams.mode === "anonymous") {
    log.warn("Teams accepts anonymous requests (TEAMS_ALLOW_ANONYMOUS=true): for local development only");
  }
  let secret = deps.linkSecret;
  if (!secret) {
    secret = randomBytes(32).toString("base64url");
    log.warn(
      "CHART_URL_SECRET is not set: chart links are signed with a random per-process secret and stop working on restart; set CHART_URL_SECRET (the same on every replica) when running more than one replica",
    );
  }
  const chartStore = new ChartStore({ ttlMs: CHART_URL_TTL_MS, now: deps.now });
  const links: LinkDeps = { store: chartStore, secret, baseUrl: deps.publicBaseUrl };
  const delivery = new DeliveryPolicy({
    ...options.delivery,
    onFailedAttempt: ({ method, conversationId, error }) =>
      log.warn(
        { platform: "teams", method, conversation: conversationId, status: statusOf(error) },
        "Teams connector call failed",
      ),
  });
  const adapter = new TeamsAdapter(teams, delivery);
  const conversations = new ConversationStore(deps.botState, deps.now);
  const pending = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };
  const messageForAnswer = (answer: Answer) =>
    answerMessage(answer, {
      currency: deps.currency,
      charts: deps.charts,
      links,
      ...(options.chartBudget ? { budget: options.chartBudget } : {}),
      ...(options.chartSize ? { chartSize: options.chartSize } : {}),
    });
  const handler = createTeamsHandler({
    chat: deps.chat,
    admission: deps.admission,
    log,
    conversations,
    answerMessage: messageForAnswer,
    csvMessage: async (answer) => csvLinksMessage(answer, links),
    track,
    slowNoticeMs: deps.slowNoticeMs,
    ...(deps.alertButton ? { alertButton: deps.alertButton } : {}),
    ...(deps.snooze ? { snooze: deps.snooze } : {}),
  });
  adapter.onTurnError = async (context, error) => {
    const ref = referenceId();
    log.error({ platform: "teams", ref, err: error }, "Teams turn failed");
    await context.sendActivity(somethingWentWrong(ref)).catch(() => undefined);
  };

  async function receive(req: Request, res: Response): Promise<void> {
    try {
      await adapter.process(req, res, (context) => handler.run(context));
    } catch (error) {
      const invalid = !req.body || (error as { name?: string }).name === "ZodError";
      const ref = referenceId();
      log.warn({ platform: "teams", ref, err: invalid ? undefined : error }, "Teams activity not processed");
      if (!res.headersSent)
        res
          .status(invalid ? 400 : 500)
          .json({ ok: false, error: invalid ? "bad_activity" : `failed (ref ${ref})` });
    }
  }

  const install = teamInstallFor(teams, conversations, deps.now);
  const outbox: TeamsOutbox = {
    sendProactive: (conversationId, message) =>
      sendProactive({ adapter, conversations, ...(install ? { install } : {}) }, conversationId, message),
    messageForAnswer,
    currency: deps.currency,
  };
  return {
    name: "teams",
    senders: createTeamsSenders(outbox, sentFinderFor(teams, conversations, deps.now)),
    description:
      teams.mode === "authenticated"
        ? `Teams at POST ${TEAMS_MESSAGES_ROUTE}, tokens validated for app ${teams.appId}`
        : `Teams at POST ${TEAMS_MESSAGES_ROUTE} in ANONYMOUS mode (no token validation: local development only)`,
    mount(app) {
      app.post(
        TEAMS_MESSAGES_ROUTE,
        authorizeTeamsRequests(adapter, {
          log,
          ...(options.authTimeoutMs ? { timeoutMs: options.authTimeoutMs } : {}),
        }),
        jsonBody,
        receive,
      );
      for (const kind of LINK_KINDS) {
        app.get(linkRoute(kind), chartRoute({ store: chartStore, secret, now: deps.now, kind }));
      }
    },
    async stop() {
      await Promise.allSettled([...pending]);
      chartStore.clear();
    },
  };
}

/** The app-only Graph token source, when Graph has credentials (none in anonymous mode). */
function graphTokens(teams: TeamsConfig, now: () => Date) {
  const graph = teams.graph;
  return graph?.tokenUrl && teams.appId && teams.appPassword
    ? new AppTokenSource(
        { tokenUrl: graph.tokenUrl, clientId: teams.appId, clientSecret: teams.appPassword },
        now,
      )
    : undefined;
}

/** Graph lookups of posted messages, when Graph is configured (teams-config.ts). */
function sentFinderFor(teams: TeamsConfig, conversations: ConversationStore, now: () => Date) {
  const graph = teams.graph;
  if (!graph) return undefined;
  return createGraphSentFinder({ graph, tokens: graphTokens(teams, now), conversations });
}

/** Graph installs into teams the bot is not in, when TEAMS_GRAPH_INSTALL=on. */
function teamInstallFor(
  teams: TeamsConfig,
  conversations: ConversationStore,
  now: () => Date,
): TeamInstallDeps | undefined {
  if (!teams.graph || !teams.install) return undefined;
  return { graph: teams.graph, tokens: graphTokens(teams, now), install: teams.install, conversations };
}
