/**
 * The bot server: one HTTP server on PORT for every channel (Slack HTTP mode at
 * POST /slack/events, Teams at POST /api/messages), plus GET /healthz.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import type { Logger } from "../log.js";
import type { ChatChannel } from "./chat-channel.js";

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(options: {
  readonly port: number;
  readonly channels: readonly ChatChannel[];
  readonly log: Logger;
}): Promise<RunningServer> {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true, channels: options.channels.map((c) => c.name) });
  });
  for (const channel of options.channels) channel.mount?.(app);
  app.use((_req, res) => {
    res.status(404).json({ ok: false, error: "not_found" });
  });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port, "0.0.0.0", () => resolve(s));
    s.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  try {
    for (const channel of options.channels) await channel.start?.();
  } catch (error) {
    // A channel that cannot start (e.g. Slack rejects the token) must not leave the port held open.
    for (const channel of options.channels) await channel.stop().catch(() => undefined);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  for (const channel of options.channels) options.log.info({ channel: channel.name }, channel.description);
  options.log.info({ port }, `kpi-bot listening on port ${port}`);

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const channel of options.channels) await channel.stop().catch(() => undefined);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
