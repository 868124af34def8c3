/**
 * Requests as Slack sends them to POST /slack/events: slash commands (form-encoded),
 * interactivity (form field `payload` with JSON) and Events API callbacks (JSON), signed
 * with `v0=` HMAC-SHA256 of `v0:<timestamp>:<raw body>` — or deliberately mis-signed. The
 * payloads themselves are what Socket Mode envelopes carry too (fake-slack-socket.ts).
 */
import { createHmac, randomBytes } from "node:crypto";

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

/** A slash command's fields as Slack sends them (form fields over HTTP, a JSON payload over Socket Mode). */
export function slashCommandFields(fields: {
  text: string;
  channelId: string;
  userId: string;
  responseUrl: string;
  command?: string;
  triggerId?: string;
}): Record<string, string> {
  return {
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
    trigger_id: fields.triggerId ?? newTriggerId(),
  };
}

export function slashCommandBody(fields: Parameters<typeof slashCommandFields>[0]): string {
  return new URLSearchParams(slashCommandFields(fields)).toString();
}

/** A fresh trigger id, unique like Slack's (one per command or button press). */
export function newTriggerId(): string {
  return `${Date.now()}.${randomBytes(6).toString("hex")}`;
}

/** The block_actions payload of pressing `button` under a posted answer (`message`: its ts, text and blocks). */
export function blockActionPayload(fields: {
  message: { ts: string; text: unknown; blocks: unknown };
  button: { action_id: string; value: string; text: unknown };
  channelId: string;
  userId: string;
  responseUrl: string;
  triggerId?: string;
  /** The pressed button's block (default the answer's actions row). */
  blockId?: string;
}): Record<string, unknown> {
  const { message, button } = fields;
  return {
    type: "block_actions",
    user: { id: fields.userId, username: "ada", name: "ada", team_id: "T0FAKE" },
    api_app_id: "A0FAKE",
    token: "deprecated",
    container: { type: "message", message_ts: message.ts, channel_id: fields.channelId, is_ephemeral: false },
    trigger_id: fields.triggerId ?? newTriggerId(),
    team: { id: "T0FAKE", domain: "fake" },
    channel: { id: fields.channelId, name: "marketing" },
    message: {
      type: "message",
      ts: message.ts,
      text: message.text,
      blocks: message.blocks,
      bot_id: "BKPIBOT",
    },
    response_url: fields.responseUrl,
    actions: [
      {
        type: "button",
        action_id: button.action_id,
        block_id: fields.blockId ?? "kpi_answer_actions",
        value: button.value,
        text: button.text,
        action_ts: "1790000000.1",
      },
    ],
  };
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

/** Pressing a button on a user's App Home: a block_actions from a `home` view (no channel, no response_url). */
export function homeButtonPayload(fields: {
  actionId: string;
  userId: string;
  triggerId?: string;
}): Record<string, unknown> {
  return {
    type: "block_actions",
    user: { id: fields.userId, username: "ada", name: "ada", team_id: "T0FAKE" },
    api_app_id: "A0FAKE",
    token: "deprecated",
    container: { type: "view", view_id: "VHOME" },
    trigger_id: fields.triggerId ?? newTriggerId(),
    team: { id: "T0FAKE", domain: "fake" },
    view: { id: "VHOME", type: "home", team_id: "T0FAKE", callback_id: "", state: { values: {} } },
    actions: [
      {
        type: "button",
        action_id: fields.actionId,
        block_id: "home_forms",
        text: { type: "plain_text", text: "New" },
        action_ts: "1790000000.2",
      },
    ],
  };
}

/** One field's state in a submitted view, as Slack reports it per element type. */
export type FieldState =
  | { readonly type: "static_select"; readonly value: string }
  | { readonly type: "plain_text_input"; readonly value: string | null }
  | { readonly type: "timepicker"; readonly value: string | null }
  | { readonly type: "conversations_select"; readonly value: string | null };

function fieldState(state: FieldState): Record<string, unknown> {
  switch (state.type) {
    case "static_select":
      return {
        type: state.type,
        selected_option: { text: { type: "plain_text", text: state.value }, value: state.value },
      };
    case "plain_text_input":
      return { type: state.type, value: state.value };
    case "timepicker":
      return { type: state.type, selected_time: state.value };
    case "conversations_select":
      return { type: state.type, selected_conversation: state.value };
  }
}

/**
 * Submitting a modal (view_submission): the view that was opened (its callback_id and blocks)
 * with the person's input in state.values, keyed by block id and action id as Slack sends it.
 */
export function viewSubmissionPayload(fields: {
  view: Record<string, unknown>;
  values: Record<string, FieldState>;
  userId: string;
  actionId?: string;
  triggerId?: string;
}): Record<string, unknown> {
  const actionId = fields.actionId ?? "value";
  const values = Object.fromEntries(
    Object.entries(fields.values).map(([blockId, state]) => [blockId, { [actionId]: fieldState(state) }]),
  );
  return {
    type: "view_submission",
    team: { id: "T0FAKE", domain: "fake" },
    user: { id: fields.userId, username: "ada", name: "ada", team_id: "T0FAKE" },
    api_app_id: "A0FAKE",
    token: "deprecated",
    trigger_id: fields.triggerId ?? newTriggerId(),
    view: {
      id: "VFORM1",
      team_id: "T0FAKE",
      app_id: "A0FAKE",
      bot_id: "BKPIBOT",
      private_metadata: "",
      root_view_id: "VFORM1",
      previous_view_id: null,
      hash: "1790000000.abcdef",
      ...fields.view,
      state: { values },
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}
