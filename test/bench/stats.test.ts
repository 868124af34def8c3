/** The benchmark's percentile and summary helpers (nearest-rank). */
import { describe, expect, it } from "vitest";
import { runBounded } from "../../bench/bounded.js";
import { passes } from "../../bench/report-table.js";
import { percentile, summarize } from "../../bench/stats.js";

describe("percentile", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it("is the nearest-rank value of sorted samples", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2, 3], 0)).toBe(1);
  });

  it("is NaN without samples", () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("summarize", () => {
  it("sorts a copy and reports count, p50, p95, p99, mean and max", () => {
    const values = [30, 10, 20, 40];
    expect(summarize(values)).toEqual({ samples: 4, p50: 20, p95: 40, p99: 40, mean: 25, max: 40 });
    expect(values).toEqual([30, 10, 20, 40]);
  });
});

describe("runBounded", () => {
  it("runs every task with at most the given concurrency, results in start order", async () => {
    let inFlight = 0;
    let peak = 0;
    let next = 0;
    const results = await runBounded(10, 3, async () => {
      const n = next++;
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= 1;
      return n;
    });
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(3);
  });
});

describe("passes", () => {
  it("compares against the target and treats a missing figure as a miss", () => {
    const row = { section: "s", figure: "f", unit: "ms", measured: "m" };
    expect(passes({ ...row, value: 150, target: { op: "<=", limit: 150 } })).toBe(true);
    expect(passes({ ...row, value: 100, target: { op: "<", limit: 100 } })).toBe(false);
    expect(passes({ ...row, value: Number.NaN, target: { op: ">=", limit: 0.7 } })).toBe(false);
    expect(passes({ ...row, value: 1 })).toBeUndefined();
  });
});
