/**
 * Which Slack requests may come twice, and their identity across deliveries. Over HTTP Slack
 * re-sends events only (X-Slack-Retry-Num); the replay guard already refuses a byte-identical
 * replay, and slash commands and button presses are never re-sent. In Socket Mode any envelope
 * left unacked on a connection that ended may come again on another connection — another
 * replica, or this one restarted — with a new envelope_id, so the identity is in the payload:
 * an event's event_id, a command's or press's trigger_id. The first delivery claims it
 * (request-claims.ts); the others are logged and dropped.
 */
import type { Logger } from "../../log.js";
import type { RequestClaims } from "../request-claims.js";

export type SlackRequestKind = "command" | "action" | "event";

/** HTTP mode: only events are re-sent. */
export const HTTP_REDELIVERED: ReadonlySet<SlackRequestKind> = new Set(["event"]);
/** Socket Mode: whatever was not acked on a connection that ended. */
export const SOCKET_REDELIVERED: ReadonlySet<SlackRequestKind> = new Set(["command", "action", "event"]);

export interface Redelivery {
  /** False when another delivery of this request already claimed it: do nothing more. */
  firstDelivery(kind: SlackRequestKind, body: unknown, retryNum?: number): Promise<boolean>;
}

/** The identity Slack keeps across deliveries of one request, or undefined when it has none. */
export function slackRequestKey(kind: SlackRequestKind, body: unknown): string | undefined {
  const fields = (body ?? {}) as { event_id?: unknown; trigger_id?: unknown };
  const id = kind === "event" ? fields.event_id : fields.trigger_id;
  return typeof id === "string" && id !== ""
    ? `slack:${kind === "event" ? "event" : "trigger"}:${id}`
    : undefined;
}

export function slackRedelivery(
  claims: RequestClaims,
  kinds: ReadonlySet<SlackRequestKind>,
  log: Logger,
): Redelivery {
  return {
    async firstDelivery(kind, body, retryNum) {
      if (!kinds.has(kind)) return true;
      const key = slackRequestKey(kind, body);
      if (!key) return true;
      if (await claims.claim(key)) return true;
      log.info(
        { platform: "slack", kind, retry: retryNum ?? 0 },
        "Slack re-delivery ignored: another delivery answers it",
      );
      return false;
    },
  };
}
