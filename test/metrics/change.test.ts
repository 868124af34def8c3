/**
 * The change rules (DESIGN.md "Change"): percentages change in percentage points, signed
 * values never relatively on a zero or negative base; every surface shows what the rule gives.
 */
import { describe, expect, it } from "vitest";
import type { Kpi, Unit } from "../../src/answer/answer.js";
import { answerSchema } from "../../src/answer/answer-schema.js";
import { figureKpi } from "../../src/areas/area-kpis.js";
import { changeBetween } from "../../src/metrics/change.js";
import { DEFINED_MEASURES, measureOf } from "../../src/metrics/measures.js";
import { formatChange, trendOf } from "../../src/metrics/trend.js";

const close = (change: ReturnType<typeof changeBetween>, kind: string, value: number) => {
  expect(change?.kind).toBe(kind);
  expect(change?.value).toBeCloseTo(value, 12);
};

describe("percentages change in percentage points", () => {
  it.each([
    // ROI from a loss to a profit and back: the difference, never a ratio of the two.
    [3.222, -0.53, 3.752],
    [-0.53, 3.222, -3.752],
    [-0.2, -0.5, 0.3],
    [-0.5, -0.2, -0.3],
    [0.0099, 0.0062, 0.0037],
    [0.05, 0, 0.05],
    [0, 0.05, -0.05],
    [0.04, 0.04, 0],
  ])("points(%s, %s) = %s", (current, previous, expected) => {
    close(changeBetween("points", current, previous), "points", expected);
  });

  it("every percent KPI of the metric table changes in points, every other unit relatively", () => {
    for (const key of ["ctr", "cvr", "click_to_lead", "roi", "conversion_rate", "share", "budget_used"]) {
      expect(measureOf(key)?.change, key).toBe("points");
    }
    for (const key of ["spend", "revenue", "roas", "aov", "cpc", "orders", "low_stock", "days_of_cover"]) {
      expect(measureOf(key)?.change, key).toBe("relative");
    }
    for (const measure of DEFINED_MEASURES) {
      expect(measure.change, measure.key).toBe(
        measureOf(measure.key)?.unit === "percent" ? "points" : "relative",
      );
    }
  });
});

describe("relative change only on a positive base", () => {
  it.each([
    [110, 100, 0.1],
    [90, 100, -0.1],
    [0, 100, -1],
    [5, 5, 0],
    [3.42, 3.1, (3.42 - 3.1) / 3.1],
  ])("relative(%s, %s) = %s", (current, previous, expected) => {
    close(changeBetween("relative", current, previous), "relative", expected);
  });

  it("a zero base gives no change", () => {
    expect(changeBetween("relative", 100, 0)).toBeNull();
    expect(changeBetween("relative", 0, 0)).toBeNull();
    expect(changeBetween("relative", -40, 0)).toBeNull();
  });

  it("a negative base (a loss) gives the absolute difference", () => {
    close(changeBetween("relative", 300, -200), "absolute", 500);
    close(changeBetween("relative", -300, -200), "absolute", -100);
    close(changeBetween("relative", -150, -100), "absolute", -50);
  });

  it("a missing or non-finite value or previous gives no change, in either rule", () => {
    for (const rule of ["relative", "points"] as const) {
      expect(changeBetween(rule, null, 1)).toBeNull();
      expect(changeBetween(rule, 1, null)).toBeNull();
      expect(changeBetween(rule, undefined, 1)).toBeNull();
      expect(changeBetween(rule, Number.NaN, 1)).toBeNull();
      expect(changeBetween(rule, 1, Number.POSITIVE_INFINITY)).toBeNull();
    }
  });

  it("never gives −0", () => {
    expect(Object.is(changeBetween("points", 0.1, 0.1)?.value, -0)).toBe(false);
    expect(Object.is(changeBetween("relative", 5, 5)?.value, -0)).toBe(false);
  });
});

describe("KPIs carry the change their key's rule gives, and it reads the same everywhere", () => {
  const shown = (kpi: Kpi) => formatChange(kpi, "EUR");

  it("ROI from −53.0% to 322.2% reads ▲ 375.2 pp, good news; and back ▼", () => {
    const up = figureKpi("roi", 3.222, -0.53);
    expect(up.change).toEqual({ kind: "points", value: expect.closeTo(3.752, 12) });
    expect(shown(up)).toBe("▲ 375.20 pp");
    expect(trendOf(up)).toBe("up-good");
    const down = figureKpi("roi", -0.53, 3.222);
    expect(shown(down)).toBe("▼ 375.20 pp");
    expect(trendOf(down)).toBe("down-bad");
  });

  it("CTR from 0.62% to 0.99% reads ▲ 0.37 pp (not ▲ 59.7%)", () => {
    expect(shown(figureKpi("ctr", 0.0099, 0.0062))).toBe("▲ 0.37 pp");
    expect(shown(figureKpi("ctr", 0.0342, 0.04))).toBe("▼ 0.58 pp");
    expect(shown(figureKpi("cvr", 0.25, 0.126))).toBe("▲ 12.40 pp");
  });

  it("money and counts: relative on a positive base, — on a zero base, the amount on a negative base", () => {
    expect(shown(figureKpi("spend", 120, 100))).toBe("▲ 20.0%");
    expect(shown(figureKpi("revenue", 390, 0))).toBe("—");
    expect(shown(figureKpi("orders", 12, 0))).toBe("—");
    const profit = figureKpi("profit", 300, -200);
    expect(profit.change).toEqual({ kind: "absolute", value: 500 });
    expect(shown(profit)).toBe("▲ €500.00");
    expect(trendOf(profit)).toBe("up-good");
    expect(shown(figureKpi("profit", -300, -200))).toBe("▼ €100.00");
  });

  it("no previous value shows nothing; a previous value without a current one shows —", () => {
    expect(shown(figureKpi("roi", 0.2, null))).toBe("");
    expect(trendOf(figureKpi("roi", 0.2, null))).toBe("none");
    expect(shown(figureKpi("roas", null, 2))).toBe("—");
  });

  it("a change whose shown size is zero is flat", () => {
    expect(shown(figureKpi("ctr", 0.04, 0.040_000_01))).toBe("= 0.00 pp");
    expect(trendOf(figureKpi("ctr", 0.04, 0.040_000_01))).toBe("flat");
    expect(shown(figureKpi("leads", 3, 3))).toBe("= 0.0%");
  });

  it("the Answer contract accepts each kind and refuses a bare number", () => {
    const answer = (change: unknown) => ({
      area: "campaigns",
      title: "t",
      period: { from: "2026-11-01", to: "2026-11-30", timezone: "UTC", label: "2026-11" },
      comparison: null,
      kpis: [{ key: "roi", label: "ROI", value: 1, previous: 0.5, change, unit: "percent" as Unit }],
      tables: [],
      charts: [],
      notes: [],
      query: {
        area: "campaigns",
        period: { kind: "month", year: 2026, month: 11 },
        comparison: "previous",
        filters: {},
      },
      actions: [],
      coverage: null,
    });
    for (const kind of ["relative", "points", "absolute"]) {
      expect(answerSchema.safeParse(answer({ kind, value: 0.5 })).success, kind).toBe(true);
    }
    expect(answerSchema.safeParse(answer(null)).success).toBe(true);
    expect(answerSchema.safeParse(answer(0.5)).success).toBe(false);
    expect(answerSchema.safeParse(answer({ kind: "ratio", value: 0.5 })).success).toBe(false);
  });
});
