/**
 * A local fake of Slack's Web API for end-to-end tests: a node http server on 127.0.0.1
 * that records every call and answers like Slack does (form-encoded or JSON arguments,
 * `ok: false` with an error code, 429 with Retry-After). It serves the Web API methods the
 * bot uses (the assistant container's assistant.threads.* too), the upload URLs it hands out
 * (multipart bodies, bytes recorded) and response_url endpoints. Replies can be scripted per
 * method, e.g. one 429, or held: the call takes effect (a message is posted) but its reply never comes, as when the caller dies first.
 * Posted messages keep their metadata and are listed by conversations.history/.replies;
 * `ts` follows the real clock like Slack's, so `oldest` bounds work. With `socketMode()` on,
 * apps.connections.open hands out WebSocket URLs on the same port (fake-slack-socket.ts).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { blockKitProblems, messageProblems, modalProblems } from "./block-kit-check.js";
import { FakeHistory } from "./fake-slack-history.js";
import { multipartFile, parseArgs, readBody } from "./fake-slack-http.js";
import { FakeSocketMode, SOCKET_PATH } from "./fake-slack-socket.js";

export interface FakeCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  /** Authorization header was "Bearer <token>" with this token. */
  readonly token: string | undefined;
  readonly status: number;
  /** Slack's `ok` in the reply (false for ok:false and for HTTP errors). */
  readonly ok: boolean;
  readonly error: string | undefined;
  /** What the fake answered (e.g. the posted message's `ts`). */
  readonly reply: Record<string, unknown>;
  readonly at: number;
}

export interface FakeUpload {
  readonly fileId: string;
  readonly filename: string;
  readonly altText: string | undefined;
  readonly bytes: Buffer;
}

export interface FakeResponse {
  readonly id: string;
  readonly body: Record<string, unknown>;
  readonly at: number;
}

export interface ScriptedReply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: Record<string, unknown>;
}

export class FakeSlack {
  readonly calls: FakeCall[] = [];
  readonly uploads: FakeUpload[] = [];
  readonly responses: FakeResponse[] = [];
  /** Calls whose reply was held (never sent). */
  readonly held: FakeCall[] = [];
  readonly history = new FakeHistory();
  private readonly scripts = new Map<string, ScriptedReply[]>();
  private readonly holds = new Map<string, number>();
  private readonly hooks = new Map<string, Array<() => void>>();
  private socket: FakeSocketMode | undefined;
  private readonly pending = new Map<string, { filename: string; altText: string | undefined }>();
  private lastTs = 0;
  /** chat.postMessage's per-channel limit (postsPerChannel), and when each channel last got a post. */
  private postGapMs: number | undefined;
  private readonly lastPostAt = new Map<string, number>();
  private nextFile = 1;
  private nextView = 1;
  private readonly usedTriggers = new Set<string>();
  private server: Server | undefined;
  private base = "";

  /** The Web API base URL (SLACK_API_URL). */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.base}/response/${id}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, headers, body }) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(body));
      });
    });
    this.server.on("upgrade", (req, socket) => {
      if (this.socket && (req.url ?? "").startsWith(SOCKET_PATH)) this.socket.upgrade(req, socket);
      else socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Socket Mode on this fake: apps.connections.open answers with a ws:// URL on its port. */
  socketMode(): FakeSocketMode {
    this.socket ??= new FakeSocketMode(() => this.base);
    return this.socket;
  }

  async close(): Promise<void> {
    if (this.socket) this.socket.drop();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `times` calls of `method` get this reply instead of the normal one. */
  script(method: string, reply: ScriptedReply, times = 1): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...Array(times).fill(reply)]);
  }

  /**
   * Emulates Slack's limit on chat.postMessage, about one message per second per channel: a
   * post into a channel less than `minGapMs` after the last one there is refused with a 429
   * (Retry-After: 1, error `ratelimited`) and posts nothing. Off until called; reset() keeps it.
   */
  limitPostsPerChannel(minGapMs = 1_000): void {
    this.postGapMs = minGapMs;
  }

  /** The next `times` calls of `method` take effect but get no reply at all. */
  hold(method: string, times = 1): void {
    this.holds.set(method, (this.holds.get(method) ?? 0) + times);
  }

  /** Runs `effect` when the next call of `method` arrives, before it is answered. */
  onNextCall(method: string, effect: () => void): void {
    this.hooks.set(method, [...(this.hooks.get(method) ?? []), effect]);
  }

  /** Successful calls of a method (status 200, ok: true), in order. */
  ok(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method && c.ok);
  }

  attempts(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  reset(): void {
    this.calls.length = 0;
    this.uploads.length = 0;
    this.responses.length = 0;
    this.held.length = 0;
    this.history.messages.length = 0;
    this.scripts.clear();
    this.holds.clear();
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; headers?: Record<string, string>; body: unknown }> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", this.base);
    const contentType = String(req.headers["content-type"] ?? "");
    if (url.pathname.startsWith("/upload/")) return this.upload(url.pathname.slice(8), raw, req);
    if (url.pathname.startsWith("/response/")) {
      this.responses.push({ id: url.pathname.slice(10), body: parseArgs(raw, contentType), at: Date.now() });
      return { status: 200, body: { ok: true } };
    }
    const method = url.pathname.replace(/^\/api\//, "");
    const args = parseArgs(raw, contentType);
    const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
    this.hooks.get(method)?.shift()?.();
    const scripted = this.scripts.get(method)?.shift() ?? this.rateLimited(method, args);
    const reply = scripted ?? this.answer(method, args, token);
    const status = reply.status ?? 200;
    const ok = status === 200 && reply.body?.ok !== false;
    const error = typeof reply.body?.error === "string" ? reply.body.error : undefined;
    const body = reply.body ?? { ok: true };
    const call = { method, args, token, status, ok, error, reply: body, at: Date.now() };
    this.calls.push(call);
    const holds = this.holds.get(method) ?? 0;
    if (holds > 0) {
      this.holds.set(method, holds - 1);
      this.held.push(call);
      return new Promise(() => undefined);
    }
    return { status, ...(reply.headers ? { headers: reply.headers } : {}), body };
  }

  /** A 429 when a post comes too soon after the last one into its channel (limitPostsPerChannel). */
  private rateLimited(method: string, args: Record<string, unknown>): ScriptedReply | undefined {
    if (method !== "chat.postMessage" || this.postGapMs === undefined) return undefined;
    const channel = String(args.channel);
    const now = Date.now();
    const last = this.lastPostAt.get(channel);
    if (last !== undefined && now - last < this.postGapMs) {
      return { status: 429, headers: { "retry-after": "1" }, body: { ok: false, error: "ratelimited" } };
    }
    this.lastPostAt.set(channel, now);
    return undefined;
  }

  private answer(method: string, args: Record<string, unknown>, token: string | undefined): ScriptedReply {
    const ts = () => {
      this.lastTs = Math.max(this.lastTs + 1, Date.now() * 1000);
      return String(this.lastTs).replace(/(\d{6})$/, ".$1");
    };
    switch (method) {
      case "auth.test":
        return {
          body: {
            ok: true,
            user_id: "UKPIBOT",
            bot_id: "BKPIBOT",
            team_id: "T0FAKE",
            team: "Fake",
            user: "kpi",
          },
        };
      case "apps.connections.open":
        return {
          body: this.socket ? this.socket.openConnection(token) : { ok: false, error: "unknown_method" },
        };
      case "chat.postMessage":
      case "chat.update": {
        const problems = messageProblems(args);
        if (problems.length > 0) return { body: { ok: false, error: "invalid_blocks", problems } };
        if (method === "chat.update") return { body: { ok: true, channel: args.channel, ts: args.ts } };
        const posted = ts();
        this.history.add(String(args.channel), posted, args);
        return { body: { ok: true, channel: args.channel, ts: posted } };
      }
      case "chat.unfurl": {
        const where = (args.channel && args.ts) || (args.unfurl_id && args.source);
        if (!where) return { body: { ok: false, error: "invalid_arguments" } };
        const unfurls = (args.unfurls ?? {}) as Record<string, { blocks?: unknown }>;
        if (Object.keys(unfurls).length === 0) return { body: { ok: false, error: "invalid_unfurls" } };
        const problems = Object.values(unfurls).flatMap((u) => blockKitProblems(u.blocks, "message"));
        return problems.length > 0
          ? { body: { ok: false, error: "invalid_unfurls", problems } }
          : { body: { ok: true } };
      }
      case "conversations.history":
        return this.history.history(args);
      case "conversations.replies":
        return this.history.replies(args);
      case "chat.postEphemeral":
        return { body: { ok: true, message_ts: ts() } };
      // The assistant container (recorded in `calls` like every method, in order).
      case "assistant.threads.setStatus":
        return {
          body: args.channel_id && args.thread_ts ? { ok: true } : { ok: false, error: "invalid_arguments" },
        };
      case "assistant.threads.setTitle":
        return { body: args.title ? { ok: true } : { ok: false, error: "invalid_arguments" } };
      case "assistant.threads.setSuggestedPrompts": {
        const prompts = (args.prompts as { title?: string; message?: string }[] | undefined) ?? [];
        const valid = prompts.length > 0 && prompts.length <= 4 && prompts.every((p) => p.title && p.message);
        return { body: valid ? { ok: true } : { ok: false, error: "invalid_arguments" } };
      }
      case "views.publish": {
        const problems = blockKitProblems((args.view as { blocks?: unknown })?.blocks, "home");
        return problems.length > 0
          ? { body: { ok: false, error: "invalid_blocks", problems } }
          : { body: { ok: true } };
      }
      case "views.open": {
        // A trigger id is good for one views.open (and for 3 s, not checked here).
        const trigger = String(args.trigger_id ?? "");
        if (trigger === "" || this.usedTriggers.has(trigger))
          return { body: { ok: false, error: "invalid_trigger_id" } };
        this.usedTriggers.add(trigger);
        const problems = modalProblems(args.view);
        return problems.length > 0
          ? { body: { ok: false, error: "invalid_arguments", problems } }
          : { body: { ok: true, view: { id: `V${this.nextView++}`, ...(args.view as object) } } };
      }
      case "files.getUploadURLExternal": {
        if (!args.filename || !Number(args.length))
          return { body: { ok: false, error: "invalid_arguments" } };
        const fileId = `F${String(this.nextFile++).padStart(6, "0")}`;
        this.pending.set(fileId, {
          filename: String(args.filename),
          altText: args.alt_text as string | undefined,
        });
        return { body: { ok: true, file_id: fileId, upload_url: `${this.base}/upload/${fileId}` } };
      }
      case "files.completeUploadExternal": {
        const files = (args.files as { id: string }[] | undefined) ?? [];
        const missing = files.some((f) => !this.uploads.some((u) => u.fileId === f.id));
        if (files.length === 0 || missing) return { body: { ok: false, error: "file_not_found" } };
        return { body: { ok: true, files: files.map((f) => ({ id: f.id })) } };
      }
      default:
        return { body: { ok: false, error: "unknown_method" } };
    }
  }

  private async upload(fileId: string, raw: Buffer, req: IncomingMessage) {
    const pending = this.pending.get(fileId);
    const scripted = this.scripts.get("upload")?.shift();
    const bytes =
      pending && !scripted
        ? await multipartFile(raw, String(req.headers["content-type"]), "body")
        : undefined;
    const status = bytes ? 200 : (scripted?.status ?? 400);
    const body = bytes ? { ok: true } : (scripted?.body ?? { ok: false });
    if (pending && bytes) this.uploads.push({ fileId, ...pending, bytes });
    const error = bytes ? undefined : "upload_failed";
    this.calls.push({
      method: "upload",
      args: { fileId },
      token: undefined,
      status,
      ok: !!bytes,
      error,
      reply: body,
      at: Date.now(),
    });
    return { status, body };
  }
}

export async function startFakeSlack(): Promise<FakeSlack> {
  return new FakeSlack().start();
}
