/**
 * Every outgoing call to the Bot Connector goes through here: the adapter's ConnectorClient
 * wrapped so that sending, replying, updating and deleting wait for the conversation's pacing
 * slot and retry throttling and gateway errors (retry-policy.ts). Other calls pass through.
 */
import type { ConnectorClient } from "@microsoft/agents-hosting";
import { ConversationPacer, TEAMS_MIN_SEND_INTERVAL_MS } from "./conversation-pacer.js";
import { type RetryClock, type RetryOptions, withRetry } from "./retry-policy.js";

/** ConnectorClient methods whose first argument is the conversation id. */
const CONVERSATION_CALLS: ReadonlySet<string> = new Set([
  "sendToConversation",
  "replyToActivity",
  "updateActivity",
  "deleteActivity",
]);

export interface DeliveryOptions {
  readonly retry?: RetryOptions;
  /** Minimum time between two sends to one conversation; default 200 ms. */
  readonly minSendIntervalMs?: number;
  readonly clock?: Partial<RetryClock>;
  /** Called for every failed attempt, retried or not (for logs). */
  readonly onFailedAttempt?: (info: { method: string; conversationId: string; error: unknown }) => void;
}

const realClock: RetryClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Shared by all connector clients of one channel, so pacing holds across turns. */
export class DeliveryPolicy {
  private readonly clock: RetryClock;
  private readonly pacer: ConversationPacer;

  constructor(private readonly options: DeliveryOptions = {}) {
    this.clock = { ...realClock, ...options.clock };
    this.pacer = new ConversationPacer(this.clock, options.minSendIntervalMs ?? TEAMS_MIN_SEND_INTERVAL_MS);
  }

  /** Runs one connector call for a conversation, paced and retried. */
  deliver<T>(method: string, conversationId: string, call: () => Promise<T>): Promise<T> {
    const pacingKey = conversationId.split(";messageid=")[0] ?? conversationId;
    return withRetry(
      async () => {
        try {
          return await call();
        } catch (error) {
          this.options.onFailedAttempt?.({ method, conversationId, error });
          throw error;
        }
      },
      this.options.retry ?? {},
      this.clock,
      () => this.pacer.wait(pacingKey),
    );
  }

  /** The client with its conversation calls going through deliver(). */
  wrap(client: ConnectorClient): ConnectorClient {
    return new Proxy(client, {
      get: (target, property) => {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== "function") return value;
        if (typeof property === "string" && CONVERSATION_CALLS.has(property)) {
          return (conversationId: string, ...rest: unknown[]) =>
            this.deliver(property, conversationId, () => value.call(target, conversationId, ...rest));
        }
        return value.bind(target);
      },
    });
  }
}
