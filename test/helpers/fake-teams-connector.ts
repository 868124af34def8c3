/**
 * A local stand-in for the Bot Connector service that a Teams activity's serviceUrl names:
 * records every call to /v3/conversations/{id}/activities[/{activityId}] (POST = send or
 * reply, PUT = update), answers with new activity ids, and can be told to fail the next
 * calls (429 twice, ...), or to hold its reply to the next posts (the activity is delivered,
 * the caller never hears back: a process killed in that window). Only the process edge is
 * faked; the bot's own code runs for real.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ConnectorCall {
  readonly method: "POST" | "PUT" | "DELETE" | "GET";
  readonly conversationId: string;
  /** The activity replied to (POST) or updated (PUT). */
  readonly activityId: string | undefined;
  readonly body: Record<string, unknown>;
  readonly authorization: string | undefined;
  /** The status we answered. */
  readonly status: number;
  /** The id we gave a delivered activity. */
  readonly id: string | undefined;
  /** Milliseconds since the fake started. */
  readonly at: number;
  /** When the call arrived (wall clock): a delivered post's createdDateTime in Graph. */
  readonly time: Date;
}

export interface ScriptedFailure {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** An optional first segment stands for regional service URLs (https://smba.trafficmanager.net/amer/). */
const ACTIVITY_PATH = /^(?:\/[\w-]+)?\/v3\/conversations\/([^/?]+)\/activities(?:\/([^/?]+))?\/?(?:\?.*)?$/;

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export class FakeTeamsConnector {
  readonly calls: ConnectorCall[] = [];
  private readonly failures: ScriptedFailure[] = [];
  private nextId = 1;
  private holds = 0;
  /** Delivered calls whose reply was held (never sent). */
  readonly held: ConnectorCall[] = [];
  private readonly started = performance.now();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeTeamsConnector> {
    let fake: FakeTeamsConnector | undefined;
    const server = createServer((req, res) => {
      fake?.handle(req).then(
        ({ status, body, headers }) => {
          res.writeHead(status, { "content-type": "application/json", ...headers });
          res.end(JSON.stringify(body));
        },
        (error: unknown) => {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: String(error) }));
        },
      );
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    fake = new FakeTeamsConnector(server, `http://127.0.0.1:${port}/`);
    return fake;
  }

  /** The next `count` activity calls answer `status` (with headers such as Retry-After). */
  failNext(count: number, failure: ScriptedFailure): void {
    for (let i = 0; i < count; i++) this.failures.push(failure);
  }

  /** The next `count` posts are delivered but never answered. */
  hold(count = 1): void {
    this.holds += count;
  }

  /** Calls that were answered 2xx: what Teams would show. */
  get delivered(): ConnectorCall[] {
    return this.calls.filter((call) => call.status < 300);
  }

  /** Polls until `predicate` holds (bounded), then returns the delivered calls. */
  async waitFor(
    predicate: (delivered: ConnectorCall[]) => boolean,
    timeoutMs = 15_000,
  ): Promise<ConnectorCall[]> {
    const deadline = performance.now() + timeoutMs;
    while (!predicate(this.delivered)) {
      if (performance.now() > deadline) {
        throw new Error(`fake connector: condition not met in ${timeoutMs} ms; calls: ${this.describe()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.delivered;
  }

  describe(): string {
    return JSON.stringify(
      this.calls.map((c) => `${c.method} ${c.conversationId} ${c.activityId ?? ""} ${c.status}`),
    );
  }

  reset(): void {
    this.calls.length = 0;
    this.failures.length = 0;
    this.held.length = 0;
    this.holds = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: unknown; headers?: Readonly<Record<string, string>> }> {
    const match = ACTIVITY_PATH.exec(req.url ?? "");
    const body = await readJson(req);
    if (!match?.[1]) return { status: 404, body: { error: { code: "NotFound", message: req.url } } };
    const method = (req.method ?? "GET") as ConnectorCall["method"];
    const failure = this.failures.shift();
    const status = failure?.status ?? (method === "PUT" ? 200 : 201);
    const id = status < 300 ? `activity-${this.nextId++}` : undefined;
    const call: ConnectorCall = {
      method,
      conversationId: decodeURIComponent(match[1]),
      activityId: match[2] ? decodeURIComponent(match[2]) : undefined,
      body,
      authorization: req.headers.authorization,
      status,
      id,
      at: performance.now() - this.started,
      time: new Date(),
    };
    this.calls.push(call);
    if (!failure && method === "POST" && this.holds > 0) {
      this.holds--;
      this.held.push(call);
      return new Promise(() => undefined);
    }
    if (failure)
      return {
        status,
        body: { error: { code: "Throttled" } },
        ...(failure.headers ? { headers: failure.headers } : {}),
      };
    return { status, body: { id } };
  }
}
