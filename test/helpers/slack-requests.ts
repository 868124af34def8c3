/**
 * Requests as Slack sends them to POST /slack/events: slash commands (form-encoded),
 * interactivity (form field `payload` with JSON) and Events API callbacks (JSON), signed
 * with `v0=` HMAC-SHA256 of `v0:<timestamp>:<raw body>` — or deliberately mis-signed.
 */
import { createHmac } from "node:crypto";

export interface Signing {
  readonly secret: string;
  /** Unix seconds; default now. */
  readonly timestamp?: number;
  /** Replace the signature (bad signature) or drop the headers (missing). */
  readonly signature?: string | null;
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SentRequest {
  readonly status: number;
  readonly text: string;
  /** Milliseconds from sending to the complete HTTP response. */
  readonly ms: number;
}

export async function postToSlackEndpoint(
  url: string,
  body: string,
  contentType: string,
  signing: Signing,
  extraHeaders: Record<string, string> = {},
): Promise<SentRequest> {
  const timestamp = signing.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { "content-type": contentType };
  if (signing.signature !== null) {
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] = signing.signature ?? slackSignature(signing.secret, timestamp, body);
  }
  Object.assign(headers, extraHeaders); // last: a test may re-spell a signing header
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers, body });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

export function slashCommandBody(fields: {
  text: string;
  channelId: string;
  userId: string;
  responseUrl: string;
  command?: string;
}): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: "T0FAKE",
    team_domain: "fake",
    channel_id: fields.channelId,
    channel_name: "marketing",
    user_id: fields.userId,
    user_name: "ada",
    command: fields.command ?? "/kpi",
    text: fields.text,
    api_app_id: "A0FAKE",
    response_url: fields.responseUrl,
    trigger_id: "1.2.3",
  }).toString();
}

export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function eventBody(event: Record<string, unknown>, eventId?: string): string {
  return JSON.stringify({
    token: "deprecated-verification-token",
    team_id: "T0FAKE",
    api_app_id: "A0FAKE",
    type: "event_callback",
    event_id: eventId ?? `Ev${Math.random().toString(36).slice(2, 10)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T0FAKE", user_id: "UKPIBOT", is_bot: true }],
    event,
  });
}

export const FORM = "application/x-www-form-urlencoded";
export const JSON_TYPE = "application/json";
