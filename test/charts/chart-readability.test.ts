/**
 * Charts a marketer would show: the period under every title, labels cut only when they do
 * not fit, codes spelled for people, far-apart series on two axes, ROAS against break-even,
 * and an empty funnel drawn as "no data".
 */
import { describe, expect, it } from "vitest";
import type { ChartSpec, Unit } from "../../src/answer/answer.js";
import { codeLabel } from "../../src/answer/code-labels.js";
import { barChartConfig } from "../../src/charts/bar-chart.js";
import { type RenderContext, titlePlugins } from "../../src/charts/chart-options.js";
import { setupCharts } from "../../src/charts/chart-setup.js";
import { chartSizes, LOSS_EDGE_COLOUR, LOSS_FILL_COLOUR } from "../../src/charts/chart-theme.js";
import { funnelChartConfig } from "../../src/charts/funnel-chart.js";
import { lineChartConfig } from "../../src/charts/line-chart.js";
import { fitText } from "../../src/charts/text-fit.js";
import { waterfallChartConfig } from "../../src/charts/waterfall-chart.js";

setupCharts();

function context(spec: ChartSpec, unit: Unit = spec.unit ?? "count"): RenderContext {
  return { spec, width: 1200, height: 675, sizes: chartSizes(1200, 675), unit, currency: "EUR" };
}

const spec = (over: Partial<ChartSpec>): ChartSpec => ({
  key: "k",
  kind: "bar",
  title: "T",
  labels: ["a", "b"],
  series: [{ name: "S", values: [1, 2] }],
  ...over,
});

describe("labels", () => {
  it("keeps a label that fits whole and cuts one that does not to the room it has", () => {
    expect(fitText("Microsoft Advertising", 300, 16)).toBe("Microsoft Advertising");
    const cut = fitText("Always-on · Meta · All Products Retargeting Europe", 200, 16);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThan(40);
    expect(cut.length).toBeGreaterThan(10);
    // The cut fits as it is, and more room keeps more of the label.
    expect(fitText(cut, 200, 16)).toBe(cut);
    expect(fitText("Always-on · Meta · All Products Retargeting Europe", 280, 16).length).toBeGreaterThan(
      cut.length,
    );
  });

  it("gives five platform names under five columns whole", () => {
    const names = ["Google Ads", "Meta", "Microsoft Advertising", "Pinterest", "TikTok"];
    const config = barChartConfig(
      context(spec({ labels: names, series: [{ name: "ROAS", values: [5, 4, 2, 4, 0.2] }] })),
      false,
    );
    expect(config?.data.labels).toEqual(names);
  });

  it("cuts waterfall labels by the room under each column, not by a character count", () => {
    const names = [
      "Before",
      "Microsoft Advertising",
      "Always-on · Meta · All Products Retargeting Europe",
      "Now",
    ];
    const wide = waterfallChartConfig(
      context(
        spec({
          kind: "waterfall",
          unit: "multiple",
          labels: names,
          series: [{ name: "ROAS", values: [4, 0.5, -1, 3.5] }],
        }),
      ),
    );
    expect(wide?.data.labels?.slice(0, 2)).toEqual(["Before", "Microsoft Advertising"]);
    expect(String(wide?.data.labels?.[2]).endsWith("…")).toBe(true);
    // Twelve columns leave less room each: the same platform name no longer fits whole.
    // A slim name of many characters still fits; a guessed character count would cut it.
    const many = Array.from({ length: 12 }, (_, i) =>
      i === 5 ? "Microsoft Advertising" : i === 6 ? "lil·fill·tilt·ill" : `P${i}`,
    );
    const narrow = waterfallChartConfig(
      context(
        spec({
          kind: "waterfall",
          unit: "multiple",
          labels: many,
          series: [{ name: "ROAS", values: many.map((_, i) => (i === 0 || i === 11 ? 3 : 0)) }],
        }),
      ),
    );
    expect(narrow?.data.labels?.[5]).not.toBe("Microsoft Advertising");
    expect(String(narrow?.data.labels?.[5]).endsWith("…")).toBe(true);
    expect(narrow?.data.labels?.[6]).toBe("lil·fill·tilt·ill");
  });

  it("spells codes for people and leaves names alone", () => {
    expect(
      ["bank_transfer", "apple_pay", "paypal", "ios", "cash_on_delivery", "mobile", "nonbinary"].map(
        codeLabel,
      ),
    ).toEqual(["Bank transfer", "Apple Pay", "PayPal", "iOS", "Cash on delivery", "Mobile", "Non-binary"]);
    expect(["München", "Google Ads", "Black Friday 2025", "Other (3)"].map(codeLabel)).toEqual([
      "München",
      "Google Ads",
      "Black Friday 2025",
      "Other (3)",
    ]);
  });
});

describe("axes and reference lines", () => {
  it("puts a series under a tenth of the largest on a right-hand axis, and close series on one", () => {
    const far = lineChartConfig(
      context(
        spec({
          kind: "line",
          labels: ["2026-11-01", "2026-11-02"],
          series: [
            { name: "New users", values: [20, 25] },
            { name: "Active users", values: [300, 400] },
          ],
        }),
      ),
    );
    expect(far?.data.datasets.map((d) => [d.label, d.yAxisID])).toEqual([
      ["New users (right axis)", "y1"],
      ["Active users", "y"],
    ]);
    expect(far?.options?.scales?.y1).toMatchObject({ position: "right" });
    const near = lineChartConfig(
      context(
        spec({
          kind: "line",
          labels: ["2026-11-01", "2026-11-02"],
          series: [
            { name: "A", values: [60, 70] },
            { name: "B", values: [300, 400] },
          ],
        }),
      ),
    );
    expect(near?.data.datasets.map((d) => d.yAxisID)).toEqual(["y", "y"]);
    expect(near?.options?.scales?.y1).toBeUndefined();
  });

  it("draws ROAS against a break-even line at 1× with the bars under it marked as losses", () => {
    const roas = barChartConfig(
      context(
        spec({
          labels: ["Meta", "TikTok"],
          series: [{ name: "ROAS", values: [3.2, 0.4] }],
          unit: "multiple",
        }),
      ),
      false,
    );
    expect(roas?.options?.plugins?.kpiReferenceLine).toMatchObject({ value: 1, label: "break-even 1×" });
    expect(roas?.plugins?.map((p) => p.id)).toContain("kpiReferenceLine");
    const fills = (roas?.data.datasets[0]?.backgroundColor ?? []) as string[];
    const edges = (roas?.data.datasets[0]?.borderColor ?? []) as string[];
    expect(fills[1]).toBe(LOSS_FILL_COLOUR);
    expect(fills[0]).not.toBe(LOSS_FILL_COLOUR);
    expect(edges[1]).toBe(LOSS_EDGE_COLOUR);
    const money = barChartConfig(
      context(spec({ series: [{ name: "Spend", values: [0.5, 2] }], unit: "money" })),
      false,
    );
    expect(money?.options?.plugins?.kpiReferenceLine).toBeUndefined();
    expect(((money?.data.datasets[0]?.backgroundColor ?? []) as string[])[0]).not.toBe(LOSS_FILL_COLOUR);
  });

  it("draws a funnel with nothing in any stage as no data, and one with something as a funnel", () => {
    const stages = ["Impressions", "Clicks", "Leads", "Conversions"];
    expect(
      funnelChartConfig(
        context(spec({ kind: "funnel", labels: stages, series: [{ name: "n", values: [0, 0, 0, 0] }] })),
      ),
    ).toBeNull();
    expect(
      funnelChartConfig(
        context(spec({ kind: "funnel", labels: stages, series: [{ name: "n", values: [10, 0, 0, 0] }] })),
      ),
    ).not.toBeNull();
  });
});

describe("the period under every chart's title", () => {
  it("joins the spec's period and filters with the builder's own note", () => {
    const plugins = titlePlugins(
      context(spec({ subtitle: "Oct 27 – Nov 25, 2026 · platform Meta" })),
      "14 of 20 shown",
    );
    expect(plugins.subtitle).toMatchObject({
      display: true,
      text: "Oct 27 – Nov 25, 2026 · platform Meta · 14 of 20 shown",
    });
    expect(titlePlugins(context(spec({})), undefined).subtitle.display).toBe(false);
  });
});
