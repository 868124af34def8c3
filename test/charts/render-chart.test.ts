import { describe, expect, it } from "vitest";
import type { ChartKind, ChartSpec } from "../../src/answer/answer.js";
import { DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH, renderChart } from "../../src/charts/index.js";
import { CHART_KINDS, isoDays, manyLabels, SPECS_BY_KIND, scaled } from "./chart-fixtures.js";
import { PNG_SIGNATURE, pixelStats, pngSize } from "./png-helpers.js";

/** Teams renders images up to ~60 KB comfortably; the small size must stay under it. */
const TEAMS_IMAGE_BUDGET = 60 * 1024;

function withSeries(spec: ChartSpec, labels: string[], values: (number | null)[][]): ChartSpec {
  return { ...spec, labels, series: values.map((v, i) => ({ name: `Series ${i + 1}`, values: v })) };
}

async function expectValidChart(png: Buffer, width = DEFAULT_CHART_WIDTH, height = DEFAULT_CHART_HEIGHT) {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(pngSize(png)).toEqual({ width, height });
  const stats = await pixelStats(png);
  expect(stats.distinctColours).toBeGreaterThan(10);
  expect(stats.luminanceStdDev).toBeGreaterThan(5);
  expect(stats.corner).toEqual([255, 255, 255, 255]);
}

describe.each(CHART_KINDS)("renderChart(%s)", (kind: ChartKind) => {
  const spec = SPECS_BY_KIND[kind];

  it("renders a non-blank PNG of the default size", async () => {
    await expectValidChart(renderChart(spec));
  });

  it("renders a smaller size within the Teams image budget", async () => {
    const png = renderChart(spec, { width: 800, height: 450 });
    await expectValidChart(png, 800, 450);
    expect(png.length).toBeLessThan(TEAMS_IMAGE_BUDGET);
  });

  it("gives identical bytes for identical input, whatever was rendered before", () => {
    const first = renderChart(spec);
    renderChart(SPECS_BY_KIND[kind === "bar" ? "line" : "bar"]);
    renderChart(spec, { width: 800, height: 450 });
    expect(renderChart(spec).equals(first)).toBe(true);
  });

  it("gives different bytes for different data", () => {
    expect(renderChart(scaled(spec, 1.5)).equals(renderChart(spec))).toBe(false);
  });

  it("renders the no-data image for empty and all-null series", async () => {
    const noData = renderChart({ ...spec, labels: [], series: [] });
    await expectValidChart(noData);
    expect(renderChart({ ...spec, series: [] }).equals(noData)).toBe(true);
    const allNull = spec.series.map((s) => ({ ...s, values: s.values.map(() => null) }));
    expect(renderChart({ ...spec, series: allNull }).equals(noData)).toBe(true);
    expect(renderChart(spec).equals(noData)).toBe(false);
  });

  it("renders 200 labels", async () => {
    await expectValidChart(renderChart(manyLabels(kind, 200)));
  });

  it("renders very long labels and titles", async () => {
    const long = (i: number) =>
      `${i} ${"Winter boots retargeting campaign with a very long name ".repeat(6)}`;
    const labels = kind === "line" ? isoDays(5) : [0, 1, 2, 3, 4].map(long);
    const longSpec = withSeries({ ...spec, title: long(9).repeat(3) }, labels, [[1200, 800, 300, 90, 12]]);
    await expectValidChart(renderChart(longSpec));
  });

  it("renders negative values", async () => {
    const labels = kind === "line" ? isoDays(4) : ["Meta", "Google", "TikTok", "LinkedIn"];
    const roi = withSeries({ ...spec, unit: "percent" }, labels, [[0.42, -0.35, 1.2, -0.05]]);
    await expectValidChart(renderChart(roi));
  });

  it("renders a single point", async () => {
    const labels = kind === "line" ? ["2026-11-01"] : ["Meta"];
    await expectValidChart(renderChart(withSeries(spec, labels, [[1234]])));
  });

  it("treats values missing from a short series as gaps", async () => {
    const short = withSeries(spec, ["2026-11-01", "2026-11-02", "2026-11-03"], [[5, 7]]);
    await expectValidChart(renderChart(short));
  });
});

describe("renderChart details", () => {
  it("draws null as a gap, not as zero", () => {
    for (const kind of ["bar", "line", "funnel"] as const) {
      const labels = ["2026-11-01", "2026-11-02", "2026-11-03"];
      const gap = withSeries(SPECS_BY_KIND[kind], labels, [[900, null, 300]]);
      const zero = withSeries(SPECS_BY_KIND[kind], labels, [[900, 0, 300]]);
      expect(renderChart(gap).equals(renderChart(zero)), kind).toBe(false);
    }
  });

  it("marks an isolated point in a long line series", () => {
    const labels = isoDays(100);
    const values = labels.map((_, i) => (i < 40 ? 100 + i : i === 60 ? 120 : null));
    const without = values.map((v, i) => (i === 60 ? null : v));
    const line = (v: (number | null)[]) => renderChart(withSeries(SPECS_BY_KIND.line, labels, [v]));
    expect(line(values).equals(line(without))).toBe(false);
  });

  it("formats currency values with the currency option", () => {
    const spec = SPECS_BY_KIND["horizontal-bar"];
    expect(renderChart(spec).equals(renderChart(spec, { currency: "EUR" }))).toBe(true);
    expect(renderChart(spec, { currency: "USD" }).equals(renderChart(spec))).toBe(false);
  });

  it("renders a doughnut whose values are all negative as no data", () => {
    const spec = SPECS_BY_KIND.doughnut;
    const negative = withSeries(spec, ["a", "b"], [[-5, -1]]);
    expect(renderChart(negative).equals(renderChart({ ...spec, series: [] }))).toBe(true);
  });

  it("ignores non-finite values", async () => {
    const spec = withSeries(SPECS_BY_KIND.bar, ["a", "b", "c"], [[Number.NaN, Number.POSITIVE_INFINITY, 5]]);
    await expectValidChart(renderChart(spec));
  });

  it("rejects sizes outside the supported range", () => {
    expect(() => renderChart(SPECS_BY_KIND.bar, { width: 10 })).toThrow(RangeError);
    expect(() => renderChart(SPECS_BY_KIND.bar, { height: 1.5 })).toThrow(/height/);
  });

  it("rejects an unknown kind with its name", () => {
    const spec = { ...SPECS_BY_KIND.bar, kind: "pie" } as unknown as ChartSpec;
    expect(() => renderChart(spec)).toThrow(/"pie"/);
  });
});
