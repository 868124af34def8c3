import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { isAlertCheckDue, startSchedulerLoop } from "../../src/schedule/scheduler-loop.js";

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("the server's scheduler loop", () => {
  it("ticks at start, then at each minute boundary with at = the boundary; alerts every 15 minutes; no overlap", async () => {
    let now = new Date("2026-11-25T07:59:30.500Z");
    const timers: { run: () => void; delay: number; cancelled: boolean }[] = [];
    const ticks: string[] = [];
    const checks: string[] = [];
    let tickTakes = 0;
    const loop = startSchedulerLoop({
      now: () => now,
      tick: async (at) => {
        ticks.push(at.toISOString());
        now = new Date(now.getTime() + tickTakes);
      },
      alertCheck: async (at) => {
        checks.push(at.toISOString());
      },
      alertCheckMs: 15 * 60_000,
      log: createLogger("silent"),
      setTimer: (run, delay) => {
        const timer = { run, delay, cancelled: false };
        timers.push(timer);
        return { cancel: () => (timer.cancelled = true) };
      },
    });
    await flush();
    expect(ticks).toEqual(["2026-11-25T07:59:30.500Z"]);
    expect(timers.map((t) => t.delay)).toEqual([29_500]);

    now = new Date("2026-11-25T08:00:00.020Z");
    timers[0]?.run();
    await flush();
    now = new Date("2026-11-25T08:01:00.005Z");
    timers[1]?.run();
    await flush();
    expect(ticks.slice(1)).toEqual(["2026-11-25T08:00:00.000Z", "2026-11-25T08:01:00.000Z"]);
    expect(checks).toEqual(["2026-11-25T07:59:30.500Z", "2026-11-25T08:00:00.000Z"]);
    expect(timers.map((t) => t.delay)).toEqual([29_500, 59_980, 59_995]);

    // A tick that takes 2.5 minutes: the loop continues at the first boundary after it ends.
    tickTakes = 150_000;
    now = new Date("2026-11-25T08:02:00.000Z");
    timers[2]?.run();
    await flush();
    expect(ticks.at(-1)).toBe("2026-11-25T08:02:00.000Z");
    expect(timers.at(-1)?.delay).toBe(30_000);

    await loop.stop();
    expect(timers.at(-1)?.cancelled).toBe(true);
  });

  it("the alert check falls on every Nth minute", () => {
    expect(isAlertCheckDue(new Date("2026-11-25T08:45:00Z"), 15 * 60_000)).toBe(true);
    expect(isAlertCheckDue(new Date("2026-11-25T08:46:00Z"), 15 * 60_000)).toBe(false);
    expect(isAlertCheckDue(new Date("2026-11-25T08:46:00Z"), 60_000)).toBe(true);
  });
});
