/**
 * How a sender says a message did not go out. Slack `ok:false`, an HTTP error status, a
 * timeout: each is thrown as a DeliveryError, never returned as a success.
 *
 * code: the platform's error (`ratelimited`, `channel_not_found`, `http_500`) or ours
 * (`no_sender`). retryable: false for errors no retry can fix (unknown channel, bot not in
 * the channel, bad token) — the delivery is then recorded failed at once. retryAfterMs:
 * the platform's Retry-After, honoured as the least wait before the next attempt.
 */
export class DeliveryError extends Error {
  override readonly name = "DeliveryError";
  readonly code: string;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(
    code: string,
    message: string,
    options: { retryable?: boolean; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? true;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isDeliveryError(error: unknown): error is DeliveryError {
  return error instanceof DeliveryError;
}
