/**
 * Slack's request signature, checked as Bolt checks it: `X-Slack-Signature` is `v0=` and the
 * hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret, compared in constant
 * time; `X-Slack-Request-Timestamp` is Unix seconds, refused when more than 5 minutes old or
 * more than 1 minute ahead. Stricter than Bolt on spelling (decimal digits, exactly `v0=<64 hex>`),
 * so that what passes here has one numeric timestamp and one digest.
 * https://api.slack.com/authentication/verifying-requests-from-slack
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** Slack's limit on a request's age (Bolt refuses older ones too). */
export const MAX_AGE_SECONDS = 5 * 60;
/** How far ahead of our clock a request may be (a sender's clock a little fast). */
export const MAX_AHEAD_SECONDS = 60;

const TIMESTAMP = /^\d{1,15}$/;
const SIGNATURE = /^v0=([0-9a-f]{64})$/;

export type SignatureCheck =
  | { readonly ok: true; readonly timestamp: number; readonly digest: string }
  | { readonly ok: false; readonly reason: "unsigned" | "malformed" | "stale" | "ahead" | "mismatch" };

export function checkSlackSignature(
  secret: string,
  headers: { readonly timestamp: string | undefined; readonly signature: string | undefined },
  body: string,
  nowSeconds: number,
): SignatureCheck {
  if (headers.timestamp === undefined || headers.signature === undefined)
    return { ok: false, reason: "unsigned" };
  const given = SIGNATURE.exec(headers.signature)?.[1];
  if (!TIMESTAMP.test(headers.timestamp) || given === undefined) return { ok: false, reason: "malformed" };
  const timestamp = Number(headers.timestamp);
  if (timestamp < nowSeconds - MAX_AGE_SECONDS) return { ok: false, reason: "stale" };
  if (timestamp > nowSeconds + MAX_AHEAD_SECONDS) return { ok: false, reason: "ahead" };
  const expected = createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(given, "hex"))) return { ok: false, reason: "mismatch" };
  return { ok: true, timestamp, digest: given };
}
