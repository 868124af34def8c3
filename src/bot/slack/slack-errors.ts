/**
 * Short, loggable descriptions of Web API failures: the Slack error code of an `ok: false`
 * reply (`not_in_channel`), the HTTP status, or the request error — never the request,
 * the response body or the token.
 */

interface WebApiErrorShape {
  readonly code?: unknown;
  readonly data?: { readonly error?: unknown };
  readonly statusCode?: unknown;
  readonly retryAfter?: unknown;
  readonly original?: { readonly message?: unknown };
  readonly message?: unknown;
}

/** `not_in_channel`, `http_503`, `request_failed: connect ECONNREFUSED …`, or `unknown`. */
export function slackErrorCode(error: unknown): string {
  const e = (error ?? {}) as WebApiErrorShape;
  if (typeof e.data?.error === "string") return e.data.error;
  if (typeof e.statusCode === "number") return `http_${e.statusCode}`;
  if (e.code === "slack_webapi_rate_limited_error") return "ratelimited";
  const detail = typeof e.original?.message === "string" ? e.original.message : e.message;
  if (typeof detail === "string") return `request_failed: ${detail.slice(0, 120)}`;
  return "unknown";
}

/** Slack refuses to post because the bot is not in the conversation. */
export function isNotInChannel(code: string): boolean {
  return code === "not_in_channel" || code === "channel_not_found";
}
