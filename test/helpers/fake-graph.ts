/**
 * A local stand-in for Microsoft Entra's token endpoint and the two Microsoft Graph lists the
 * bot reads, answering with the documented shapes, fed by what the fake Teams connector
 * delivered (a post to a conversation is a message in it, with the connector's id):
 *   POST /{tenant}/oauth2/v2.0/token (client credentials) → { token_type, expires_in, access_token }
 *   GET /v1.0/teams/{team-id}/channels/{channel-id}/messages?$top → top-level channel messages,
 *     newest-modified first, paged with @odata.nextLink
 *   GET /v1.0/chats/{chat-id}/messages?$top&$orderby=lastModifiedDateTime desc
 *     &$filter=lastModifiedDateTime gt … → the chat's messages in that range, newest first
 *   POST /v1.0/teams/{team-id}/installedApps ({ teamsApp@odata.bind, consentedPermissionSet })
 *     → 201 teamsAppInstallation, recorded in `installs`; 409 Conflict when already installed;
 *     `onInstall` then plays Teams' part (the installationUpdate to the bot)
 * A chatMessage's attachments carry each card as JSON text (content), as Graph returns them.
 * https://learn.microsoft.com/graph/api/resources/chatmessage
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ConnectorCall, FakeTeamsConnector } from "./fake-teams-connector.js";

export interface GraphRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  readonly status: number;
}

interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

const CHANNEL_PATH = /^\/v1\.0\/teams\/([^/]+)\/channels\/([^/]+)\/messages$/;
const CHAT_PATH = /^\/v1\.0\/chats\/([^/]+)\/messages$/;
const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;
const INSTALL_PATH = /^\/v1\.0\/teams\/([^/]+)\/installedApps$/;

export interface GraphInstall {
  readonly teamId: string;
  readonly body: Record<string, unknown>;
}
const MAX_TOP = 50;

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function chatMessage(call: ConnectorCall, botAppId: string) {
  const time = call.time.toISOString();
  const attachments =
    (call.body.attachments as { contentType: string; content: unknown }[] | undefined) ?? [];
  return {
    id: call.id,
    replyToId: null,
    messageType: "message",
    createdDateTime: time,
    lastModifiedDateTime: time,
    deletedDateTime: null,
    from: {
      user: null,
      application: { id: botAppId, displayName: "KPI Bot", applicationIdentityType: "bot" },
    },
    body: { contentType: "html", content: String(call.body.text ?? "") },
    attachments: attachments.map((a, i) => ({
      id: String(i),
      contentType: a.contentType,
      contentUrl: null,
      content: JSON.stringify(a.content),
      name: null,
      thumbnailUrl: null,
    })),
  };
}

export class FakeGraph {
  readonly requests: GraphRequest[] = [];
  /** Teams the bot is in: Entra group id → its channels' ids. */
  readonly teams = new Map<string, string[]>();
  /** The credentials the token endpoint accepts; undefined: it is not used (anonymous). */
  credentials: { clientId: string; clientSecret: string } | undefined;
  /** App installations made through POST /teams/{id}/installedApps. */
  readonly installs: GraphInstall[] = [];
  /** Called after an install (the test sends the bot Teams' installationUpdate). */
  onInstall: ((teamId: string) => Promise<void>) | undefined;
  private readonly issued = new Set<string>();
  private readonly failures: Reply[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly connector: FakeTeamsConnector,
    private readonly botAppId: string,
  ) {}

  static async start(connector: FakeTeamsConnector, botAppId = "kpi-bot-app-id"): Promise<FakeGraph> {
    let fake: FakeGraph | undefined;
    const server = createServer((req, res) => {
      fake?.handle(req).then(
        ({ status, body, headers }) => {
          res.writeHead(status, { "content-type": "application/json", ...headers });
          res.end(JSON.stringify(body));
        },
        (error: unknown) => {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: { code: "InternalServerError", message: String(error) } }));
        },
      );
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    fake = new FakeGraph(server, `http://127.0.0.1:${port}`, connector, botAppId);
    return fake;
  }

  /** Graph's base URL (TEAMS_GRAPH_URL). */
  get graphUrl(): string {
    return `${this.url}/v1.0`;
  }

  tokenUrl(tenant: string): string {
    return `${this.url}/${tenant}/oauth2/v2.0/token`;
  }

  /** The next `count` Graph list calls answer `reply` (403 without consent, 429, 503, …). */
  failNext(count: number, reply: Reply): void {
    for (let i = 0; i < count; i++) this.failures.push(reply);
  }

  /** Message list calls (not token requests). */
  get lists(): GraphRequest[] {
    return this.requests.filter((r) => r.method === "GET");
  }

  reset(): void {
    this.requests.length = 0;
    this.failures.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? "/", this.url);
    const reply = await this.answer(req, url);
    this.requests.push({
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
      status: reply.status,
    });
    return reply;
  }

  private async answer(req: IncomingMessage, url: URL): Promise<Reply> {
    if (req.method === "POST" && TOKEN_PATH.test(url.pathname)) return this.token(await readText(req));
    const install = req.method === "POST" ? INSTALL_PATH.exec(url.pathname) : null;
    if (req.method !== "GET" && !install)
      return { status: 405, body: { error: { code: "MethodNotAllowed" } } };
    if (this.credentials) {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      if (!token || !this.issued.has(token))
        return {
          status: 401,
          body: {
            error: { code: "InvalidAuthenticationToken", message: "Access token is empty or invalid." },
          },
        };
    }
    const failure = this.failures.shift();
    if (failure) return failure;
    if (install?.[1]) return this.install(decodeURIComponent(install[1]), await readText(req));
    const channel = CHANNEL_PATH.exec(url.pathname);
    if (channel?.[1] && channel[2]) {
      const [team, channelId] = [decodeURIComponent(channel[1]), decodeURIComponent(channel[2])];
      if (!this.teams.get(team)?.includes(channelId))
        return { status: 404, body: { error: { code: "NotFound", message: "Channel not found" } } };
      return this.page(url, this.messagesIn(channelId), () => true);
    }
    const chat = CHAT_PATH.exec(url.pathname);
    if (chat?.[1]) {
      const { orderby, after } = this.chatQuery(url);
      if (orderby === undefined) return { status: 400, body: { error: { code: "BadRequest" } } };
      return this.page(
        url,
        this.messagesIn(decodeURIComponent(chat[1])),
        (m) => after === undefined || m.time > after,
      );
    }
    return { status: 404, body: { error: { code: "NotFound", message: url.pathname } } };
  }

  private async install(teamId: string, text: string): Promise<Reply> {
    const body = JSON.parse(text || "{}") as Record<string, unknown>;
    const app = /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(String(body["teamsApp@odata.bind"] ?? ""))?.[1];
    if (!app) return { status: 400, body: { error: { code: "BadRequest", message: "teamsApp@odata.bind" } } };
    if (this.installs.some((i) => i.teamId === teamId))
      return { status: 409, body: { error: { code: "Conflict", message: "App is already installed." } } };
    this.installs.push({ teamId, body });
    // Teams tells the bot afterwards (installationUpdate), not before Graph answers.
    const told = this.onInstall;
    if (told) setImmediate(() => void told(teamId));
    return {
      status: 201,
      body: { "@odata.type": "#microsoft.graph.teamsAppInstallation", id: `${teamId}##${app}` },
    };
  }

  private token(form: string): Reply {
    const params = new URLSearchParams(form);
    const valid =
      this.credentials !== undefined &&
      params.get("grant_type") === "client_credentials" &&
      params.get("scope") === "https://graph.microsoft.com/.default" &&
      params.get("client_id") === this.credentials.clientId &&
      params.get("client_secret") === this.credentials.clientSecret;
    if (!valid)
      return {
        status: 401,
        body: {
          error: "invalid_client",
          error_description: "AADSTS7000215: Invalid client secret provided.",
        },
      };
    const token = `graph-token-${this.issued.size + 1}`;
    this.issued.add(token);
    return {
      status: 200,
      body: { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: token },
    };
  }

  /** $orderby must be lastModifiedDateTime desc when filtering on it (Graph ignores the filter otherwise). */
  private chatQuery(url: URL): { orderby: string | undefined; after: Date | undefined } {
    const orderby = url.searchParams.get("$orderby") ?? "lastModifiedDateTime desc";
    const filter = url.searchParams.get("$filter");
    const gt = filter ? /^lastModifiedDateTime gt (\S+)$/.exec(filter)?.[1] : undefined;
    if (filter && (!gt || orderby !== "lastModifiedDateTime desc"))
      return { orderby: undefined, after: undefined };
    return { orderby, after: gt ? new Date(gt) : undefined };
  }

  /** Top-level messages the connector delivered into a conversation, newest first. */
  private messagesIn(conversationId: string): ConnectorCall[] {
    // Later posts first among equal times too (the sort is stable).
    return this.connector.delivered
      .filter((c) => c.method === "POST" && c.conversationId === conversationId && !c.activityId)
      .reverse()
      .sort((a, b) => b.time.getTime() - a.time.getTime());
  }

  private page(url: URL, all: ConnectorCall[], keep: (call: ConnectorCall) => boolean): Reply {
    const top = Math.min(Math.max(Number(url.searchParams.get("$top")) || 20, 1), MAX_TOP);
    const skip = Number(url.searchParams.get("$skiptoken") ?? "0") || 0;
    const list = all.filter(keep);
    const slice = list.slice(skip, skip + top);
    const next = new URL(url);
    next.searchParams.set("$skiptoken", String(skip + top));
    return {
      status: 200,
      body: {
        "@odata.context": `${this.graphUrl}/$metadata#Collection(chatMessage)`,
        "@odata.count": slice.length,
        ...(skip + top < list.length ? { "@odata.nextLink": next.toString() } : {}),
        value: slice.map((c) => chatMessage(c, this.botAppId)),
      },
    };
  }
}
