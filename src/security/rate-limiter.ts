/**
 * Per-user and per-channel rate limits for chat questions: an in-memory sliding window
 * (the last minute's timestamps per key) with an injected monotonic clock. A refused
 * request is not counted. Memory is bounded by size: keys are kept in the order of their
 * last request, so those whose window has passed are dropped from the front (amortised
 * O(1) per request); when `maxKeys` keys are all still inside their window, a new key is
 * refused until the oldest expires. Nothing recent is ever evicted, so a flood of new ids
 * cannot make the limiter forget who asked a minute ago.
 */

export const RATE_WINDOW_MS = 60_000;
/** Keys remembered per window at most (~150 bytes each). */
export const MAX_RATE_KEYS = 50_000;

export class SlidingWindow {
  /** key -> its request times in the window, oldest first; Map order = order of last request. */
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = MAX_RATE_KEYS,
  ) {}

  /** Milliseconds until `key` may go again (0: now). */
  waitMs(key: string, at: number): number {
    return this.check(key, at).waitMs;
  }

  /** Whether `key` may go now; if not, why (its own limit, or no room for another key) and for how long. */
  check(key: string, at: number): { readonly waitMs: number; readonly full: boolean } {
    this.expire(at);
    const recent = this.recent(key, at);
    if (recent.length === 0 && this.hits.size >= this.maxKeys) {
      const oldest = this.hits.values().next().value as number[];
      return { waitMs: this.untilExpiry(oldest[oldest.length - 1] as number, at), full: true };
    }
    if (recent.length < this.limit) return { waitMs: 0, full: false };
    return { waitMs: this.untilExpiry(recent[recent.length - this.limit] as number, at), full: false };
  }

  add(key: string, at: number): void {
    this.expire(at);
    const recent = this.recent(key, at);
    this.hits.delete(key);
    recent.push(at);
    this.hits.set(key, recent);
  }

  get size(): number {
    return this.hits.size;
  }

  private untilExpiry(hit: number, at: number): number {
    return Math.max(1, hit + this.windowMs - at);
  }

  /** The key's times still in the window (the stored list, trimmed in place). */
  private recent(key: string, at: number): number[] {
    const list = this.hits.get(key) ?? [];
    while (list.length > 0 && (list[0] as number) <= at - this.windowMs) list.shift();
    return list;
  }

  /** Drops keys whose last request left the window, oldest first. */
  private expire(at: number): void {
    for (const [key, list] of this.hits) {
      if ((list[list.length - 1] as number) > at - this.windowMs) return;
      this.hits.delete(key);
    }
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
  limits: {
    readonly userPerMinute: number;
    readonly channelPerMinute: number;
    /** Users (and channels) counted at once at most (tests make it small). */
    readonly maxKeys?: number;
  },
  monotonic: () => number,
): ChatRateLimits {
  const users = new SlidingWindow(limits.userPerMinute, RATE_WINDOW_MS, limits.maxKeys);
  const channels = new SlidingWindow(limits.channelPerMinute, RATE_WINDOW_MS, limits.maxKeys);
  return {
    take(subject) {
      const at = monotonic();
      const userKey = `${subject.platform}:${subject.userId}`;
      const channelKey = `${subject.platform}:${subject.channelId}`;
      const seconds = (ms: number) => Math.ceil(ms / 1000);
      const user = users.check(userKey, at);
      const channel = channels.check(channelKey, at);
      if (user.full || channel.full) {
        return `I'm answering too many people at once right now. Try again in ${seconds(Math.max(user.waitMs, channel.waitMs))} s.`;
      }
      if (user.waitMs > 0) {
        return `Easy there: that's ${limits.userPerMinute} questions from you in the last minute. Try again in ${seconds(user.waitMs)} s.`;
      }
      if (channel.waitMs > 0) {
        return `This conversation has asked ${limits.channelPerMinute} questions in the last minute. Try again in ${seconds(channel.waitMs)} s.`;
      }
      users.add(userKey, at);
      channels.add(channelKey, at);
      return undefined;
    },
  };
}
