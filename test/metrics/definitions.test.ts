import { describe, expect, it } from "vitest";
import { DEFAULT_PERIOD } from "../../src/answer/query.js";
import type { AreaContext } from "../../src/areas/area-module.js";
import { AREA_NAMES, type Area, areaModule } from "../../src/areas/registry.js";
import {
  computeMetric,
  isMetricKey,
  METRIC_DEFINITIONS,
  METRIC_KEYS,
  METRICS,
  type MetricKey,
  type MetricSums,
  ratio,
} from "../../src/metrics/definitions.js";
import { headingOf, isKnownColumn, measureOf, unitOf } from "../../src/metrics/measures.js";

const CONTEXT = (area: Area): AreaContext => ({
  query: { area, period: DEFAULT_PERIOD, comparison: "previous", filters: {} },
  period: { from: "2026-11-01", to: "2026-11-02", timezone: "UTC", label: "Nov 1 – Nov 2, 2026" },
  comparison: null,
  filters: {},
  notes: [],
});
const SUMS0 = {
  impressions: 1,
  clicks: 1,
  leads: 1,
  conversions: 1,
  spend: 1,
  orders: 1,
  revenue: 1,
  cogs: 1,
};
const AD = {
  totals: SUMS0,
  byCampaign: [{ ...SUMS0, campaignId: 1, campaign: "A" }],
  byPlatform: [{ ...SUMS0, platform: "meta", platformName: "Meta" }],
  byFormat: [{ ...SUMS0, format: "image" }],
};
const ROW = [{ key: "x", count: 1, amount: 1 }];
const STOCK = [
  {
    sku: "S",
    product: "P",
    category: "c",
    price: 1,
    stock: 1,
    reorderLevel: 2,
    status: "low",
    unitsSold30d: 3,
  },
];
/** One row of data for every area, enough for every table to have a row. */
const EMPTY: Record<Area, unknown> = {
  campaigns: AD,
  "ad-performance": AD,
  roas: AD,
  ctr: AD,
  ads: {
    live: 1,
    activeNow: 1,
    pausedNow: 0,
    endedNow: 0,
    plannedBudget: 1,
    spend: 1,
    byFormat: ROW,
    byPlatform: ROW,
    byStatus: ROW,
    byPlatformSpend: [{ key: "x", amount: 1 }],
  },
  orders: {
    totals: { ordersPlaced: 1, orders: 1, items: 1, gross: 1, discount: 0, revenue: 1, cogs: 1 },
    byDay: [],
    byPaymentMethod: ROW,
    byCity: ROW,
    topProducts: [{ product: "P", category: "c", units: 1, revenue: 1 }],
    productsSold: 1,
  },
  users: {
    totalUsers: 1,
    newUsers: 1,
    activeUsers: 1,
    byDay: [],
    byGender: ROW,
    byBirthYear: [],
    byBirthDate: [],
    byDevice: ROW,
    byPlatform: ROW,
    byCity: ROW,
  },
  products: {
    activeProducts: 1,
    stockUnits: 1,
    stockValue: 1,
    unitsSold: 1,
    revenue: 1,
    byCategory: [{ category: "c", products: 1, stockUnits: 1, low: 1, out: 0 }],
    priceBands: [1],
    lowStock: STOCK,
  },
  stock: STOCK,
  traffic: {
    totals: { sessions: 1, convertedSessions: 1, orders: 1, revenue: 1 },
    bySource: [{ sessions: 1, convertedSessions: 1, orders: 1, revenue: 1, source: "s", sourceName: "S" }],
    byDay: [],
  },
};

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
      expect(METRICS[key].unit).toBe("money");
    }
    for (const key of ["ctr", "click_to_lead", "cvr", "roi"] as const)
      expect(METRICS[key].unit).toBe("percent");
    expect(METRICS.roas.unit).toBe("multiple");
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

describe("every chart says what it shows", () => {
  it("carries the answer's dates (or the as-of day) under its title in every area", () => {
    for (const area of AREA_NAMES) {
      const module = areaModule(area);
      const answer = module.answerFrom(CONTEXT(area), EMPTY[area], null);
      for (const chart of answer.charts) {
        expect(chart.subtitle, `${area} ${chart.key}`).toBe(
          module.asOfNow ? "as of Nov 2, 2026" : "Nov 1 – Nov 2, 2026",
        );
      }
    }
  });
});

describe("the metric table presents every key the areas show", () => {
  it("gives every KPI and every column of every area's answer its unit and heading, the same everywhere", () => {
    const answers = AREA_NAMES.map((area) => areaModule(area).answerFrom(CONTEXT(area), EMPTY[area], null));
    for (const answer of answers) {
      for (const kpi of answer.kpis) {
        expect(measureOf(kpi.key), `${answer.area} KPI ${kpi.key}`).toBeDefined();
        expect(kpi.unit).toBe(unitOf(kpi.key));
      }
      for (const table of answer.tables) {
        table.columns.forEach((column, i) => {
          expect(isKnownColumn(column), `${answer.area} column ${column}`).toBe(true);
          expect(table.units?.[i]).toBe(unitOf(column));
        });
      }
    }
  });

  it("reads ROAS as a multiple and CTR as a percent, by the key's definition, not its words", () => {
    expect(unitOf("roas")).toBe("multiple");
    expect(unitOf("ctr")).toBe("percent");
    expect(headingOf("click_to_lead")).toBe("Click-to-lead");
    expect(headingOf("payment_method")).toBe("Payment method");
    expect(headingOf("some_new_column")).toBe("Some new column");
    expect(unitOf("roas_by_platform")).toBe("text");
  });
});
