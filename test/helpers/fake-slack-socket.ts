/**
 * Slack's Socket Mode, faked on the fake Web API's own port (fake-slack.ts): apps.connections.open
 * with an app-level token hands out a ws:// URL; each connection is greeted with `hello`; the
 * test sends envelopes (`slash_commands`, `interactive`, `events_api`), which go round-robin to
 * the open connections (or wait for one), and the bot acks each by `envelope_id`. As Slack
 * does: an envelope not acked when its connection ends is delivered again on another (or the
 * next) connection with `retry_attempt` + 1 and `retry_reason`; a connection told `disconnect`
 * gets no new envelopes; `link_disabled` also refuses new connections until `enable()`.
 * (Slack also re-sends an events_api envelope not acked within 3 s while the connection stays
 * up; the fake does not, so the tests stay deterministic.)
 * Docs: https://docs.slack.dev/apis/events-api/using-socket-mode
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { acceptWebSocket, type WebSocketConnection } from "./websocket-server.js";

export type EnvelopeType = "slash_commands" | "interactive" | "events_api";
export type DisconnectReason = "refresh_requested" | "link_disabled" | "warning";

/** One delivery attempt of an envelope on one connection. */
export interface Attempt {
  readonly envelopeId: string;
  readonly connection: number;
  readonly retryAttempt: number;
  readonly at: number;
  /** performance.now() when sent. */
  readonly sentMono: number;
}

export interface Ack {
  readonly envelopeId: string;
  readonly connection: number;
  /** Milliseconds from sending the acked attempt to its ack (monotonic clock). */
  readonly latencyMs: number;
  /** The ack's payload (a slash command's immediate reply, when it has one). */
  readonly payload: Record<string, unknown>;
  readonly at: number;
}

/** What the test sent, and what became of it. */
export interface SentEnvelope {
  readonly type: EnvelopeType;
  readonly payload: Record<string, unknown>;
  /** When the test handed it to the fake. */
  readonly sentAt: number;
  readonly attempts: Attempt[];
  ack: Ack | undefined;
}

export interface SocketConnection {
  readonly id: number;
  readonly ticket: string;
  /** Told `disconnect`: gets no new envelopes. */
  draining: boolean;
  closed: boolean;
  readonly openedAt: number;
  closedAt: number | undefined;
  readonly socket: WebSocketConnection;
}

export const SOCKET_PATH = "/link/";
const APP_ID = "A0FAKE";

export class FakeSocketMode {
  readonly connections: SocketConnection[] = [];
  readonly envelopes: SentEnvelope[] = [];
  /** Acks for envelope ids the fake did not send, or sent after the envelope was already acked. */
  readonly strayAcks: Record<string, unknown>[] = [];
  private readonly tickets = new Set<string>();
  private readonly queue: SentEnvelope[] = [];
  private readonly ackWaiters = new Map<SentEnvelope, Array<(ack: Ack) => void>>();
  private enabled = true;
  private disabledError = "";
  private acksToLose = 0;
  private turn = 0;

  constructor(private readonly baseUrl: () => string) {}

  /** apps.connections.open: a URL for one connection, for an app-level token only. */
  openConnection(token: string | undefined): { ok: boolean; [key: string]: unknown } {
    if (!token?.startsWith("xapp-")) return { ok: false, error: "not_allowed_token_type" };
    if (!this.enabled) return { ok: false, error: this.disabledError };
    const ticket = randomBytes(8).toString("hex");
    this.tickets.add(ticket);
    const url = `${this.baseUrl().replace(/^http/, "ws")}${SOCKET_PATH}?ticket=${ticket}&app_id=${APP_ID}`;
    return { ok: true, url };
  }

  /** The http server's `upgrade` on the socket path. */
  upgrade(req: IncomingMessage, socket: Duplex): void {
    const ticket = new URL(req.url ?? "/", "http://fake").searchParams.get("ticket") ?? "";
    if (!this.tickets.delete(ticket)) {
      socket.end("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n");
      return;
    }
    const id = this.connections.length + 1;
    const socketConnection = acceptWebSocket(req, socket, {
      message: (text) => this.receive(id, text),
      closed: () => this.closed(id),
    });
    if (!socketConnection) return;
    const connection: SocketConnection = {
      id,
      ticket,
      draining: false,
      closed: false,
      openedAt: Date.now(),
      closedAt: undefined,
      socket: socketConnection,
    };
    this.connections.push(connection);
    socketConnection.send(
      JSON.stringify({
        type: "hello",
        num_connections: this.open().length,
        debug_info: { host: `applink-fake-${id}`, approximate_connection_time: 18060 },
        connection_info: { app_id: APP_ID },
      }),
    );
    this.flush();
  }

  /** Connections that take envelopes now. */
  open(): SocketConnection[] {
    return this.connections.filter((c) => !c.closed && !c.draining);
  }

  slashCommand(payload: Record<string, unknown>): SentEnvelope {
    return this.send("slash_commands", payload);
  }

  interactive(payload: Record<string, unknown>): SentEnvelope {
    return this.send("interactive", payload);
  }

  /** An events_api envelope around `event` (event_id fixed by the caller or made up). */
  event(event: Record<string, unknown>, eventId?: string): SentEnvelope {
    return this.send("events_api", {
      token: "deprecated-verification-token",
      team_id: "T0FAKE",
      api_app_id: APP_ID,
      type: "event_callback",
      event_id: eventId ?? `Ev${randomBytes(5).toString("hex")}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: "T0FAKE", user_id: "UKPIBOT", is_bot: true }],
      event,
    });
  }

  /** Server-initiated `disconnect` to the given connections (default: all open ones). */
  disconnect(reason: DisconnectReason, connections: SocketConnection[] = this.open()): void {
    // Slack's reply to apps.connections.open while Socket Mode is off is not documented; the
    // code is this fake's own, and any error other than a token error reads the same to the client.
    if (reason === "link_disabled") this.disable("socket_mode_disabled");
    for (const connection of connections) {
      connection.draining = true;
      connection.socket.send(
        JSON.stringify({ type: "disconnect", reason, debug_info: { host: `applink-fake-${connection.id}` } }),
      );
    }
  }

  /** Cuts the given connections (default: all) with no close frame. */
  drop(connections: SocketConnection[] = this.connections.filter((c) => !c.closed)): void {
    for (const connection of connections) connection.socket.drop();
  }

  /** apps.connections.open fails with `error` until enable(). */
  disable(error: string): void {
    this.enabled = false;
    this.disabledError = error;
  }

  enable(): void {
    this.enabled = true;
  }

  /** The next `times` acks are lost on the way (the envelopes stay unacked). */
  loseAcks(times = 1): void {
    this.acksToLose += times;
  }

  private send(type: EnvelopeType, payload: Record<string, unknown>): SentEnvelope {
    const sent: SentEnvelope = { type, payload, sentAt: Date.now(), attempts: [], ack: undefined };
    this.envelopes.push(sent);
    this.queue.push(sent);
    this.flush();
    return sent;
  }

  /** Delivers what waits, round-robin over the open connections. */
  private flush(): void {
    for (;;) {
      const targets = this.open();
      if (targets.length === 0 || this.queue.length === 0) return;
      const envelope = this.queue.shift() as SentEnvelope;
      const connection = targets[this.turn++ % targets.length] as SocketConnection;
      const retryAttempt = envelope.attempts.length;
      const attempt: Attempt = {
        envelopeId: randomBytes(12).toString("hex"),
        connection: connection.id,
        retryAttempt,
        at: Date.now(),
        sentMono: performance.now(),
      };
      envelope.attempts.push(attempt);
      connection.socket.send(
        JSON.stringify({
          envelope_id: attempt.envelopeId,
          type: envelope.type,
          payload: envelope.payload,
          accepts_response_payload: envelope.type !== "events_api",
          ...(envelope.type === "events_api"
            ? { retry_attempt: retryAttempt, retry_reason: retryAttempt > 0 ? "timeout" : "" }
            : {}),
        }),
      );
    }
  }

  private receive(connectionId: number, text: string): void {
    let message: { envelope_id?: unknown; payload?: unknown };
    try {
      message = JSON.parse(text);
    } catch {
      this.strayAcks.push({ unparsable: text.slice(0, 200) });
      return;
    }
    const envelope = this.envelopes.find((e) => e.attempts.some((a) => a.envelopeId === message.envelope_id));
    if (!envelope || envelope.ack) {
      this.strayAcks.push(message as Record<string, unknown>);
      return;
    }
    if (this.acksToLose > 0) {
      this.acksToLose -= 1;
      return;
    }
    const attempt = envelope.attempts.find((a) => a.envelopeId === message.envelope_id) as Attempt;
    const ack: Ack = {
      envelopeId: attempt.envelopeId,
      connection: connectionId,
      latencyMs: performance.now() - attempt.sentMono,
      payload: (message.payload ?? {}) as Record<string, unknown>,
      at: Date.now(),
    };
    envelope.ack = ack;
    for (const resolve of this.ackWaiters.get(envelope) ?? []) resolve(ack);
    this.ackWaiters.delete(envelope);
  }

  /** The envelope's ack, when it comes. */
  acked(envelope: SentEnvelope): Promise<Ack> {
    if (envelope.ack) return Promise.resolve(envelope.ack);
    return new Promise((resolve) => {
      this.ackWaiters.set(envelope, [...(this.ackWaiters.get(envelope) ?? []), resolve]);
    });
  }

  /** A connection ended: what it left unacked goes out again. */
  private closed(connectionId: number): void {
    const connection = this.connections.find((c) => c.id === connectionId);
    if (!connection) return;
    connection.closed = true;
    connection.closedAt = Date.now();
    for (const envelope of this.envelopes) {
      const last = envelope.attempts.at(-1);
      if (!envelope.ack && last?.connection === connectionId && !this.queue.includes(envelope)) {
        this.queue.push(envelope);
      }
    }
    this.flush();
  }
}
