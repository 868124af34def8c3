import { describe, expect, it } from "vitest";
import type { PeriodSpec } from "../../src/answer/query.js";
import { FAMILIES } from "../../src/areas/explain-families.js";
import { AREA_NAMES, areaModule } from "../../src/areas/registry.js";
import { queryToText } from "../../src/commands/command-text.js";
import { type ParsedCommand, parseCommand } from "../../src/commands/parse.js";

const query = (text: string) => {
  const parsed = parseCommand(text);
  if (parsed.kind !== "query") throw new Error(`expected a query for ${text}, got ${parsed.kind}`);
  return parsed.query;
};

describe("parseCommand: periods", () => {
  const cases: [string, PeriodSpec][] = [
    ["campaigns", { kind: "relative", word: "last-30d" }],
    ["campaigns today", { kind: "relative", word: "today" }],
    ["campaigns yesterday", { kind: "relative", word: "yesterday" }],
    ["campaigns last-7d", { kind: "relative", word: "last-7d" }],
    ["campaigns last-30d", { kind: "relative", word: "last-30d" }],
    ["campaigns last-90d", { kind: "relative", word: "last-90d" }],
    ["campaigns mtd", { kind: "relative", word: "mtd" }],
    ["campaigns qtd", { kind: "relative", word: "qtd" }],
    ["campaigns ytd", { kind: "relative", word: "ytd" }],
    ["campaigns last-month", { kind: "relative", word: "last-month" }],
    ["campaigns last-quarter", { kind: "relative", word: "last-quarter" }],
    ["campaigns LAST-Quarter", { kind: "relative", word: "last-quarter" }],
    ["campaigns 2026-11", { kind: "month", year: 2026, month: 11 }],
    ["campaigns 2028-02", { kind: "month", year: 2028, month: 2 }],
    ["campaigns 2026-10-01..2026-10-31", { kind: "range", from: "2026-10-01", to: "2026-10-31" }],
    ["campaigns 2026-10-05..2026-10-05", { kind: "range", from: "2026-10-05", to: "2026-10-05" }],
    ["campaigns 2028-02-29..2028-03-01", { kind: "range", from: "2028-02-29", to: "2028-03-01" }],
    ["campaigns 2023-01-01..2025-12-31", { kind: "range", from: "2023-01-01", to: "2025-12-31" }],
  ];
  it.each(cases)("%s", (text, period) => {
    expect(query(text).period).toEqual(period);
  });
});

describe("parseCommand: comparisons", () => {
  it.each([
    ["orders", "previous"],
    ["orders vs previous", "previous"],
    ["orders vs last-year", "last-year"],
    ["orders VS LAST-YEAR", "last-year"],
    ["orders vs last year", "last-year"],
    ["orders vs previous mtd", "previous"],
    ["orders vs last-year last-7d city=Berlin", "last-year"],
  ] as const)("%s → %s", (text, comparison) => {
    expect(query(text).comparison).toBe(comparison);
  });
});

describe("parseCommand: filters", () => {
  it.each([
    ["campaigns platform=meta", { platform: "meta" }],
    ["campaigns Platform=Meta", { platform: "Meta" }],
    ['campaigns campaign="Black Friday"', { campaign: "Black Friday" }],
    ["campaigns campaign='Black Friday'", { campaign: "Black Friday" }],
    ["campaigns campaign=\u201CBlack Friday\u201D", { campaign: "Black Friday" }],
    [
      "campaigns campaign=\u2018Mother's Day\u2019 platform=meta",
      { campaign: "Mother's Day", platform: "meta" },
    ],
    ["campaigns campaign='Mother's Day'", { campaign: "Mother's Day" }],
    ["campaigns campaign=\u2018Mother\u2019s Day\u2019", { campaign: "Mother\u2019s Day" }],
    ['campaigns campaign="Mother\'s Day"', { campaign: "Mother's Day" }],
    ["campaigns campaign=42", { campaign: "42" }],
    ['campaigns campaign="  Black   Friday  "', { campaign: "Black Friday" }],
    ["campaigns campaign=a=b", { campaign: "a=b" }],
    ["orders city=München", { city: "München" }],
    ["orders city=Mu\u0308nchen", { city: "München" }],
    ['orders city="São Paulo"', { city: "São Paulo" }],
    ["orders city=O'Fallon", { city: "O'Fallon" }],
    ["orders city=東京", { city: "東京" }],
    [
      "orders city=Berlin source=paid_social",
      {
        city: "Berlin",
        source: "paid_social",
      },
    ],
    ["users city=Berlin", { city: "Berlin" }],
    ["products category=shoes", { category: "shoes" }],
    ["stock category=shoes", { category: "shoes" }],
    ["traffic source=email", { source: "email" }],
    ["ads platform=google campaign=x", { platform: "google", campaign: "x" }],
    ["funnel platform=tiktok", { platform: "tiktok" }],
    ["roas campaign=x", { campaign: "x" }],
    ["ctr platform=meta", { platform: "meta" }],
  ])("%s", (text, filters) => {
    expect(query(text).filters).toEqual(filters);
  });

  it("accepts every filter key each area lists", () => {
    for (const area of AREA_NAMES) {
      for (const key of areaModule(area).filters) {
        expect(query(`${area} ${key}=x`).filters).toEqual({ [key]: "x" });
      }
    }
  });
});

describe("parseCommand: areas, aliases, order, case and spacing", () => {
  it.each(AREA_NAMES.map((area) => [area]))("%s", (area) => {
    expect(query(area).area).toBe(area);
  });

  it.each([
    ["funnel", "ad-performance"],
    ["FUNNEL", "ad-performance"],
    ["low-stock", "stock"],
    ["Low-Stock", "stock"],
    ["Campaigns", "campaigns"],
  ])("%s → %s", (text, area) => {
    expect(query(text).area).toBe(area);
  });

  const expected = {
    kind: "query",
    query: {
      area: "campaigns",
      period: { kind: "relative", word: "mtd" },
      comparison: "last-year",
      filters: { platform: "meta", campaign: "Black Friday" },
    },
  } satisfies ParsedCommand;

  it.each([
    '/kpi campaigns mtd vs last-year platform=meta campaign="Black Friday"',
    'kpi campaigns platform=meta campaign="Black Friday" vs last-year mtd',
    'KPI CAMPAIGNS campaign="Black Friday" MTD platform=meta VS Last-Year',
    '   /kpi   campaigns\tvs  last-year\n mtd   platform=meta  campaign="Black Friday"   ',
    '/KPI campaigns\u00A0mtd vs last-year platform=meta campaign="Black Friday"',
  ])("%j", (text) => {
    expect(parseCommand(text)).toEqual(expected);
  });
});

describe("parseCommand: canonical text", () => {
  it.each([
    ["/kpi funnel", "ad-performance last-30d"],
    ["campaigns vs previous", "campaigns last-30d"],
    ["orders city='Rio \"Sul\"' 2026-11", "orders 2026-11 city='Rio \"Sul\"'"],
    ['orders city="\'quoted" ytd', 'orders ytd city="\'quoted"'],
  ])("%s → %s", (text, canonical) => {
    const parsed = query(text);
    expect(queryToText(parsed)).toBe(canonical);
    expect(query(queryToText(parsed))).toEqual(parsed);
  });
});

describe("parseCommand: help", () => {
  it.each([
    ["help", { kind: "help" }],
    ["/kpi help", { kind: "help" }],
    ["?", { kind: "help" }],
    ["HELP", { kind: "help" }],
    ["help metrics", { kind: "help", topic: "metrics" }],
    ["help metric", { kind: "help", topic: "metrics" }],
    ["help campaigns", { kind: "help", topic: "campaigns" }],
    ["help Funnel", { kind: "help", topic: "ad-performance" }],
    ["help low-stock", { kind: "help", topic: "stock" }],
    ["kpi help traffic", { kind: "help", topic: "traffic" }],
    ["campaigns help", { kind: "help", topic: "campaigns" }],
    ["orders last-7d help", { kind: "help", topic: "orders" }],
  ])("%s", (text, parsed) => {
    expect(parseCommand(text)).toEqual(parsed);
  });
});

describe("parseCommand: admin verbs (parsed, carried out later)", () => {
  it.each([
    ["subscribe campaigns daily 09:00", "subscribe", ["campaigns", "daily", "09:00"]],
    ['/kpi subscribe "campaigns last-7d" weekly', "subscribe", ["campaigns last-7d", "weekly"]],
    ["unsubscribe 3", "unsubscribe", ["3"]],
    ["subscriptions", "subscriptions", []],
    ["PAUSE 3", "pause", ["3"]],
    ["resume 3", "resume", ["3"]],
    ["status", "status", []],
  ])("%s", (text, verb, args) => {
    expect(parseCommand(text)).toEqual({ kind: "admin", verb, args });
  });
});

describe("parseCommand: explain's canonical text", () => {
  // `orders`, `roas` and `ctr` name an area and a KPI: the written form must still parse back.
  const pairs = FAMILIES.flatMap((f) =>
    f.areas.flatMap((area) => Object.keys(f.kpis).map((kpi) => [area, kpi])),
  );
  it.each(pairs)("explain %s %s parses back to itself", (area, kpi) => {
    const parsed = query(`explain ${area} ${kpi} last-7d vs last-year`);
    expect(parsed.area).toBe(area);
    expect(parsed.explain?.kpi).toBe(kpi);
    expect(query(queryToText(parsed))).toEqual(parsed);
  });

  it("reads a lone area-and-KPI word as the KPI, in its home area", () => {
    expect(query("explain orders last-30d").explain?.kpi).toBe("orders");
    expect(query("explain roas last-30d")).toMatchObject({ area: "campaigns", explain: { kpi: "roas" } });
  });
});
