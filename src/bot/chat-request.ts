/**
 * One chat request, the same for every platform: parse the text once (or take the query a
 * button carried), apply the access policy and the rate limits, answer through the engine,
 * and turn every outcome into something a chat can show. Bad input and refusals become
 * one-line messages; anything unexpected is logged with a short reference id and the person
 * sees only "Something went wrong (ref 7f3a)". Logs one JSON line per request and records it
 * in the audit trail.
 */
import type { AnswerAction } from "../answer/actions.js";
import type { Answer } from "../answer/answer.js";
import type { Query } from "../answer/query.js";
import type { Area } from "../areas/registry.js";
import { queryToText } from "../commands/command-text.js";
import { helpText } from "../commands/help.js";
import type { AdminVerb } from "../commands/parse.js";
import type { Engine } from "../engine/engine.js";
import { isUserError, referenceId, somethingWentWrong, UserError } from "../errors.js";
import { parsesExactly, type ReadText, readCommandText } from "../language/ask-text.js";
import type { Logger } from "../log.js";
import { type AccessPolicy, accessRefusal } from "../security/access-policy.js";
import type { AuditOutcome } from "../security/audit-log.js";
import type { ChatGuard } from "../security/chat-guard.js";
import { contextOfAnswer, followUpQuery, readingOf } from "./conversation/follow-up-turn.js";
import type { ThreadContexts } from "./conversation/thread-context-store.js";

export type ChatReply =
  | { readonly kind: "answer"; readonly answer: Answer }
  | { readonly kind: "help"; readonly text: string }
  | {
      readonly kind: "error";
      readonly text: string;
      readonly ref?: string;
      /** A doubtful plain question: the closest readings, each a button that asks it. */
      readonly actions?: readonly AnswerAction[];
    };

/**
 * What was asked: the words typed (parsed here, once), or the query a button carried (answered
 * as it is; its canonical text, for the log and the audit, is written here).
 */
export type Ask =
  | { readonly text: string; readonly query?: undefined }
  | { readonly query: Query<Area>; readonly text?: undefined };

/** Who asks, and where. */
export interface ChatPlace {
  /** The platform's registry name ("slack", "teams", …). */
  readonly platform: string;
  /** Slack channel id or Teams conversation id: what area restrictions are checked against. */
  readonly channelId: string;
  readonly userId: string;
  /** Slack workspace (team) id or Teams tenant id, for the audit. */
  readonly workspaceId?: string;
  /** Teams team id of the conversation, for the access policy. */
  readonly teamId?: string;
  /**
   * The thread or conversation asked in (`slack:<channel>:<thread ts>`, `teams:<conversation id>`):
   * a follow-up there is applied to its last query, and the answer becomes its context.
   */
  readonly thread?: string;
}

export type ChatRequest = Ask & ChatPlace;

/** Subscription commands (subscribe, subscriptions, unsubscribe, pause, resume, status) for a channel. */
export type ScheduleCommands = (
  verb: AdminVerb,
  args: readonly string[],
  request: { readonly platform: string; readonly channelId: string; readonly userId: string },
) => Promise<string>;

export interface ChatRequestDeps {
  readonly engine: Engine;
  /** Rate limits and the audit trail. */
  readonly guard: ChatGuard;
  readonly log: Logger;
  /** Who may ask about which area (ACCESS_POLICY_FILE or AREA_CHANNELS). */
  readonly access: AccessPolicy;
  /** The subscription commands; without them those verbs answer that they are unavailable. */
  readonly scheduleCommands?: ScheduleCommands;
  /** Adds the progress of the goals set for the answer's KPIs (src/goals); without it, answers have none. */
  readonly goals?: (answer: Answer) => Promise<Answer>;
  /** Monotonic milliseconds, for the duration in the log line. */
  readonly monotonic?: () => number;
  /** Each thread's last query (follow-ups); without it every message is a question of its own. */
  readonly contexts?: ThreadContexts;
}

/** Answers one request; never throws. */
export type ChatHandler = (request: ChatRequest) => Promise<ChatReply>;

/** The request's command: the button's query as it came, or the text read once (exact grammar, then plain words). */
function commandOf(request: ChatRequest, engine: Engine): Promise<ReadText> {
  if (request.query)
    return Promise.resolve({ kind: "command", command: { kind: "query", query: request.query } });
  return readCommandText(request.text, () => engine.vocabulary());
}

export async function answerChatRequest(request: ChatRequest, deps: ChatRequestDeps): Promise<ChatReply> {
  const clock = deps.monotonic ?? (() => performance.now());
  const started = clock();
  const text = request.query ? queryToText(request.query) : request.text;
  const logLine = (outcome: string, extra: { area?: string; ref?: string; [key: string]: unknown } = {}) => {
    deps.guard.audit.record(
      {
        at: deps.guard.wallClock(),
        platform: request.platform,
        workspaceId: request.workspaceId,
        userId: request.userId,
        channelId: request.channelId,
        text,
        area: extra.area,
        outcome: auditOutcome(outcome),
        durationMs: clock() - started,
        ref: extra.ref,
      },
      deps.log,
    );
    // A failure is what a user's "ref" points to: logged at error, so every level above error keeps it.
    deps.log[outcome === "failed" ? "error" : "info"](
      {
        platform: request.platform,
        channel: request.channelId,
        user: request.userId,
        command: text.slice(0, 200),
        outcome,
        ms: Math.round(clock() - started),
        ...extra,
      },
      "chat request",
    );
  };
  try {
    // In a thread with a context, a message that names only what changes is a follow-up. A whole
    // command of the exact grammar is a new question: the context is not even read (no wait on
    // the bot-state database before the answer's own reads).
    const followUp =
      request.text !== undefined && request.thread && deps.contexts && !parsesExactly(request.text)
        ? await followUpQuery(request.text, request.thread, deps.contexts, () => deps.engine.vocabulary())
        : undefined;
    const read: ReadText = followUp
      ? {
          kind: "command",
          command: { kind: "query", query: followUp.query },
          reading: readingOf(followUp, await deps.engine.vocabulary()),
        }
      : await commandOf(request, deps.engine);
    if (read.kind === "suggest") {
      logLine("not_sure");
      return { kind: "error", text: read.message, actions: read.actions };
    }
    const { command, reading } = read;
    if (command.kind === "help") {
      logLine("help");
      return { kind: "help", text: helpText(command.topic) };
    }
    const area = command.kind === "query" ? command.query.area : undefined;
    if (area) {
      const refusal = accessRefusal(deps.access, area, request);
      if (refusal) {
        logLine("refused", { area });
        return { kind: "error", text: refusal };
      }
    }
    const limited = deps.guard.limits.take(request);
    if (limited) {
      logLine("rate_limited", area ? { area } : {});
      return { kind: "error", text: limited };
    }
    if (command.kind === "admin") {
      if (!deps.scheduleCommands) {
        throw new UserError(
          "chat_only",
          `\`${command.verb}\` needs the scheduler, which is not running here.`,
        );
      }
      const reply = await deps.scheduleCommands(command.verb, command.args, request);
      logLine(command.verb);
      return { kind: "help", text: reply };
    }
    const found = await deps.engine.answer(command.query);
    const answered = reading ? { ...found, reading } : found;
    const answer = deps.goals ? await deps.goals(answered) : answered;
    if (request.thread && deps.contexts) {
      const context = contextOfAnswer(answer, command.query, request.userId);
      await deps.contexts.remember(request.thread, request.platform, context);
    }
    logLine("answer", { area: answer.area, ...(followUp ? { followUp: queryToText(followUp.query) } : {}) });
    return { kind: "answer", answer };
  } catch (error) {
    if (isUserError(error)) {
      logLine("user_error", { code: error.code, ...(error.cause ? { err: error.cause } : {}) });
      return { kind: "error", text: error.message };
    }
    const ref = referenceId();
    logLine("failed", { ref, err: error });
    return { kind: "error", text: somethingWentWrong(ref), ref };
  }
}

const OUTCOMES: Record<string, AuditOutcome> = {
  answer: "answered",
  help: "help",
  refused: "refused",
  user_error: "user_error",
  not_sure: "user_error",
  failed: "failed",
  rate_limited: "rate_limited",
};

/** The audit's outcome of a log line's: subscription verbs count as answered. */
function auditOutcome(outcome: string): AuditOutcome {
  return OUTCOMES[outcome] ?? "answered";
}
