/**
 * A TCP proxy the test controls: the bot's database URL points at it, and closing it makes
 * the database "go down" (new connections refused, open ones cut) until it is reopened on
 * the same port. `latencyMs` slows every answer from the database down.
 */
import { createConnection, createServer, type Server, type Socket } from "node:net";

export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  /** Added to every chunk from the database to the bot (order kept): a slow network. */
  latencyMs = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async open(): Promise<this> {
    const server = createServer((client) => {
      const upstream = createConnection(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => undefined);
      }
      client.pipe(upstream);
      let queue = Promise.resolve();
      upstream.on("data", (chunk: Buffer) => {
        const delay = this.latencyMs;
        queue = queue.then(async () => {
          if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
          if (!client.destroyed) client.write(chunk);
        });
      });
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
    return this;
  }

  /** Stops listening and cuts every open connection. */
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
