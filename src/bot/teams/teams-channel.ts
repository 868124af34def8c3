/**
 * The Microsoft Teams channel: POST /api/messages (Agents SDK CloudAdapter, JWT-validated
 * unless in anonymous development mode), GET /charts/:id.png for linked chart images, and
 * proactive sends to stored conversations. Wiring only; the parts live beside this file.
 */
import { randomBytes } from "node:crypto";
import express, { type Request, type RequestHandler, type Response } from "express";
import type { Answer } from "../../answer/answer.js";
import type { QueryCommand } from "../../commands/parse.js";
import type { BotStateDb } from "../../db/bot-state/bot-state-db.js";
import { referenceId } from "../../errors.js";
import type { ChannelDeps, ChatChannel } from "../chat-channel.js";
import { type AnswerMessage, answerMessage } from "./card/answer-message.js";
import type { ChartBudget } from "./charts/chart-placement.js";
import { CHART_ROUTE, chartRoute } from "./charts/chart-route.js";
import { ChartStore } from "./charts/chart-store.js";
import { CHART_URL_TTL_MS } from "./charts/chart-url.js";
import { type DeliveryOptions, DeliveryPolicy } from "./delivery/paced-connector.js";
import { statusOf } from "./delivery/retry-policy.js";
import { ConversationStore } from "./proactive/conversation-store.js";
import { type ProactiveMessage, type ProactiveResult, sendProactive } from "./proactive/proactive-sender.js";
import { TeamsAdapter } from "./teams-adapter.js";
import { authorizeTeamsRequests } from "./teams-auth.js";
import { createTeamsHandler } from "./teams-turns.js";

export const TEAMS_MESSAGES_ROUTE = "/api/messages";

const parseJson = express.json({ limit: "1mb" });
/** JSON bodies; a body that does not parse is a plain 400, not Express's HTML error page. */
const jsonBody: RequestHandler = (req, res, next) =>
  parseJson(req, res, (error?: unknown) => {
    if (error) res.status(400).json({ ok: false, error: "bad_json" });
    else next();
  });

/** Test seams and tuning; production uses the defaults. */
export interface TeamsChannelOptions {
  readonly delivery?: DeliveryOptions;
  readonly chartBudget?: ChartBudget;
  readonly chartSize?: { readonly width: number; readonly height: number };
  readonly authTimeoutMs?: number;
}

/** The Teams channel also stores conversation references, in the process's bot-state db. */
export interface TeamsChannelDeps extends ChannelDeps {
  readonly botState: BotStateDb;
}

export interface TeamsChannel extends ChatChannel {
  readonly name: "teams";
  /** Posts a message (text or activity) into a stored conversation (`teams:<conversation id>`). */
  sendProactive(conversationId: string, message: ProactiveMessage): Promise<ProactiveResult>;
  /** The card message for an answer (its charts drawn), ready for sendProactive. */
  messageForAnswer(answer: Answer, query: QueryCommand): Promise<AnswerMessage>;
}

const somethingWrong = (ref: string) =>
  `Something went wrong (ref ${ref}). Please try again; if it keeps happening, tell your admin the ref.`;

export function createTeamsChannel(deps: TeamsChannelDeps, options: TeamsChannelOptions = {}): TeamsChannel {
  const { config, log } = deps;
  const teams = config.chat.teams;
  if (!teams) throw new Error("createTeamsChannel: Teams is not configured");
  let secret = config.chat.chartUrlSecret;
  if (!secret) {
    secret = randomBytes(32).toString("base64url");
    log.warn(
      "CHART_URL_SECRET is not set: chart links are signed with a random per-process secret and stop working on restart; set CHART_URL_SECRET (the same on every replica) when running more than one replica",
    );
  }
  const chartSecret = secret;
  const chartStore = new ChartStore({ ttlMs: CHART_URL_TTL_MS, now: deps.now });
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
  const messageForAnswer = (answer: Answer, query: QueryCommand) =>
    answerMessage(answer, query, {
      currency: config.currency,
      charts: deps.charts,
      chartStore,
      chartSecret,
      publicBaseUrl: config.chat.publicBaseUrl,
      ...(options.chartBudget ? { budget: options.chartBudget } : {}),
      ...(options.chartSize ? { chartSize: options.chartSize } : {}),
    });
  const handler = createTeamsHandler({
    engine: deps.engine,
    log,
    access: config.chat.access,
    ...(deps.scheduleCommands ? { scheduleCommands: deps.scheduleCommands } : {}),
    conversations,
    answerMessage: messageForAnswer,
    track,
  });
  adapter.onTurnError = async (context, error) => {
    const ref = referenceId();
    log.error({ platform: "teams", ref, err: error }, "Teams turn failed");
    await context.sendActivity(somethingWrong(ref)).catch(() => undefined);
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

  return {
    name: "teams",
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
      app.get(CHART_ROUTE, chartRoute({ store: chartStore, secret: chartSecret, now: deps.now }));
    },
    async stop() {
      await Promise.allSettled([...pending]);
      chartStore.clear();
    },
    sendProactive: (conversationId, message) =>
      sendProactive({ adapter, conversations }, conversationId, message),
    messageForAnswer,
  };
}
