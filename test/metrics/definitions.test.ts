import { describe, expect, it } from "vitest";
import {
  change,
  computeMetric,
  isMetricKey,
  METRIC_DEFINITIONS,
  METRIC_KEYS,
  METRICS,
  type MetricKey,
  type MetricSums,
  ratio,
} from "../../src/metrics/definitions.js";

const SUMS: MetricSums = {
  spend: 1200,
  impressions: 400_000,
  clicks: 8000,
  leads: 400,
  conversions: 160,
  revenue: 4100,
  cogs: 1500,
  orders: 50,
  users: 900,
  sessions: 12_000,
};

// key → [value from SUMS, the sum whose zero must give null (undefined: plain sums)]
const EXPECTED: Record<MetricKey, [number, keyof MetricSums | undefined]> = {
  spend: [1200, undefined],
  revenue: [4100, undefined],
  impressions: [400_000, undefined],
  clicks: [8000, undefined],
  leads: [400, undefined],
  conversions: [160, undefined],
  orders: [50, undefined],
  users: [900, undefined],
  sessions: [12_000, undefined],
  ctr: [0.02, "impressions"],
  click_to_lead: [0.05, "clicks"],
  cvr: [0.02, "clicks"],
  cpc: [0.15, "clicks"],
  cpm: [3, "impressions"],
  cpl: [3, "leads"],
  cpa: [7.5, "conversions"],
  roas: [4100 / 1200, "spend"],
  roi: [(4100 - 1500 - 1200) / 1200, "spend"],
  aov: [82, "orders"],
};

describe("metric definitions", () => {
  it.each(METRIC_KEYS.map((key) => [key]))("%s from sums", (key) => {
    const [value] = EXPECTED[key];
    expect(computeMetric(key, SUMS)).toBeCloseTo(value, 10);
  });

  it.each(METRIC_KEYS.filter((key) => EXPECTED[key][1]).map((key) => [key]))(
    "%s is null (not 0, NaN or Infinity) for a zero denominator",
    (key) => {
      const denominator = EXPECTED[key][1] as keyof MetricSums;
      expect(computeMetric(key, { ...SUMS, [denominator]: 0 })).toBeNull();
      expect(computeMetric(key, { ...SUMS, [denominator]: null })).toBeNull();
      expect(computeMetric(key, { ...SUMS, [denominator]: undefined })).toBeNull();
    },
  );

  it.each(METRIC_KEYS.map((key) => [key]))("%s is null when nothing is known", (key) => {
    expect(computeMetric(key, {})).toBeNull();
    expect(computeMetric(key, { spend: Number.NaN, clicks: Number.POSITIVE_INFINITY })).toBeNull();
  });

  it("computes a zero numerator as 0, not null", () => {
    expect(computeMetric("ctr", { clicks: 0, impressions: 10 })).toBe(0);
    expect(computeMetric("roas", { revenue: 0, spend: 10 })).toBe(0);
    expect(computeMetric("roi", { revenue: 10, cogs: 0, spend: 10 })).toBe(0);
  });

  it("needs cost of goods for ROI", () => {
    expect(computeMetric("roi", { revenue: 100, spend: 10 })).toBeNull();
  });

  it("has units, labels, directions and a definition for every key", () => {
    expect(METRIC_DEFINITIONS.map((metric) => metric.key)).toEqual([...METRIC_KEYS]);
    for (const key of ["spend", "revenue", "aov", "cpc", "cpm", "cpl", "cpa"] as const) {
      expect(METRICS[key].unit).toBe("currency");
    }
    for (const key of ["ctr", "click_to_lead", "cvr", "roas", "roi"] as const)
      expect(METRICS[key].unit).toBe("ratio");
    for (const key of [
      "impressions",
      "clicks",
      "leads",
      "conversions",
      "orders",
      "users",
      "sessions",
    ] as const) {
      expect(METRICS[key].unit).toBe("count");
    }
    const lowerIsBetter = METRIC_DEFINITIONS.filter((metric) => !metric.higherIsBetter).map(
      (metric) => metric.key,
    );
    expect(lowerIsBetter.sort()).toEqual(["cpa", "cpc", "cpl", "cpm", "spend"]);
    expect(METRICS.roas.display).toBe("multiple");
    expect(METRICS.ctr.display).toBe("percent");
    expect(METRICS.ctr.definition).toBe("clicks ÷ impressions");
    for (const metric of METRIC_DEFINITIONS) expect(metric.label.length).toBeGreaterThan(1);
    expect(isMetricKey("roas")).toBe(true);
    expect(isMetricKey("nope")).toBe(false);
  });
});

describe("ratio", () => {
  it.each([
    [1, 4, 0.25],
    [0, 4, 0],
    [-0, 4, 0],
    [0, -4, 0],
    [3, 0, null],
    [0, 0, null],
    [null, 4, null],
    [4, null, null],
    [undefined, 4, null],
    [Number.NaN, 4, null],
    [4, Number.POSITIVE_INFINITY, null],
    [Number.MAX_VALUE, Number.MIN_VALUE, null],
  ])("ratio(%s, %s) = %s", (numerator, denominator, expected) => {
    const value = ratio(numerator, denominator);
    expect(value).toBe(expected);
    if (value !== null) expect(Object.is(value, -0)).toBe(false);
  });
});

describe("change", () => {
  it.each([
    [3.42, 3.1, (3.42 - 3.1) / 3.1],
    [110, 100, 0.1],
    [90, 100, -0.1],
    [5, 5, 0],
    [0, 100, -1],
    [-50, -100, 0.5],
    [-150, -100, -0.5],
    [100, 0, null],
    [0, 0, null],
    [null, 100, null],
    [100, null, null],
    [Number.NaN, 1, null],
  ])("change(%s, %s) = %s", (current, previous, expected) => {
    const value = change(current, previous);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 12);
  });
});
