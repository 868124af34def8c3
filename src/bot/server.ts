/**
 * The bot server: one HTTP server on PORT for every platform that has routes (Slack HTTP
 * mode at POST /slack/events, Teams at POST /api/messages), plus GET /healthz (the process
 * is alive) and GET /readyz (it can answer: 200, or 503 with the reasons; with the state of a
 * platform's own connections, such as Slack's Socket Mode WebSocket, either way). Once draining
 * (shutdown), every platform route answers 503, so Slack and Teams retry elsewhere, while
 * the answers already under way finish.
 */

import { createHash, timingSafeEqual } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import type { Logger } from "../log.js";
import type { ChatPlatform } from "./chat-platform.js";

/** GET /metrics: the text exposition, and each response's route, status and time. */
export interface ServerMetrics {
  scrape(): Promise<{ readonly contentType: string; readonly body: string }>;
  observeHttp(path: string, status: number, seconds: number): void;
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  readonly token?: string | undefined;
}

/** Each check's problem, by name; empty when ready. */
export type ReadinessProblems = Readonly<Record<string, string>>;

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  /** Refuses new platform requests with 503, fails readiness and drains each platform (shutdown). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export async function startServer(options: {
  readonly port: number;
  readonly platforms: readonly ChatPlatform[];
  readonly log: Logger;
  /** What keeps the bot from answering now (database, platforms, scheduler). */
  readonly readiness?: () => Promise<ReadinessProblems>;
  readonly metrics?: ServerMetrics;
}): Promise<RunningServer> {
  const app = express();
  app.disable("x-powered-by");
  let draining = false;
  const { metrics } = options;
  if (metrics) {
    app.use((req, res, next) => {
      const started = performance.now();
      res.once("finish", () =>
        metrics.observeHttp(req.path, res.statusCode, (performance.now() - started) / 1000),
      );
      next();
    });
    app.get("/metrics", async (req, res) => {
      if (metrics.token !== undefined && !bearerMatches(req.get("authorization"), metrics.token)) {
        res.status(401).set("www-authenticate", "Bearer").json({ ok: false, error: "unauthorized" });
        return;
      }
      const { contentType, body } = await metrics.scrape();
      res.type(contentType).send(body);
    });
  }
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true, channels: options.platforms.map((p) => p.name) });
  });
  app.get("/readyz", async (_req, res) => {
    const problems: Record<string, string> = draining
      ? { shutdown: "shutting down" }
      : { ...(await options.readiness?.()) };
    for (const platform of options.platforms) {
      const problem = platform.readiness?.();
      if (problem) problems[platform.name] = problem;
    }
    const connections = Object.fromEntries(
      options.platforms.flatMap((p) => (p.connection ? [[p.name, p.connection()]] : [])),
    );
    const ready = Object.keys(problems).length === 0;
    res.status(ready ? 200 : 503).json({
      ready,
      ...(ready ? {} : { problems }),
      ...(Object.keys(connections).length > 0 ? { connections } : {}),
    });
  });
  app.use((_req, res, next) => {
    if (!draining) {
      next();
      return;
    }
    res.set("connection", "close").set("retry-after", "5");
    res.status(503).json({ ok: false, error: "shutting_down" });
  });
  for (const platform of options.platforms) platform.mount?.(app);
  app.use((_req, res) => {
    res.status(404).json({ ok: false, error: "not_found" });
  });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port, "0.0.0.0", () => resolve(s));
    s.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  try {
    for (const platform of options.platforms) await platform.start?.();
  } catch (error) {
    // A platform that cannot start (e.g. Slack rejects the token) must not leave the port held open.
    for (const platform of options.platforms) await platform.stop().catch(() => undefined);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  for (const platform of options.platforms)
    options.log.info({ channel: platform.name }, platform.description);
  options.log.info({ port }, `kpi-bot listening on port ${port}`);

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    async drain() {
      draining = true;
      for (const platform of options.platforms) await platform.drain?.().catch(() => undefined);
    },
    async close() {
      for (const platform of options.platforms) await platform.stop().catch(() => undefined);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** `Authorization: Bearer <token>` with the expected token, compared in constant time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const sent = /^Bearer (.+)$/.exec(header ?? "")?.[1] ?? "";
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(sent), digest(token));
}
