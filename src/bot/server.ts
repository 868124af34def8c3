/**
 * The bot server: one HTTP server on PORT for every platform that has routes (Slack HTTP
 * mode at POST /slack/events, Teams at POST /api/messages), plus GET /healthz.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import type { Logger } from "../log.js";
import type { ChatPlatform } from "./chat-platform.js";

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(options: {
  readonly port: number;
  readonly platforms: readonly ChatPlatform[];
  readonly log: Logger;
}): Promise<RunningServer> {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true, channels: options.platforms.map((p) => p.name) });
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
    async close() {
      for (const platform of options.platforms) await platform.stop().catch(() => undefined);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
