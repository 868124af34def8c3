/**
 * Inbound authentication for POST /api/messages: the SDK's JWT middleware (through
 * CloudAdapter.authorizeRequest), run before the body is even parsed, with a time limit so
 * that a token whose signing keys cannot be fetched (Entra unreachable) is a prompt 401
 * rather than a request that hangs.
 */
import type { WebResponse } from "@microsoft/agents-hosting";
import type { RequestHandler } from "express";
import type { Logger } from "../../log.js";
import type { TeamsAdapter } from "./teams-adapter.js";

/** Longest time spent validating one token (fetching signing keys included). */
export const AUTH_TIMEOUT_MS = 10_000;

export function authorizeTeamsRequests(
  adapter: Pick<TeamsAdapter, "authorizeRequest">,
  options: { readonly log: Logger; readonly timeoutMs?: number },
): RequestHandler {
  return async (req, res, next) => {
    let timedOut = false;
    let authorized = false;
    let status = 401;
    const refuse = (reason: string) => {
      options.log.warn({ platform: "teams", status, reason }, "Teams request refused");
      if (!res.headersSent) res.status(status).json({ error: status === 401 ? "unauthorized" : "refused" });
    };
    // The SDK writes its own refusals (with internal detail): log that detail and answer plainly.
    // After a timeout its late writes must go nowhere.
    const guarded: WebResponse = {
      status(code) {
        status = code;
        return guarded;
      },
      setHeader() {
        return guarded;
      },
      send(body) {
        if (!timedOut) refuse(reasonOf(body));
        return guarded;
      },
      end() {
        if (!timedOut && !res.headersSent) refuse("refused without a reason");
        return guarded;
      },
      get headersSent() {
        return res.headersSent;
      },
      get writableEnded() {
        return res.writableEnded;
      },
    };
    const timer = setTimeout(() => {
      timedOut = true;
      status = 401;
      refuse("token validation timed out");
    }, options.timeoutMs ?? AUTH_TIMEOUT_MS);
    try {
      await adapter.authorizeRequest(req, guarded, () => {
        authorized = true;
      });
    } catch (error) {
      if (!timedOut) refuse(error instanceof Error ? error.message : "token validation failed");
      return;
    } finally {
      clearTimeout(timer);
    }
    if (authorized && !timedOut) next();
    else if (!timedOut && !res.headersSent) refuse("not authorized");
  };
}

function reasonOf(body: unknown): string {
  const detail = (body as { "jwt-auth-error"?: unknown } | undefined)?.["jwt-auth-error"];
  return typeof detail === "string" ? detail.slice(0, 200) : "token validation failed";
}
