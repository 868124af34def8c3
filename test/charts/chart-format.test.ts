import { describe, expect, it } from "vitest";
import { alignData, foldTail, hasValues } from "../../src/charts/chart-data.js";
import { coloursFor, OTHER_COLOUR, PLATFORM_COLOURS, platformColour } from "../../src/charts/chart-theme.js";
import { funnelWidths } from "../../src/charts/funnel-chart.js";
import { formatCategoryLabels, truncateLabel } from "../../src/charts/label-format.js";
import { formatChartValue, formatNumber, formatTick } from "../../src/metrics/format.js";

describe("axis ticks (formatTick)", () => {
  it.each([
    [1234.5, "money", "€1.2k"],
    [12_345, "money", "€12.3k"],
    [999_960, "money", "€1M"],
    [0.45, "money", "€0.45"],
    [-1200, "money", "−€1.2k"],
    [0.034, "percent", "3.4%"],
    [0.5, "percent", "50%"],
    [0.0045, "percent", "0.45%"],
    [-0.35, "percent", "−35%"],
    [3.42, "multiple", "3.42×"],
    [12_300, "count", "12.3k"],
    [950, "count", "950"],
    [2_450_000, "count", "2.5M"],
    [0, "count", "0"],
    [-0.00001, "count", "0"],
    [4.5, "days", "4.5 d"],
  ] as const)("%d as %s → %s", (value, unit, expected) => {
    expect(formatTick(value, unit, "EUR")).toBe(expected);
  });

  it("shows missing values as a dash", () => {
    expect(formatTick(null, "count", "EUR")).toBe("—");
    expect(formatTick(Number.NaN, "percent", "EUR")).toBe("—");
  });

  it("uses the currency option", () => {
    expect(formatTick(1500, "money", "USD")).toBe("$1.5k");
    expect(formatTick(1500, "money", "chf")).toBe("CHF 1.5k");
  });
});

describe("value labels (formatChartValue): the text's precision, thousands abbreviated", () => {
  it.each([
    [0.0342, "percent"],
    [0.5, "percent"],
    [3.421, "multiple"],
    [4.55, "days"],
    [950, "count"],
    [12.5, "money"],
  ] as const)("%d as %s reads as in text", (value, unit) => {
    expect(formatChartValue(value, unit, "EUR")).toBe(formatNumber(value, unit, { currency: "EUR" }));
  });

  it.each([
    [12_345, "money", "€12.3k"],
    [2_450_000, "count", "2.5M"],
    [-1200, "money", "−€1.2k"],
  ] as const)("%d as %s → %s", (value, unit, expected) => {
    expect(formatChartValue(value, unit, "EUR")).toBe(expected);
  });

  it("reads a chart's unit as given: no unit is guessed from the chart's key", () => {
    expect(formatChartValue(3.42, "multiple", "EUR")).toBe("3.42×");
    expect(formatChartValue(0.0342, "percent", "EUR")).toBe("3.42%");
  });
});

describe("labels", () => {
  it("truncates long labels with an ellipsis", () => {
    expect(truncateLabel("Black Friday early access", 13)).toBe("Black Friday…");
    expect(truncateLabel("Short", 12)).toBe("Short");
  });

  it("formats ISO days and months", () => {
    expect(formatCategoryLabels(["2026-11-01", "2026-11-02"], 20)).toEqual(["Nov 1", "Nov 2"]);
    expect(formatCategoryLabels(["2026-12-31", "2027-01-01"], 20)).toEqual(["Dec 31, 2026", "Jan 1, 2027"]);
    expect(formatCategoryLabels(["2026-10", "2026-11"], 20)).toEqual(["Oct 2026", "Nov 2026"]);
    expect(formatCategoryLabels(["2026-11-01", "Berlin"], 20)).toEqual(["2026-11-01", "Berlin"]);
  });
});

describe("chart data", () => {
  it("aligns series to labels with nulls", () => {
    const data = alignData({ labels: ["a", "b", "c"], series: [{ name: "x", values: [1, Number.NaN] }] });
    expect(data.series[0]?.values).toEqual([1, null, null]);
    expect(hasValues(data)).toBe(true);
    expect(hasValues(alignData({ labels: ["a"], series: [{ name: "x", values: [null] }] }))).toBe(false);
  });

  it("folds the tail into Other, keeping the given order", () => {
    const data = alignData({
      labels: ["a", "b", "c", "d"],
      series: [{ name: "x", values: [1, 5, null, 3] }],
    });
    const summed = foldTail(data, 3, "sum", "given");
    expect(summed.labels).toEqual(["a", "b", "Other (2)"]);
    expect(summed.series[0]?.values).toEqual([1, 5, 3]);
    expect(summed.hidden).toBe(2);
    expect(foldTail(data, 2, "drop", "given").labels).toEqual(["a", "b"]);
    expect(foldTail(data, 4, "drop", "given")).toBe(data);
  });

  it("folds the tail into Other, largest first", () => {
    const data = alignData({
      labels: ["a", "b", "c", "d"],
      series: [{ name: "x", values: [1, 5, null, 3] }],
    });
    const summed = foldTail(data, 3, "sum", "largest");
    expect(summed.labels).toEqual(["b", "d", "Other (2)"]);
    expect(summed.series[0]?.values).toEqual([5, 3, 1]);
    expect(foldTail(data, 4, "drop", "largest").labels).toEqual(["b", "d", "a", "c"]);
  });

  it("scales funnel widths logarithmically", () => {
    const [top, mid, zero, gap] = funnelWidths([1_000_000, 1_000, 0, null]);
    expect(top).toBe(1);
    expect(mid).toBeGreaterThan(0.45);
    expect(mid).toBeLessThan(0.6);
    expect(zero).toBe(0);
    expect(gap).toBeNull();
  });
});

describe("theme", () => {
  it("matches platforms case-insensitively", () => {
    expect(platformColour("META")).toBe(PLATFORM_COLOURS.meta);
    expect(platformColour("Google Ads")).toBe(PLATFORM_COLOURS.google);
    expect(platformColour("tiktok")).toBe(PLATFORM_COLOURS.tiktok);
    expect(platformColour("Berlin")).toBeUndefined();
  });

  it("uses platform colours only when every name is a platform", () => {
    expect(coloursFor(["Meta", "LinkedIn", "Other (3)"])).toEqual([
      PLATFORM_COLOURS.meta,
      PLATFORM_COLOURS.linkedin,
      OTHER_COLOUR,
    ]);
    expect(coloursFor(["Meta", "Berlin"])).not.toContain(PLATFORM_COLOURS.meta);
  });

  it("gives every platform a distinct colour", () => {
    const colours = Object.values(PLATFORM_COLOURS);
    expect(new Set(colours).size).toBe(colours.length);
  });
});
