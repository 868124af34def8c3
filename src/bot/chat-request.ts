/**
 * One chat request, the same for Slack and Teams: run the command text through the KPI
 * engine and turn every outcome into something a chat can show. Bad input and refusals
 * become one-line messages; anything unexpected is logged with a short reference id and
 * the person sees only "Something went wrong (ref 7f3a)". Logs one JSON line per request.
 */
import type { Answer } from "../answer/answer.js";
import type { Engine } from "../app/engine.js";
import { type AdminVerb, parseCommand, type QueryCommand } from "../commands/parse.js";
import { runCommand } from "../commands/run-command.js";
import { isUserError, referenceId } from "../errors.js";
import type { Logger } from "../log.js";
import { refusalFor } from "./area-access.js";

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
  readonly areaChannels: ReadonlyMap<string, readonly string[]>;
  /** The subscription commands; without them those verbs answer that they are unavailable. */
  readonly scheduleCommands?: ScheduleCommands;
  /** Monotonic milliseconds, for the duration in the log line. */
  readonly monotonic?: () => number;
}

export async function answerChatRequest(request: ChatRequest, deps: ChatRequestDeps): Promise<ChatReply> {
  const clock = deps.monotonic ?? (() => performance.now());
  const started = clock();
  const logLine = (outcome: string, extra: Record<string, unknown> = {}) =>
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
  try {
    const parsed = parseCommand(request.text);
    if (parsed.kind === "query") {
      const refusal = refusalFor(parsed.area, request.channelId, deps.areaChannels);
      if (refusal) {
        logLine("refused", { area: parsed.area });
        return { kind: "error", text: refusal };
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
