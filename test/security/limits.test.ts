/** Rate limits (sliding window, fake clock) and the cap on concurrent reporting queries. */
import { describe, expect, it } from "vitest";
import { QueryCap as Semaphore } from "../../src/engine/query-cap.js";
import { createChatRateLimits, SlidingWindow } from "../../src/security/rate-limiter.js";
import { testEngine } from "../helpers/test-engine.js";

const ada = { platform: "slack", userId: "U0ADA", channelId: "C0MKT" };

describe("chat rate limits", () => {
  it("allow 10 per user per minute, refuse the 11th with the wait, and free up as the window slides", () => {
    let now = 0;
    const limits = createChatRateLimits({ userPerMinute: 10, channelPerMinute: 30 }, () => now);
    for (let i = 0; i < 10; i++) {
      expect(limits.take(ada)).toBeUndefined();
      now += 1_000;
    }
    expect(limits.take(ada)).toBe(
      "Easy there: that's 10 questions from you in the last minute. Try again in 50 s.",
    );
    now = 59_999;
    expect(limits.take(ada)).toMatch(/Try again in 1 s/);
    now = 60_000; // the first question (at 0) has left the window
    expect(limits.take(ada)).toBeUndefined();
    expect(limits.take(ada)).toMatch(/^Easy there/);
  });

  it("count per platform user: another person, or the same id on Teams, is not limited", () => {
    const limits = createChatRateLimits({ userPerMinute: 1, channelPerMinute: 30 }, () => 0);
    expect(limits.take(ada)).toBeUndefined();
    expect(limits.take(ada)).toMatch(/^Easy there/);
    expect(limits.take({ ...ada, userId: "U0BOB" })).toBeUndefined();
    expect(limits.take({ ...ada, platform: "teams" })).toBeUndefined();
  });

  it("limit a channel across people, and a refused request is not counted", () => {
    let now = 0;
    const limits = createChatRateLimits({ userPerMinute: 100, channelPerMinute: 3 }, () => now);
    for (const user of ["U1", "U2", "U3"]) expect(limits.take({ ...ada, userId: user })).toBeUndefined();
    expect(limits.take({ ...ada, userId: "U4" })).toBe(
      "This conversation has asked 3 questions in the last minute. Try again in 60 s.",
    );
    expect(limits.take({ ...ada, channelId: "C0OTHER", userId: "U4" })).toBeUndefined();
    now = 60_000;
    expect(limits.take({ ...ada, userId: "U4" })).toBeUndefined();
  });

  it("keep memory bounded: idle keys are dropped", () => {
    const window = new SlidingWindow(5, 60_000);
    for (let i = 0; i < 10_000; i++) window.add(`k${i}`, 0);
    expect(window.size).toBe(10_000);
    window.add("late", 120_000);
    expect(window.size).toBe(1);
  });

  it("when full, refuse new keys rather than forget a recent one", () => {
    const window = new SlidingWindow(1, 60_000, 3);
    for (const key of ["a", "b", "c"]) window.add(key, 0);
    expect(window.check("d", 1_000)).toEqual({ waitMs: 59_000, full: true });
    // A flood of new ids changes nothing for the ids already counted.
    for (let i = 0; i < 1_000; i++) expect(window.check(`new${i}`, 2_000).full).toBe(true);
    expect(window.check("a", 2_000)).toEqual({ waitMs: 58_000, full: false });
    window.add("b", 30_000);
    // "a" and "c" leave the window at 60 s, "b" stays: room for two new keys, none for a third.
    expect(window.check("d", 60_000).full).toBe(false);
    window.add("d", 60_000);
    window.add("e", 60_000);
    expect(window.check("f", 60_000).full).toBe(true);
    expect(window.check("b", 60_000).waitMs).toBe(30_000);
  });

  it("tell the asker when too many people are counted at once", () => {
    const limits = createChatRateLimits({ userPerMinute: 5, channelPerMinute: 5, maxKeys: 2 }, () => 0);
    expect(limits.take({ platform: "slack", userId: "U1", channelId: "C1" })).toBeUndefined();
    expect(limits.take({ platform: "slack", userId: "U2", channelId: "C1" })).toBeUndefined();
    expect(limits.take({ platform: "slack", userId: "U3", channelId: "C1" })).toBe(
      "I'm answering too many people at once right now. Try again in 60 s.",
    );
    expect(limits.take({ platform: "slack", userId: "U1", channelId: "C1" })).toBeUndefined();
  });
});

describe("the cap on concurrent queries", () => {
  it("runs at most max at once; the rest queue and all finish", async () => {
    const semaphore = new Semaphore(3);
    let active = 0;
    let peak = 0;
    const work = async (i: number) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5 + (i % 4)));
      active--;
      return i;
    };
    const all = Promise.all(Array.from({ length: 40 }, (_, i) => semaphore.run(() => work(i))));
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(semaphore.queued).toBe(37);
    expect(await all).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(peak).toBe(3);
    expect(semaphore.peak).toBe(3);
    expect(semaphore.queued).toBe(0);
  });

  it("frees the slot when a query fails", async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await semaphore.run(async () => "next")).toBe("next");
  });

  it("holds every read of the engine (area loads, freshness, lookups) under the one cap", async () => {
    let active = 0;
    let peak = 0;
    const slow = async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active--;
      return [];
    };
    const engine = testEngine("mysql://root@127.0.0.1:1/never_reached", "2026-11-26", {
      maxConcurrentQueries: 2,
    });
    await Promise.all(Array.from({ length: 6 }, () => engine.read(slow)));
    expect(peak).toBe(2);
    expect(engine.queries.peak).toBe(2);
    await engine.close();
  });
});
