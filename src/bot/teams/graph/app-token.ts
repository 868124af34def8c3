/**
 * An app-only Microsoft Graph token for the bot's own app (client credentials flow: the
 * Teams app id and password against the tenant's v2.0 token endpoint, scope
 * https://graph.microsoft.com/.default), kept until shortly before it expires. A plain POST
 * rather than the Agents SDK's MSAL provider, whose authority must be an Entra https host:
 * this one can be pointed at a local stand-in (TEAMS_TOKEN_URL).
 * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 */
import { DeliveryError } from "../../../schedule/delivery-error.js";

export const GRAPH_SCOPE = "https://graph.microsoft.com/.default";
/** A token is renewed this long before it expires. */
export const TOKEN_RENEW_MARGIN_MS = 5 * 60_000;
export const TOKEN_TIMEOUT_MS = 10_000;

export interface AppCredentials {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

interface TokenResponse {
  readonly access_token?: unknown;
  readonly expires_in?: unknown;
  readonly error?: unknown;
}

export class AppTokenSource {
  private cached: { token: string; renewAt: number } | undefined;

  constructor(
    private readonly credentials: AppCredentials,
    private readonly now: () => Date,
  ) {}

  /** The current token; throws a (retryable) DeliveryError when Entra refuses or cannot be reached. */
  async token(): Promise<string> {
    const at = this.now().getTime();
    if (this.cached && at < this.cached.renewAt) return this.cached.token;
    const body = new URLSearchParams({
      client_id: this.credentials.clientId,
      client_secret: this.credentials.clientSecret,
      scope: GRAPH_SCOPE,
      grant_type: "client_credentials",
    });
    let response: Response;
    try {
      response = await fetch(this.credentials.tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
        signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
      });
    } catch (error) {
      throw new DeliveryError("graph_token_unreachable", "Microsoft Entra token endpoint unreachable", {
        cause: error,
      });
    }
    const json = (await response.json().catch(() => ({}))) as TokenResponse;
    if (!response.ok || typeof json.access_token !== "string") {
      // The error code only (invalid_client, ...): the description may echo the request.
      const code = typeof json.error === "string" ? json.error : `http_${response.status}`;
      throw new DeliveryError("graph_token_refused", `Microsoft Entra refused a Graph token: ${code}`);
    }
    const lifetimeMs = (Number(json.expires_in) || 0) * 1000;
    this.cached = { token: json.access_token, renewAt: at + lifetimeMs - TOKEN_RENEW_MARGIN_MS };
    return json.access_token;
  }
}
