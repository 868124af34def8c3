/** Retrying connector calls (backoff, jitter, Retry-After, bounds) and per-conversation pacing, on a fake clock. */
import { describe, expect, it } from "vitest";
import {
  ConversationPacer,
  TEAMS_MIN_SEND_INTERVAL_MS,
} from "../../src/bot/teams/delivery/conversation-pacer.js";
import { DeliveryPolicy } from "../../src/bot/teams/delivery/paced-connector.js";
import {
  backoffMs,
  DEFAULT_RETRY,
  retryAfterMs,
  withRetry,
} from "../../src/bot/teams/delivery/retry-policy.js";

/** A clock whose sleeps advance time instantly and are recorded. */
function fakeClock(random = () => 0.5) {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    get time() {
      return now;
    },
    now: () => now,
    random,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

function httpError(status: number, retryAfter?: string) {
  const headers = new Headers(retryAfter === undefined ? {} : { "retry-after": retryAfter });
  return Object.assign(new Error(`Request failed with status ${status}`), {
    status,
    response: { status, headers },
  });
}

/** A call that fails with the given statuses in turn, then succeeds. */
function flaky(...failures: ReturnType<typeof httpError>[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    call: async () => {
      const failure = failures[calls++];
      if (failure) throw failure;
      return { id: "ok" };
    },
  };
}

describe("withRetry", () => {
  it.each([412, 429, 502, 504])("retries %i and succeeds once", async (status) => {
    const clock = fakeClock();
    const target = flaky(httpError(status), httpError(status));
    await expect(withRetry(target.call, {}, clock)).resolves.toEqual({ id: "ok" });
    expect(target.calls).toBe(3);
    // Full jitter at random() = 0.5: half of 500 ms, then half of 1000 ms.
    expect(clock.sleeps).toEqual([250, 500]);
  });

  it.each([400, 401, 403, 404, 500, 503])("does not retry %i", async (status) => {
    const clock = fakeClock();
    const target = flaky(httpError(status));
    await expect(withRetry(target.call, {}, clock)).rejects.toMatchObject({ status });
    expect(target.calls).toBe(1);
  });

  it("does not retry errors without a status (network failure of a non-idempotent send)", async () => {
    const target = { calls: 0, call: async () => Promise.reject(new TypeError("fetch failed")) };
    await expect(withRetry(target.call, {}, fakeClock())).rejects.toThrow("fetch failed");
  });

  it("gives up after maxAttempts with the last error", async () => {
    const clock = fakeClock();
    const target = flaky(...Array.from({ length: 10 }, () => httpError(429)));
    await expect(withRetry(target.call, { maxAttempts: 3 }, clock)).rejects.toMatchObject({ status: 429 });
    expect(target.calls).toBe(3);
    expect(clock.sleeps).toHaveLength(2);
  });

  it("waits Retry-After (seconds or HTTP date) plus a little jitter, and refuses one longer than maxDelayMs", async () => {
    const clock = fakeClock(() => 0);
    const target = flaky(httpError(429, "2"), httpError(429, new Date(3_000 + 2_000).toUTCString()));
    await withRetry(target.call, {}, clock);
    expect(clock.sleeps).toEqual([2_000, 3_000]);
    const slow = flaky(httpError(429, "60"));
    await expect(withRetry(slow.call, { maxDelayMs: 10_000 }, fakeClock())).rejects.toMatchObject({
      status: 429,
    });
    expect(slow.calls).toBe(1);
  });

  it("caps the exponential backoff and keeps jitter within [0, ceiling]", () => {
    const settings = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5, 10].map((n) => backoffMs(n, settings, () => 0.999))).toEqual([
      100, 200, 400, 799, 999, 999,
    ]);
    expect(backoffMs(3, settings, () => 0)).toBe(0);
    expect(retryAfterMs(httpError(429, "garbage"), 0)).toBeUndefined();
    expect(retryAfterMs(new Error("no response"), 0)).toBeUndefined();
  });
});

describe("ConversationPacer", () => {
  it("spaces sends to one conversation at least 200 ms apart (under Teams' 7 per second)", async () => {
    const clock = fakeClock();
    const pacer = new ConversationPacer(clock);
    const starts: number[] = [];
    for (let i = 0; i < 8; i++) {
      await pacer.wait("a:1");
      starts.push(clock.time);
    }
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
    expect(gaps.every((gap) => gap >= TEAMS_MIN_SEND_INTERVAL_MS)).toBe(true);
    const inAnySecond = starts.filter((t) => t < (starts[0] as number) + 1000).length;
    expect(inAnySecond).toBeLessThan(7);
  });

  it("does not make other conversations wait", async () => {
    const clock = fakeClock();
    const pacer = new ConversationPacer(clock);
    await pacer.wait("a:1");
    await pacer.wait("a:2");
    await pacer.wait("19:c@thread.tacv2");
    expect(clock.sleeps).toEqual([]);
  });
});

describe("DeliveryPolicy", () => {
  it("paces and retries the conversation calls of a wrapped client and passes the rest through", async () => {
    const clock = fakeClock();
    const failures: number[] = [];
    const policy = new DeliveryPolicy({
      clock,
      onFailedAttempt: ({ error }) => failures.push((error as { status: number }).status),
    });
    const send = flaky(httpError(429));
    const client = {
      sendToConversation: (conversationId: string) => send.call().then((r) => ({ ...r, conversationId })),
      getConversationMember: async (user: string) => ({ id: user }),
    };
    const wrapped = policy.wrap(client as never) as unknown as typeof client;
    await expect(wrapped.sendToConversation("a:1")).resolves.toEqual({ id: "ok", conversationId: "a:1" });
    expect(send.calls).toBe(2);
    expect(failures).toEqual([429]);
    await expect(wrapped.getConversationMember("29:u")).resolves.toEqual({ id: "29:u" });
  });
});
