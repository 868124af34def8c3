/**
 * Per-user and per-channel rate limits for chat questions: an in-memory sliding window
 * (the last minute's timestamps per key) with an injected monotonic clock. A refused
 * request is not counted. Memory stays bounded: keys whose window is empty are dropped.
 */

export const RATE_WINDOW_MS = 60_000;
/** Past this many keys, a sweep drops the idle ones before adding another. */
const SWEEP_AT_KEYS = 10_000;

export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until `key` may go again (0: now). */
  waitMs(key: string, at: number): number {
    const recent = this.recent(key, at);
    if (recent.length < this.limit) return 0;
    return Math.max(1, (recent[recent.length - this.limit] ?? at) + this.windowMs - at);
  }

  add(key: string, at: number): void {
    if (!this.hits.has(key) && this.hits.size >= SWEEP_AT_KEYS) this.sweep(at);
    this.hits.set(key, [...this.recent(key, at), at]);
  }

  get size(): number {
    return this.hits.size;
  }

  private recent(key: string, at: number): number[] {
    const list = this.hits.get(key) ?? [];
    const kept = list.filter((t) => t > at - this.windowMs);
    if (kept.length === 0) this.hits.delete(key);
    else if (kept.length !== list.length) this.hits.set(key, kept);
    return kept;
  }

  private sweep(at: number): void {
    for (const key of [...this.hits.keys()]) this.recent(key, at);
  }
}

export interface RateSubject {
  readonly platform: string;
  readonly userId: string;
  readonly channelId: string;
}

export interface ChatRateLimits {
  /** The friendly refusal when over a limit (nothing counted); otherwise counts the request. */
  take(subject: RateSubject): string | undefined;
}

export function createChatRateLimits(
  limits: { readonly userPerMinute: number; readonly channelPerMinute: number },
  monotonic: () => number,
): ChatRateLimits {
  const users = new SlidingWindow(limits.userPerMinute, RATE_WINDOW_MS);
  const channels = new SlidingWindow(limits.channelPerMinute, RATE_WINDOW_MS);
  return {
    take(subject) {
      const at = monotonic();
      const userKey = `${subject.platform}:${subject.userId}`;
      const channelKey = `${subject.platform}:${subject.channelId}`;
      const userWait = users.waitMs(userKey, at);
      if (userWait > 0) {
        return `Easy there: that's ${limits.userPerMinute} questions from you in the last minute. Try again in ${Math.ceil(userWait / 1000)} s.`;
      }
      const channelWait = channels.waitMs(channelKey, at);
      if (channelWait > 0) {
        return `This conversation has asked ${limits.channelPerMinute} questions in the last minute. Try again in ${Math.ceil(channelWait / 1000)} s.`;
      }
      users.add(userKey, at);
      channels.add(channelKey, at);
      return undefined;
    },
  };
}
