/**
 * A TCP proxy the test controls: the bot's database URL points at it. Closing it makes the
 * database "go down" (new connections refused, open ones cut) until it is reopened on the
 * same port. `blackhole()` makes it stop answering instead: connections are still accepted
 * and read, but nothing goes through in either direction (not even a close) until
 * `restore()`, which delivers what was held, in order — what TCP does once a network that
 * dropped packets heals. `latencyMs` slows every answer from the database down.
 */
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { parseDatabaseUrl } from "../../src/db/database-url.js";

export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  /** Resolved while traffic flows; pending while black-holed. */
  private flowing: Promise<void> = Promise.resolve();
  private heal: (() => void) | undefined;
  port = 0;

  /** Added to every chunk from the database to the bot (order kept): a slow network. */
  latencyMs = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  get blackholed(): boolean {
    return this.heal !== undefined;
  }

  /** From now on nothing passes, on open and new connections, until restore(). */
  blackhole(): void {
    if (this.heal) return;
    this.flowing = new Promise((resolve) => {
      this.heal = resolve;
    });
  }

  /** Lets everything held pass, in order, and traffic flow again. */
  restore(): void {
    this.heal?.();
    this.heal = undefined;
    this.flowing = Promise.resolve();
  }

  /** Waits until traffic flows (at once when it does). */
  private async passable(): Promise<void> {
    while (this.heal) await this.flowing;
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => undefined);
  }

  /** One client: the upstream connection is made once traffic flows; both directions pass through the gate. */
  private link(client: Socket): void {
    this.track(client);
    const upstream = this.passable().then(() => {
      const socket = createConnection(this.targetPort, this.targetHost);
      this.track(socket);
      socket.on("data", (chunk: Buffer) => toClient(async () => client.write(chunk), this.latencyMs));
      socket.on("close", () => toClient(async () => client.destroy(), 0));
      if (client.destroyed) socket.destroy();
      return socket;
    });
    let upQueue = Promise.resolve();
    const toUpstream = (step: (socket: Socket) => void) => {
      upQueue = upQueue.then(async () => {
        await this.passable();
        step(await upstream);
      });
    };
    let downQueue = Promise.resolve();
    const toClient = (step: () => Promise<unknown>, delayMs: number) => {
      downQueue = downQueue.then(async () => {
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        await this.passable();
        if (!client.destroyed) await step();
      });
    };
    client.on("data", (chunk: Buffer) => toUpstream((socket) => socket.destroyed || socket.write(chunk)));
    client.on("close", () => toUpstream((socket) => socket.destroy()));
  }

  async open(): Promise<this> {
    const server = createServer((client) => this.link(client));
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

/** A proxy in front of the database server `databaseUrl` names, and that URL pointed at the proxy. */
export async function proxyFor(databaseUrl: string): Promise<{ proxy: TcpProxy; url: string }> {
  const target = parseDatabaseUrl(databaseUrl);
  const proxy = await new TcpProxy(target.host, target.port).open();
  const url = new URL(databaseUrl);
  url.host = `127.0.0.1:${proxy.port}`;
  return { proxy, url: url.toString() };
}
