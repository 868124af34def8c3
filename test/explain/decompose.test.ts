/**
 * The split of a KPI's change over members, on hand-built sums: for every KPI `explain` knows
 * (the families of src/explain/explain-kpis.ts), the contributions add up to the total change —
 * to the cent for sums, to 1e-9 for ratios — and each ratio member's rate + mix is its
 * contribution; members that appear or disappear; zero denominators; a change that is all mix
 * and one that is all rate.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FAMILIES, type KpiSpec, type Sums } from "../../src/areas/explain-families.js";
import { decomposeAdditive, decomposeRatio, type MemberInput } from "../../src/explain/decompose.js";
import { memberInputs, splitBy } from "../../src/explain/explain-split.js";
import type { MemberRow } from "../../src/explain/member-queries.js";
import { computeMetric, isMetricKey } from "../../src/metrics/definitions.js";

const sumOf = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Hand-built members of an ad family: three platforms, one new this period, one gone. */
const AD_PREVIOUS: MemberRow[] = [
  {
    key: "meta",
    label: "Meta",
    sums: {
      impressions: 120_000,
      clicks: 2_400,
      leads: 300,
      conversions: 96,
      spend: 1_850.25,
      revenue: 7_402.1,
      cogs: 2_960.84,
      orders: 96,
    },
  },
  {
    key: "google",
    label: "Google",
    sums: {
      impressions: 80_000,
      clicks: 2_000,
      leads: 220,
      conversions: 80,
      spend: 1_400.4,
      revenue: 6_300.99,
      cogs: 2_500.12,
      orders: 80,
    },
  },
  {
    key: "snap",
    label: "Snap",
    sums: {
      impressions: 10_000,
      clicks: 90,
      leads: 9,
      conversions: 2,
      spend: 75.5,
      revenue: 88.13,
      cogs: 30.01,
      orders: 2,
    },
  },
];
const AD_CURRENT: MemberRow[] = [
  {
    key: "meta",
    label: "Meta",
    sums: {
      impressions: 150_000,
      clicks: 2_250,
      leads: 250,
      conversions: 60,
      spend: 2_410.77,
      revenue: 5_120.3,
      cogs: 2_048.11,
      orders: 60,
    },
  },
  {
    key: "google",
    label: "Google",
    sums: {
      impressions: 85_000,
      clicks: 2_300,
      leads: 260,
      conversions: 91,
      spend: 1_520.0,
      revenue: 7_005.45,
      cogs: 2_802.18,
      orders: 91,
    },
  },
  {
    key: "tiktok",
    label: "TikTok",
    sums: {
      impressions: 40_000,
      clicks: 500,
      leads: 40,
      conversions: 12,
      spend: 640.33,
      revenue: 702.7,
      cogs: 281.08,
      orders: 12,
    },
  },
];
const ORDER_PREVIOUS: MemberRow[] = [
  { key: "Berlin", label: "Berlin", sums: { revenue: 10_400.55, orders: 81, items: 190, discount: 420.1 } },
  { key: "Munich", label: "Munich", sums: { revenue: 6_020.4, orders: 40, items: 88, discount: 130.0 } },
  { key: "Kiel", label: "Kiel", sums: { revenue: 310.99, orders: 3, items: 4, discount: 4.5 } },
];
const ORDER_CURRENT: MemberRow[] = [
  { key: "Berlin", label: "Berlin", sums: { revenue: 11_950.05, orders: 90, items: 212, discount: 380.45 } },
  { key: "Munich", label: "Munich", sums: { revenue: 5_100.0, orders: 41, items: 80, discount: 222.22 } },
  { key: "Bonn", label: "Bonn", sums: { revenue: 799.01, orders: 6, items: 9, discount: 12.5 } },
];
const TRAFFIC_PREVIOUS: MemberRow[] = [
  {
    key: "mobile",
    label: "mobile",
    sums: { sessions: 9_000, converted_sessions: 270, orders: 280, revenue: 30_100.5 },
  },
  {
    key: "desktop",
    label: "desktop",
    sums: { sessions: 4_000, converted_sessions: 200, orders: 210, revenue: 25_000.25 },
  },
];
const TRAFFIC_CURRENT: MemberRow[] = [
  {
    key: "mobile",
    label: "mobile",
    sums: { sessions: 11_000, converted_sessions: 308, orders: 320, revenue: 33_333.33 },
  },
  {
    key: "desktop",
    label: "desktop",
    sums: { sessions: 3_500, converted_sessions: 182, orders: 190, revenue: 22_222.22 },
  },
  {
    key: "tablet",
    label: "tablet",
    sums: { sessions: 500, converted_sessions: 20, orders: 20, revenue: 1_999.99 },
  },
];
const DATA = {
  ads: [AD_CURRENT, AD_PREVIOUS],
  orders: [ORDER_CURRENT, ORDER_PREVIOUS],
  traffic: [TRAFFIC_CURRENT, TRAFFIC_PREVIOUS],
} as const;

/** The KPI over all members, straight from the summed sums (the metric table's definition where it has one). */
function totalValue(kpi: string, spec: KpiSpec, rows: readonly MemberRow[]): number {
  const sums: Record<string, number> = {};
  for (const row of rows) for (const [k, v] of Object.entries(row.sums)) sums[k] = (sums[k] ?? 0) + v;
  if (isMetricKey(kpi) && kpi !== "orders" && kpi !== "revenue") {
    const value = computeMetric(kpi, sums);
    if (value !== null) return value;
  }
  if (spec.kind === "additive") return spec.sum(sums as Sums);
  return (spec.numerator(sums) / spec.denominator(sums)) * (spec.scale ?? 1);
}

describe("every KPI explain knows: contributions add up to the total change", () => {
  const cases = FAMILIES.flatMap((family) =>
    Object.entries(family.kpis).map(([kpi, spec]) => ({ family: family.family, kpi, spec })),
  );
  it.each(cases)("$family $kpi", ({ family, kpi, spec }) => {
    const [current, previous] = DATA[family];
    const split = splitBy(spec, memberInputs(spec, current, previous));
    if (!split) throw new Error("no split");
    const expected = totalValue(kpi, spec, current) - totalValue(kpi, spec, previous);
    const total = sumOf(split.members.map((m) => m.contribution));
    if (spec.kind === "additive") {
      expect(Math.abs(total - expected)).toBeLessThan(0.005);
      expect(Math.abs(split.change - expected)).toBeLessThan(0.005);
      for (const m of split.members)
        expect(m.contribution).toBeCloseTo((m.current ?? 0) - (m.previous ?? 0), 9);
    } else {
      expect(Math.abs(total - expected)).toBeLessThan(1e-9);
      expect(Math.abs(split.change - expected)).toBeLessThan(1e-9);
      for (const m of split.members)
        expect(Math.abs((m.rate ?? 0) + (m.mix ?? 0) - m.contribution)).toBeLessThan(1e-12);
      const rate = sumOf(split.members.map((m) => m.rate ?? 0));
      const mix = sumOf(split.members.map((m) => m.mix ?? 0));
      expect(Math.abs(rate + mix - expected)).toBeLessThan(1e-9);
    }
    expect(split.members.map((m) => m.key).sort()).toEqual(
      [...new Set([...current, ...previous].map((r) => r.key))].sort(),
    );
  });

  it("holds for random members and sums (ratios to 1e-9 of the change's scale)", () => {
    const member = fc.record({
      current: fc.option(
        fc.record({
          numerator: fc.integer({ min: 0, max: 1e7 }),
          denominator: fc.integer({ min: 0, max: 1e6 }),
        }),
        { nil: undefined },
      ),
      previous: fc.option(
        fc.record({
          numerator: fc.integer({ min: 0, max: 1e7 }),
          denominator: fc.integer({ min: 0, max: 1e6 }),
        }),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 40 }), (raw) => {
        const members: MemberInput[] = raw.map((m, i) => ({
          key: String(i),
          label: `m${i}`,
          ...(m.current ? { current: m.current } : {}),
          ...(m.previous ? { previous: m.previous } : {}),
        }));
        const additive = decomposeAdditive(members);
        expect(sumOf(additive.members.map((m) => m.contribution))).toBe(additive.change);
        const ratio = decomposeRatio(members);
        const d1 = sumOf(members.map((m) => m.current?.denominator ?? 0));
        const d0 = sumOf(members.map((m) => m.previous?.denominator ?? 0));
        if (d1 === 0 || d0 === 0) {
          expect(ratio).toBeNull();
          return;
        }
        if (!ratio) throw new Error("expected a split");
        const n1 = sumOf(members.map((m) => m.current?.numerator ?? 0));
        const n0 = sumOf(members.map((m) => m.previous?.numerator ?? 0));
        const scale = Math.max(1, Math.abs(n1 / d1), Math.abs(n0 / d0));
        expect(Math.abs(sumOf(ratio.members.map((m) => m.contribution)) - (n1 / d1 - n0 / d0))).toBeLessThan(
          1e-9 * scale,
        );
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});

describe("members that appear or disappear", () => {
  it("an additive member new this period contributes its whole value; one gone, minus its previous value", () => {
    const split = decomposeAdditive([
      {
        key: "a",
        label: "A",
        current: { numerator: 100, denominator: 0 },
        previous: { numerator: 80, denominator: 0 },
      },
      { key: "new", label: "New", current: { numerator: 30.5, denominator: 0 } },
      { key: "gone", label: "Gone", previous: { numerator: 12.25, denominator: 0 } },
    ]);
    const by = Object.fromEntries(split.members.map((m) => [m.key, m]));
    expect(by.new).toMatchObject({ contribution: 30.5, previous: null, current: 30.5 });
    expect(by.gone).toMatchObject({ contribution: -12.25, previous: 12.25, current: null });
    expect(split.change).toBeCloseTo(20 + 30.5 - 12.25, 10);
  });

  it("a ratio member new or gone has no rate effect: all of its contribution is mix", () => {
    const split = decomposeRatio([
      {
        key: "a",
        label: "A",
        current: { numerator: 400, denominator: 100 },
        previous: { numerator: 400, denominator: 100 },
      },
      { key: "new", label: "New", current: { numerator: 50, denominator: 50 } },
      { key: "gone", label: "Gone", previous: { numerator: 300, denominator: 50 } },
    ]);
    if (!split) throw new Error("expected a split");
    const by = Object.fromEntries(split.members.map((m) => [m.key, m]));
    // before: 700 / 150 = 4.667; now: 450 / 150 = 3.
    expect(split.change).toBeCloseTo(3 - 700 / 150, 12);
    expect(by.new?.rate).toBe(0);
    expect(by.gone?.rate).toBe(0);
    expect(by.new?.mix).toBeCloseTo(by.new?.contribution ?? Number.NaN, 12);
    expect(by.a?.rate).toBe(0);
    // A low-ROAS member arriving and a high-ROAS one leaving both pull the total down.
    expect(by.new?.contribution).toBeLessThan(0);
    expect(by.gone?.contribution).toBeLessThan(0);
    expect(sumOf(split.members.map((m) => m.contribution))).toBeCloseTo(split.change, 12);
  });
});

describe("members with nothing", () => {
  it("a member with none of the KPI in either period is left out", () => {
    const spec: KpiSpec = FAMILIES[1]?.kpis.revenue as KpiSpec;
    const members = memberInputs(
      spec,
      [{ key: "Essen", label: "Essen", sums: { revenue: 0, orders: 0 } }, ...ORDER_CURRENT],
      [{ key: "Essen", label: "Essen", sums: { revenue: 0, orders: 0 } }, ...ORDER_PREVIOUS],
    );
    expect(members.map((m) => m.key)).not.toContain("Essen");
    expect(members).toHaveLength(4);
  });
});

describe("zero denominators", () => {
  it("a ratio with no denominator in a period has no change to split", () => {
    expect(
      decomposeRatio([
        {
          key: "a",
          label: "A",
          current: { numerator: 10, denominator: 5 },
          previous: { numerator: 0, denominator: 0 },
        },
      ]),
    ).toBeNull();
    expect(
      decomposeRatio([
        {
          key: "a",
          label: "A",
          current: { numerator: 3, denominator: 0 },
          previous: { numerator: 4, denominator: 2 },
        },
      ]),
    ).toBeNull();
  });

  it("a member with a numerator but no denominator (revenue without spend) still adds up, as mix", () => {
    const split = decomposeRatio([
      {
        key: "a",
        label: "A",
        current: { numerator: 300, denominator: 100 },
        previous: { numerator: 200, denominator: 100 },
      },
      {
        key: "free",
        label: "Free",
        current: { numerator: 50, denominator: 0 },
        previous: { numerator: 0, denominator: 0 },
      },
    ]);
    if (!split) throw new Error("expected a split");
    expect(split.change).toBeCloseTo(3.5 - 2, 12);
    const free = split.members.find((m) => m.key === "free");
    expect(free).toMatchObject({ current: null, previous: null, rate: 0 });
    expect(free?.contribution).toBeCloseTo(0.5, 12);
    expect(sumOf(split.members.map((m) => m.contribution))).toBeCloseTo(1.5, 12);
    for (const m of split.members) expect(Number.isFinite(m.contribution)).toBe(true);
  });
});

describe("rate effect and mix effect", () => {
  it("weight moving to a low-ratio member with every member's own ratio unchanged is all mix", () => {
    // Meta 5× and TikTok 1× both keep their ROAS; spend moves from Meta to TikTok.
    const split = decomposeRatio([
      {
        key: "meta",
        label: "Meta",
        previous: { numerator: 4000, denominator: 800 },
        current: { numerator: 2000, denominator: 400 },
      },
      {
        key: "tiktok",
        label: "TikTok",
        previous: { numerator: 200, denominator: 200 },
        current: { numerator: 600, denominator: 600 },
      },
    ]);
    if (!split) throw new Error("expected a split");
    expect(split.previous).toBeCloseTo(4.2, 12);
    expect(split.current).toBeCloseTo(2.6, 12);
    const rate = sumOf(split.members.map((m) => m.rate ?? 0));
    const mix = sumOf(split.members.map((m) => m.mix ?? 0));
    expect(rate).toBeCloseTo(0, 12);
    expect(mix).toBeCloseTo(-1.6, 12);
  });

  it("members' own ratios falling with the same weights is all rate", () => {
    const split = decomposeRatio([
      {
        key: "meta",
        label: "Meta",
        previous: { numerator: 4000, denominator: 800 },
        current: { numerator: 2400, denominator: 800 },
      },
      {
        key: "google",
        label: "Google",
        previous: { numerator: 600, denominator: 200 },
        current: { numerator: 500, denominator: 200 },
      },
    ]);
    if (!split) throw new Error("expected a split");
    const meta = split.members.find((m) => m.key === "meta");
    expect(meta?.rate).toBeCloseTo(0.8 * (3 - 5), 12);
    expect(meta?.mix).toBeCloseTo(0, 12);
    expect(sumOf(split.members.map((m) => m.mix ?? 0))).toBeCloseTo(0, 12);
    expect(sumOf(split.members.map((m) => m.rate ?? 0))).toBeCloseTo(split.change, 12);
    expect(split.members[0]?.key).toBe("meta");
  });

  it("scales ratios (CPM is spend per thousand impressions)", () => {
    const split = decomposeRatio(
      [
        {
          key: "a",
          label: "A",
          previous: { numerator: 10, denominator: 1000 },
          current: { numerator: 30, denominator: 2000 },
        },
      ],
      1000,
    );
    expect(split?.previous).toBeCloseTo(10, 12);
    expect(split?.current).toBeCloseTo(15, 12);
    expect(split?.members[0]?.contribution).toBeCloseTo(5, 12);
  });
});
