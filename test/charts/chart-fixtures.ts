/** Sample chart specs, one realistic spec per kind, shared by the chart tests and bench/chart-bench.ts. */
import type { ChartKind, ChartSpec } from "../../src/answer/answer.js";

/** Deterministic pseudo-random numbers (mulberry32), so fixtures never change between runs. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** ISO days from 2026-10-27 on, crossing the month end. */
export function isoDays(count: number, start = Date.UTC(2026, 9, 27)): string[] {
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

export const PLATFORMS = ["Meta", "Google", "TikTok", "LinkedIn", "Pinterest", "Snapchat", "Microsoft"];

export const barSpec: ChartSpec = {
  key: "roi_by_platform",
  kind: "bar",
  title: "ROI by platform · this vs previous period",
  unit: "percent",
  labels: PLATFORMS,
  series: [
    { name: "Last 30 days", values: [0.85, 1.2, -0.35, -0.12, 0.4, null, 0.66] },
    { name: "Previous 30 days", values: [0.72, 1.05, 0.1, -0.2, 0.31, 0.05, 0.7] },
  ],
};

export const horizontalBarSpec: ChartSpec = {
  key: "revenue_by_campaign",
  kind: "horizontal-bar",
  title: "Revenue by campaign",
  unit: "money",
  labels: [
    "Black Friday 2026 — Early Access for Loyalty Members (EU, all categories)",
    "Winter boots retargeting",
    "Brand search",
    "Cyber Monday bundle",
    "Newsletter sign-up lead gen",
    "Summer clearance",
  ],
  series: [{ name: "Revenue", values: [48210.5, 23120, 19870.25, 12004, 3050.75, 980] }],
};

export const lineSpec: ChartSpec = {
  key: "revenue_per_day",
  kind: "line",
  title: "Revenue and spend per day",
  unit: "money",
  labels: isoDays(30),
  series: (() => {
    const next = seeded(7);
    const revenue = Array.from({ length: 30 }, (_, i) =>
      Math.round(8000 + 4000 * Math.sin(i / 4) + 3000 * next()),
    );
    const spend = revenue.map((v, i) =>
      i === 12 || i === 13 ? null : Math.round(v * (0.25 + 0.1 * next())),
    );
    return [
      { name: "Revenue", values: revenue },
      { name: "Ad spend", values: spend },
    ];
  })(),
};

export const doughnutSpec: ChartSpec = {
  key: "orders_by_payment_method",
  kind: "doughnut",
  title: "Orders by payment method",
  unit: "count",
  labels: ["Credit card", "PayPal", "Klarna", "Apple Pay", "Bank transfer", "Gift card"],
  series: [{ name: "Orders", values: [5120, 3890, 1720, 1210, 640, 95] }],
};

export const funnelSpec: ChartSpec = {
  key: "funnel",
  kind: "funnel",
  title: "Ad funnel · last 30 days",
  unit: "count",
  labels: ["Impressions", "Clicks", "Leads", "Conversions"],
  series: [{ name: "Count", values: [2_450_000, 61_250, 4_900, 1_176] }],
};

export const waterfallSpec: ChartSpec = {
  key: "waterfall_by_platform",
  kind: "waterfall",
  title: "ROAS: what moved it, by platform",
  unit: "multiple",
  labels: ["Before", "Meta", "TikTok", "Google", "Other (2)", "Now"],
  series: [{ name: "ROAS", values: [4.1, -0.49, -0.18, 0.05, -0.08, 3.4] }],
};

export const SPECS_BY_KIND: Readonly<Record<ChartKind, ChartSpec>> = {
  bar: barSpec,
  "horizontal-bar": horizontalBarSpec,
  line: lineSpec,
  doughnut: doughnutSpec,
  funnel: funnelSpec,
  waterfall: waterfallSpec,
};

export const CHART_KINDS = Object.keys(SPECS_BY_KIND) as ChartKind[];

/** The same spec with every value scaled (different data, same shape). */
export function scaled(spec: ChartSpec, factor: number): ChartSpec {
  return {
    ...spec,
    series: spec.series.map((s) => ({ ...s, values: s.values.map((v) => (v === null ? null : v * factor)) })),
  };
}

/** A spec of the given kind with many labels (e.g. 200 cities or days). */
export function manyLabels(kind: ChartKind, count: number): ChartSpec {
  const next = seeded(count);
  const labels =
    kind === "line" ? isoDays(count) : Array.from({ length: count }, (_, i) => `City number ${i + 1}`);
  return {
    key: `many_${kind}`,
    kind,
    title: `${count} labels`,
    unit: "money",
    labels,
    series: [{ name: "Revenue", values: labels.map(() => Math.round(100 + 10_000 * next() ** 3)) }],
  };
}
