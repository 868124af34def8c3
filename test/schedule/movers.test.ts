/** The robust "unusual" rule and the comparable periods a digest's KPIs are judged against. */
import { describe, expect, it } from "vitest";
import type { Kpi } from "../../src/answer/answer.js";
import { isUnusual, normalRange, robustScore } from "../../src/metrics/unusual.js";
import { comparableRanges, judgeKpi } from "../../src/schedule/movers.js";

const kpi = (value: number | null, previous: number | null): Kpi => ({
  key: "sessions",
  label: "Sessions",
  value,
  previous,
  change: null,
  unit: "count",
});

describe("normalRange (median ± 3 × 1.4826 × MAD)", () => {
  it("is the median and the robust spread of the earlier values, unmoved by one odd value", () => {
    const range = normalRange([10, 12, 11, 13, 9, 11, 10, 500]);
    // median 11, absolute deviations 1,1,0,2,2,0,1,489 → MAD 1
    expect(range?.median).toBe(11);
    expect(range?.spread).toBeCloseTo(1.4826, 10);
    expect(range?.high).toBeCloseTo(11 + 3 * 1.4826, 10);
    expect(isUnusual(16, range)).toBe(true);
    expect(isUnusual(15, range)).toBe(false);
    expect(robustScore(8, range as NonNullable<typeof range>)).toBeCloseTo(-3 / 1.4826, 10);
  });

  it("a flat series is floored at 1% of its median; too short a history judges nothing", () => {
    const flat = normalRange([200, 200, 200, 200, 200]);
    expect(flat?.spread).toBe(2);
    expect(isUnusual(207, flat)).toBe(true);
    expect(isUnusual(205, flat)).toBe(false);
    expect(normalRange([1, 2, null, 3])).toBeNull();
    expect(isUnusual(1000, normalRange([1, 2, 3]))).toBe(false);
  });
});

describe("comparableRanges", () => {
  it("one day: the same weekday of the 8 weeks before", () => {
    const ranges = comparableRanges({ from: "2026-11-25", to: "2026-11-25" });
    expect(ranges).toHaveLength(8);
    expect(ranges[0]).toEqual({ from: "2026-11-18", to: "2026-11-18" });
    expect(ranges[7]).toEqual({ from: "2026-09-30", to: "2026-09-30" });
  });

  it("a calendar month: the 8 months before, each whole (February's 28 days too)", () => {
    const ranges = comparableRanges({ from: "2026-04-01", to: "2026-04-30" });
    expect(ranges[0]).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(ranges[1]).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(ranges[3]).toEqual({ from: "2025-12-01", to: "2025-12-31" });
  });

  it("other periods: the periods of the same length just before", () => {
    expect(comparableRanges({ from: "2026-11-19", to: "2026-11-25" }, 2)).toEqual([
      { from: "2026-11-12", to: "2026-11-18" },
      { from: "2026-11-05", to: "2026-11-11" },
    ]);
  });
});

describe("judgeKpi", () => {
  const history = [20, 21, 22, 20, 21, 22, 20, 21];
  it("an unusual value is a mover whatever the threshold, ahead of threshold movers", () => {
    const judged = judgeKpi(kpi(80, 21), history, undefined);
    expect(judged?.reason).toBe("unusual");
    expect(judged?.score).toBeGreaterThan(1000);
  });

  it("a usual value moves only past the threshold, relative to the comparison", () => {
    expect(judgeKpi(kpi(22, 20), history, undefined)).toBeNull();
    expect(judgeKpi(kpi(22, 20), history, 0.2)).toBeNull();
    expect(judgeKpi(kpi(22, 18), history, 0.2)).toMatchObject({ reason: "threshold" });
    expect(judgeKpi(kpi(22, 0), history, 0.2)).toBeNull();
  });
});
