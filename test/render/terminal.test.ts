import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { DEFAULT_PERIOD } from "../../src/answer/query.js";
import { formatNumber } from "../../src/metrics/format.js";
import { formatChange, trendOf } from "../../src/metrics/trend.js";
import { answerToText } from "../../src/render/terminal-answer.js";

const answer: Answer = {
  area: "campaigns",
  title: "Campaigns · last 7 days",
  period: { from: "2026-11-18", to: "2026-11-24", timezone: "Europe/Berlin", label: "last 7 days" },
  comparison: { from: "2026-11-11", to: "2026-11-17" },
  kpis: [
    {
      key: "spend",
      label: "Spend",
      value: 1234.5,
      previous: 1000,
      change: { kind: "relative", value: 0.235 },
      unit: "money",
    },
    { key: "roas", label: "ROAS", value: 3.421, previous: null, change: null, unit: "multiple" },
    {
      key: "ctr",
      label: "CTR",
      value: 0.0342,
      previous: 0.04,
      change: { kind: "points", value: -0.0058 },
      unit: "percent",
    },
  ],
  tables: [
    {
      key: "by_campaign",
      columns: ["campaign", "spend", "roas"],
      units: ["text", "money", "multiple"],
      rows: [
        ["Black Friday", 1000, 4],
        ["Brand", 234.5, null],
        ["Third", 0, 0],
      ],
    },
  ],
  charts: [],
  notes: ["A note."],
  query: { area: "campaigns", period: DEFAULT_PERIOD, comparison: "previous", filters: {} },
  actions: [],
  coverage: null,
};

describe("terminal answer", () => {
  it("prints title, period, KPIs with arrows, an aligned table and notes", () => {
    expect(answerToText(answer, { currency: "EUR", maxRows: 2 })).toBe(
      [
        "Campaigns · last 7 days",
        "Nov 18 – Nov 24, 2026 · Europe/Berlin",
        "compared with Nov 11 – Nov 17, 2026",
        "",
        "  Spend  €1,234.50    ▲ 23.5%  prev €1,000.00",
        "  ROAS       3.42×          —",
        "  CTR        3.42%  ▼ 0.58 pp  prev 4.00%",
        "",
        "By campaign",
        "  Campaign          Spend   ROAS",
        "  Black Friday  €1,000.00  4.00×",
        "  Brand           €234.50      —",
        "  … and 1 more",
        "",
        "Note: A note.",
        "",
      ].join("\n"),
    );
  });
});

describe("formatting", () => {
  it("formats by unit, with no value as —", () => {
    expect(formatNumber(-1234.567, "money", { currency: "USD" })).toBe("−$1,234.57");
    expect(formatNumber(0.5, "percent", { currency: "EUR" })).toBe("50.00%");
    expect(formatNumber(0.0914, "percent", { currency: "EUR" })).toBe("9.14%");
    expect(formatNumber(2.5, "multiple", { currency: "EUR" })).toBe("2.50×");
    expect(formatNumber(12345, "count", { currency: "EUR" })).toBe("12,345");
    expect(formatNumber(null, "count", { currency: "EUR" })).toBe("—");
    expect(formatNumber(Number.NaN, "count", { currency: "EUR" })).toBe("—");
  });

  it("a rise in spend or CPA is bad news, in revenue good news", () => {
    const k = {
      label: "",
      value: 2,
      previous: 1,
      change: { kind: "relative" as const, value: 1 },
      unit: "money" as const,
    };
    expect(trendOf({ ...k, key: "spend" })).toBe("up-bad");
    expect(trendOf({ ...k, key: "cpa" })).toBe("up-bad");
    expect(trendOf({ ...k, key: "revenue" })).toBe("up-good");
    expect(trendOf({ ...k, key: "out_of_stock" })).toBe("up-bad");
    expect(trendOf({ ...k, key: "revenue", change: null })).toBe("none");
    expect(formatChange({ ...k, key: "revenue", change: { kind: "relative", value: -0.05 } }, "EUR")).toBe(
      "▼ 5.0%",
    );
  });
});
