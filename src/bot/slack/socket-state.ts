/**
 * The state of the Socket Mode connection, from the Socket Mode client's events, for /readyz and
 * the log. The client emits no "disconnected" while it reconnects by itself (after Slack's
 * `disconnect` message or a dropped connection, about 5 s later), so a closed WebSocket
 * counts as down — "reconnecting" — until the next `hello` ("connected").
 */
import type { Logger } from "../../log.js";

export type SocketState = "connecting" | "connected" | "reconnecting" | "disconnected";

/** What is watched: the Socket Mode client's events (an EventEmitter). */
export interface SocketEvents {
  on(event: string, listener: () => void): unknown;
}

export interface SocketWatch {
  state(): SocketState;
  /** Connections completed (hello received) since the start: 1 + reconnections. */
  connects(): number;
}

export function watchSocket(client: SocketEvents, log: Logger): SocketWatch {
  let state: SocketState = "connecting";
  let connects = 0;
  let stopping = false;
  client.on("connected", () => {
    state = "connected";
    connects += 1;
    log.info({ platform: "slack", connects }, "Slack Socket Mode connected");
  });
  // The WebSocket closed: the client reconnects unless it is being stopped.
  client.on("close", () => {
    if (stopping || state === "disconnected") return;
    if (state === "connected")
      log.warn({ platform: "slack" }, "Slack Socket Mode connection lost: reconnecting");
    state = "reconnecting";
  });
  client.on("disconnecting", () => {
    stopping = true;
  });
  client.on("disconnected", () => {
    state = "disconnected";
  });
  return { state: () => state, connects: () => connects };
}
