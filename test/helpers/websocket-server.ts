/**
 * The server side of a WebSocket (RFC 6455) on a node http server's `upgrade`, as much as the
 * fake Slack needs: the opening handshake, text messages both ways (client frames masked,
 * fragmented ones joined), ping answered with pong, the closing handshake, and `drop()`, which
 * cuts the TCP connection without a close frame (a network failure). No extensions are
 * negotiated, so nothing is compressed. Written here because `ws` is not among the installed
 * packages; its surface is kept small enough to swap for `ws` later.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

const HANDSHAKE_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
const OP_CONTINUATION = 0x0;
const OP_TEXT = 0x1;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;
/** How long a close we started waits for the peer's close frame before cutting the connection. */
const CLOSE_WAIT_MS = 2000;

interface Frame {
  readonly fin: boolean;
  readonly opcode: number;
  readonly payload: Buffer;
}

/** One frame from the front of `buffer`, or undefined while it is incomplete. */
function readFrame(buffer: Buffer): { frame: Frame; size: number } | undefined {
  if (buffer.length < 2) return undefined;
  const first = buffer[0] as number;
  const second = buffer[1] as number;
  let length = second & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return undefined;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return undefined;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const masked = (second & 0x80) !== 0;
  const mask = masked ? buffer.subarray(offset, offset + 4) : undefined;
  if (masked) offset += 4;
  if (buffer.length < offset + length) return undefined;
  const payload = Buffer.from(buffer.subarray(offset, offset + length));
  if (mask)
    for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] as number) ^ (mask[i % 4] as number);
  return { frame: { fin: (first & 0x80) !== 0, opcode: first & 0x0f, payload }, size: offset + length };
}

function frameOf(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65_536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(length)]);
  return Buffer.concat([header, payload]);
}

function bigLength(length: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(length));
  return bytes;
}

export interface WebSocketHandlers {
  message(text: string): void;
  /** Once, however the connection ended (close handshake, drop, or the peer vanishing). */
  closed(): void;
}

export class WebSocketConnection {
  private buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private closing = false;
  private ended = false;

  constructor(
    private readonly socket: Duplex,
    private readonly handlers: WebSocketHandlers,
  ) {
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
    // The http server's sockets allow half-open connections: the peer gone (FIN) ends ours too.
    socket.on("end", () => socket.destroy());
    socket.on("close", () => this.end());
    socket.on("error", () => socket.destroy());
  }

  get open(): boolean {
    return !this.ended && !this.closing;
  }

  send(text: string): void {
    if (this.open) this.socket.write(frameOf(OP_TEXT, Buffer.from(text, "utf8")));
  }

  /** The closing handshake: a close frame, then the connection ends when the peer answers. */
  close(code = 1000): void {
    if (!this.open) return;
    this.closing = true;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    this.socket.write(frameOf(OP_CLOSE, payload));
    setTimeout(() => this.socket.destroy(), CLOSE_WAIT_MS).unref();
  }

  /** Cuts the TCP connection with no close frame, as a network failure would. */
  drop(): void {
    this.socket.destroy();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.handlers.closed();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const read = readFrame(this.buffer);
      if (!read) return;
      this.buffer = this.buffer.subarray(read.size);
      this.handle(read.frame);
    }
  }

  private handle(frame: Frame): void {
    switch (frame.opcode) {
      case OP_PING:
        if (!this.ended) this.socket.write(frameOf(OP_PONG, frame.payload));
        return;
      case OP_CLOSE:
        if (!this.closing) {
          this.closing = true;
          this.socket.write(frameOf(OP_CLOSE, frame.payload.subarray(0, 2)));
        }
        this.socket.end();
        return;
      case OP_TEXT:
      case OP_CONTINUATION: {
        this.fragments.push(frame.payload);
        if (!frame.fin) return;
        const text = Buffer.concat(this.fragments).toString("utf8");
        this.fragments = [];
        if (!this.ended) this.handlers.message(text);
        return;
      }
      default:
        return; // pong, binary: nothing the fake needs
    }
  }
}

/** Completes the opening handshake of an `upgrade` request; undefined (connection refused) if it is not one. */
export function acceptWebSocket(
  req: IncomingMessage,
  socket: Duplex,
  handlers: WebSocketHandlers,
): WebSocketConnection | undefined {
  const key = req.headers["sec-websocket-key"];
  if (String(req.headers.upgrade).toLowerCase() !== "websocket" || typeof key !== "string") {
    socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    return undefined;
  }
  const accept = createHash("sha1").update(`${key}${HANDSHAKE_GUID}`).digest("base64");
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  return new WebSocketConnection(socket, handlers);
}
