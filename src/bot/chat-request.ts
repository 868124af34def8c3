/**
 * One chat request, the same for Slack and Teams: run the command text through the KPI
 * engine and turn every outcome into something a chat can show. Bad input and refusals
 * become one-line messages; anything unexpected is logged with a short reference id and
 * the person sees only "Something went wrong (ref 7f3a)". Logs one JSON line per request
 * and records it in the audit trail; applies the access policy and the rate limits.
 */
import type { Answer } from "../answer/answer.js";
import type { Engine } from "../app/engine.js";
import { type AdminVerb, parseCommand, type QueryCommand } from "../commands/parse.js";
import { runCommand } from "../commands/run-command.js";
import { isUserError, referenceId } from "../errors.js";
import type { Logger } from "../log.js";
import { type AccessPolicy, accessRefusal } from "../security/access-policy.js";
import type { AuditOutcome } from "../security/audit-log.js";

export type ChatReply =
  | { readonly kind: "answer"; readonly answer: Answer; readonly query: QueryCommand }
  | { readonly kind: "help"; readonly text: string }
  | { readonly kind: "error"; readonly text: string; readonly ref?: string };

export interface ChatRequest {
  readonly text: string;
  readonly platform: "slack" | "teams";
  /** Slack channel id or Teams conversation id: what area restrictions are checked against. */
  readonly channelId: string;
  readonly userId: string;
  /** Slack workspace (team) id or Teams tenant id, for the audit. */
  readonly workspaceId?: string;
  /** Teams team id of the conversation, for the access policy. */
  readonly teamId?: string;
}

/** Subscription commands (subscribe, subscriptions, unsubscribe, pause, resume, status) for a channel. */
export type ScheduleCommands = (
  verb: AdminVerb,
  args: readonly string[],
  request: { readonly platform: "slack" | "teams"; readonly channelId: string; readonly userId: string },
) => Promise<string>;

export interface ChatRequestDeps {
  readonly engine: Engine;
  readonly log: Logger;
  /** Who may ask about which area (ACCESS_POLICY_FILE or AREA_CHANNELS). */
  readonly access: AccessPolicy;
  /** The subscription commands; without them those verbs answer that they are unavailable. */
  readonly scheduleCommands?: ScheduleCommands;
  /** Monotonic milliseconds, for the duration in the log line. */
  readonly monotonic?: () => number;
}

export async function answerChatRequest(request: ChatRequest, deps: ChatRequestDeps): Promise<ChatReply> {
  const clock = deps.monotonic ?? (() => performance.now());
  const started = clock();
  const logLine = (outcome: string, extra: { area?: string; ref?: string; [key: string]: unknown } = {}) => {
    deps.engine.guard.audit.record(
      {
        at: deps.engine.guard.wallClock(),
        platform: request.platform,
        workspaceId: request.workspaceId,
        userId: request.userId,
        channelId: request.channelId,
        text: request.text,
        area: extra.area,
        outcome: auditOutcome(outcome),
        durationMs: clock() - started,
        ref: extra.ref,
      },
      deps.log,
    );
    deps.log.info(
      {
        platform: request.platform,
        channel: request.channelId,
        user: request.userId,
        command: request.text.slice(0, 200),
        outcome,
        ms: Math.round(clock() - started),
        ...extra,
      },
      "chat request",
    );
  };
  try {
    const parsed = parseCommand(request.text);
    if (parsed.kind === "query") {
      const refusal = accessRefusal(deps.access, parsed.area, request);
      if (refusal) {
        logLine("refused", { area: parsed.area });
        return { kind: "error", text: refusal };
      }
    }
    if (parsed.kind === "query" || parsed.kind === "admin") {
      const limited = deps.engine.guard.limits.take(request);
      if (limited) {
        logLine("rate_limited", parsed.kind === "query" ? { area: parsed.area } : {});
        return { kind: "error", text: limited };
      }
    }
    if (parsed.kind === "admin" && deps.scheduleCommands) {
      const text = await deps.scheduleCommands(parsed.verb, parsed.args, request);
      logLine(parsed.verb);
      return { kind: "help", text };
    }
    const outcome = await runCommand(request.text, deps.engine.deps);
    logLine(outcome.kind, outcome.kind === "answer" ? { area: outcome.answer.area } : {});
    return outcome.kind === "answer" ? outcome : { kind: "help", text: outcome.text };
  } catch (error) {
    if (isUserError(error)) {
      logLine("user_error", { code: error.code, ...(error.cause ? { err: error.cause } : {}) });
      return { kind: "error", text: error.message };
    }
    const ref = referenceId();
    logLine("failed", { ref, err: error });
    return {
      kind: "error",
      text: `Something went wrong (ref ${ref}). Please try again; if it keeps happening, tell your admin the ref.`,
      ref,
    };
  }
}

const OUTCOMES: Record<string, AuditOutcome> = {
  answer: "answered",
  help: "help",
  refused: "refused",
  user_error: "user_error",
  failed: "failed",
  rate_limited: "rate_limited",
};

/** The audit's outcome of a log line's: subscription verbs count as answered. */
function auditOutcome(outcome: string): AuditOutcome {
  return OUTCOMES[outcome] ?? "answered";
}
