/**
 * Per-conversation pacing: Teams allows a bot 7 messages per second in one conversation
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit); we stay under
 * it by spacing the sends to one conversation at least `minIntervalMs` apart. Conversations
 * do not wait for each other.
 */

/** 5 sends per second per conversation: under Teams' 7/s with room for network jitter on arrival. */
export const TEAMS_MIN_SEND_INTERVAL_MS = 200;
/** Conversations remembered at most; idle ones are forgotten first. */
const MAX_TRACKED = 10_000;

export interface PacerClock {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

export class ConversationPacer {
  /** conversation id → earliest time its next send may start */
  private readonly next = new Map<string, number>();

  constructor(
    private readonly clock: PacerClock,
    private readonly minIntervalMs = TEAMS_MIN_SEND_INTERVAL_MS,
  ) {}

  /** Waits for this conversation's next slot and reserves it. */
  async wait(conversationId: string): Promise<void> {
    const now = this.clock.now();
    const slot = Math.max(now, this.next.get(conversationId) ?? now);
    this.next.delete(conversationId);
    this.next.set(conversationId, slot + this.minIntervalMs);
    this.forgetIdle();
    if (slot > now) await this.clock.sleep(slot - now);
  }

  /** Forgets the least recently used conversations beyond MAX_TRACKED (the Map keeps use order). */
  private forgetIdle(): void {
    while (this.next.size > MAX_TRACKED) {
      const oldest = this.next.keys().next().value;
      if (oldest === undefined) break;
      this.next.delete(oldest);
    }
  }
}
