import { describe, expect, it } from "vitest";
import { alignData, foldTail, hasValues } from "../../src/charts/chart-data.js";
import { coloursFor, OTHER_COLOUR, PLATFORM_COLOURS, platformColour } from "../../src/charts/chart-theme.js";
import { funnelWidths } from "../../src/charts/funnel-chart.js";
import { formatCategoryLabels, truncateLabel } from "../../src/charts/label-format.js";
import { formatShare, formatValue, valueStyleOf } from "../../src/charts/value-format.js";

describe("formatValue", () => {
  it.each([
    [1234.5, "currency", "€1.2k"],
    [12_345, "currency", "€12.3k"],
    [999_960, "currency", "€1M"],
    [0.45, "currency", "€0.45"],
    [-1200, "currency", "−€1.2k"],
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
  ] as const)("%d as %s → %s", (value, style, expected) => {
    expect(formatValue(value, style)).toBe(expected);
  });

  it("shows missing values as a dash", () => {
    expect(formatValue(null, "count")).toBe("—");
    expect(formatValue(Number.NaN, "percent")).toBe("—");
  });

  it("uses the currency option", () => {
    expect(formatValue(1500, "currency", "USD")).toBe("$1.5k");
    expect(formatValue(1500, "currency", "chf")).toBe("CHF 1.5k");
  });

  it("formats shares with one decimal", () => {
    expect(formatShare(0.05)).toBe("5.0%");
    expect(formatShare(0.0075)).toBe("0.8%");
    expect(formatShare(0.0001)).toBe("<0.1%");
    expect(formatShare(6.07)).toBe("607%");
  });

  it("reads ratio charts as percentages, ROAS as a multiple", () => {
    expect(valueStyleOf({ key: "ctr_by_platform", unit: "ratio" })).toBe("percent");
    expect(valueStyleOf({ key: "roas_by_platform", unit: "ratio" })).toBe("multiple");
    expect(valueStyleOf({ key: "roas_by_platform", unit: "multiple" })).toBe("multiple");
    expect(valueStyleOf({ key: "spend", unit: "currency" })).toBe("currency");
    expect(valueStyleOf({ key: "orders" })).toBe("count");
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
