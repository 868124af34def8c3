/**
 * The composition root: one engine (one reporting pool and query cap), one bot-state
 * database, one chart renderer, the chat guard, the scheduler and the configured chat
 * platforms, each built once and handed down. `assembleBot` is all of it without a server
 * (what `kpi schedule tick` and `kpi alerts` send through); `startBot` adds the HTTP server and
 * the minute loop (`kpi serve`). Closing goes in reverse order.
 */

import { type Admission, createAdmission } from "../bot/admission.js";
import type { PlatformDeps } from "../bot/chat-platform.js";
import { answerChatRequest, type ChatHandler } from "../bot/chat-request.js";
import { createThreadContexts } from "../bot/conversation/thread-context-store.js";
import { createRequestClaims } from "../bot/request-claims.js";
import { type RunningServer, startServer } from "../bot/server.js";
import { createCachedChartRenderer } from "../charts/cached-renderer.js";
import { type ChartRenderer, createChartRenderer } from "../charts/chart-renderer.js";
import type { Config } from "../config.js";
import { type BotStateDb, createBotStateDb } from "../db/bot-state/bot-state-db.js";
import { withDeadline } from "../engine/deadline.js";
import { createEngine, type Engine, type EngineOptions } from "../engine/engine.js";
import { withGoals } from "../goals/goal-progress.js";
import { listGoals } from "../goals/goal-store.js";
import type { Logger } from "../log.js";
import { type ChatGuard, type ChatGuardOptions, createChatGuard } from "../security/chat-guard.js";
import { type BotMetrics, createBotMetrics } from "./metrics.js";
import { type OpenPlatforms, openPlatforms } from "./open-platforms.js";
import { createScheduling, type Scheduling } from "./scheduling.js";
import { readinessOf, warmUp } from "./serving.js";

export interface BotOptions extends EngineOptions, ChatGuardOptions {
  readonly log: Logger;
  /** The clock answers are read at (tests fix it). */
  readonly now?: () => Date;
  /** Start the chart workers now (the server's first chart then does not wait for one). */
  readonly eagerCharts?: boolean;
}

export interface BotParts {
  readonly engine: Engine;
  readonly botState: BotStateDb;
  readonly charts: ChartRenderer;
  /** Rate limits and the audit trail. */
  readonly guard: ChatGuard;
  /** How many chat requests run and wait at once (closed first on shutdown). */
  readonly admission: Admission;
  readonly scheduling: Scheduling;
  /** Answers a chat request as the platforms do. */
  readonly chat: ChatHandler;
  /** The configured platforms, opened (senders ready; routes not mounted). */
  readonly platforms: OpenPlatforms;
  /** What the process did and holds, for GET /metrics. */
  readonly metrics: BotMetrics;
  /** Stops the platforms and closes everything shared, last the database pools. */
  close(): Promise<void>;
}

export async function assembleBot(config: Config, options: BotOptions): Promise<BotParts> {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  const engine = createEngine(config, now, options);
  const botState = createBotStateDb(config.databaseUrl, { statementTimeoutMs: config.statementTimeoutMs });
  // With eager charts the workers start now, so the server's first chart does not wait ~250 ms.
  const metrics = createBotMetrics();
  // Each distinct chart is drawn once (cached-renderer.ts); the metrics time only real renders.
  const charts = createCachedChartRenderer(
    metrics.observeCharts(createChartRenderer(config.chartWorkers, { eager: options.eagerCharts ?? false })),
    config.chartCache,
  );
  const unobserved = createChatGuard(config.security, botState, options);
  const guard: ChatGuard = { ...unobserved, audit: metrics.observeAudit(unobserved.audit) };
  const scheduling = createScheduling({ config, engine, db: botState, log, now });
  const contexts = createThreadContexts(botState, now, log);
  const chat: ChatHandler = (request) =>
    answerChatRequest(request, {
      engine,
      guard,
      log,
      contexts,
      access: config.chat.access,
      scheduleCommands: scheduling.commands,
      goals: async (answer) => {
        try {
          const asOf = { now: now(), timeZone: config.reportTimeZone };
          return await withGoals(answer, await listGoals(botState), engine, asOf);
        } catch (err) {
          // Goals are an extra line: without them the answer still stands.
          log.warn({ err }, "goal progress left out");
          return answer;
        }
      },
    });
  const closeShared = async () => {
    await scheduling.stop();
    await guard.close();
    await charts.close();
    await engine.close();
    await botState.destroy().catch(() => undefined);
  };
  const admission = createAdmission(config.security.admission, log);
  metrics.attach({ admission, engine, botState, chartCache: charts });
  const deps: PlatformDeps = {
    engine,
    chat,
    admission,
    log,
    charts,
    now,
    currency: config.currency,
    reportTimeZone: config.reportTimeZone,
    publicBaseUrl: config.chat.publicBaseUrl,
    linkSecret: config.chat.chartUrlSecret,
    slowNoticeMs: config.chat.slowNoticeMs,
    access: config.chat.access,
    botState,
    snooze: scheduling.snooze,
    claims: createRequestClaims(botState, scheduling.replicaId, now, log),
    contexts,
    alertButton: scheduling.alertButton,
  };
  let platforms: OpenPlatforms;
  try {
    platforms = await openPlatforms(config.chat.platforms, deps);
  } catch (error) {
    await closeShared();
    throw error;
  }
  return {
    engine,
    botState,
    charts,
    guard,
    admission,
    scheduling,
    chat,
    platforms,
    metrics,
    async close() {
      await platforms.stop();
      await closeShared();
    },
  };
}

export interface RunningBot extends BotParts {
  readonly server: RunningServer;
  /**
   * Graceful stop: refuse new requests (503, readiness fails), let the answers and deliveries
   * under way finish for up to `graceMs` (SHUTDOWN_GRACE_MS), then close everything.
   * Resolves whether everything finished in time.
   */
  stop(graceMs?: number): Promise<boolean>;
}

/** `kpi serve`: the parts, the HTTP server on PORT with every platform's routes, and the scheduler's loop. */
export async function startBot(
  config: Config,
  options: BotOptions & { readonly schedulerLoop?: boolean },
): Promise<RunningBot> {
  const parts = await assembleBot(config, options);
  for (const definition of config.chat.disabledPlatforms) options.log.info(definition.disabledNote);
  let server: RunningServer;
  try {
    server = await startServer({
      port: config.chat.port,
      platforms: parts.platforms.platforms,
      log: options.log,
      readiness: () => readinessOf(parts),
      metrics: {
        scrape: parts.metrics.scrape,
        observeHttp: parts.metrics.observeHttp,
        token: config.chat.metricsToken,
      },
    });
  } catch (error) {
    await parts.close();
    throw error;
  }
  if (options.schedulerLoop !== false) parts.scheduling.startLoop(parts.platforms.senders);
  void warmUp(parts.engine, options.log);
  return {
    ...parts,
    server,
    async stop(graceMs = config.chat.shutdownGraceMs) {
      const { log } = options;
      // The routes answer 503 at once; Socket Mode closes its connection (other replicas take over).
      const drained = server.drain();
      parts.admission.close();
      await drained;
      const inFlight = parts.admission.stats();
      log.info(
        { answering: inFlight.active, waiting: inFlight.waiting, graceMs },
        "shutting down: finishing the answers and deliveries under way",
      );
      const [answered, delivered] = await Promise.all([
        parts.admission.idle(graceMs),
        withDeadline(
          graceMs,
          () => parts.scheduling.stop().then(() => true),
          () => new Error("the running tick outlasted the grace period"),
        ).catch(() => false),
      ]);
      if (!answered || !delivered) {
        const left = parts.admission.stats();
        log.warn(
          { answering: left.active, waiting: left.waiting, deliveriesFinished: delivered, graceMs },
          "shutdown grace period over: stopping with work unfinished",
        );
      }
      await parts.scheduling.releaseClaims();
      await server.close();
      await parts.close();
      return answered && delivered;
    },
  };
}
