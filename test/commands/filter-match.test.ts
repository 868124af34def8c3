import { describe, expect, it } from "vitest";
import { PLATFORMS, TRAFFIC_SOURCES } from "../../generator/reference/marketing-data.js";
import { CITIES } from "../../generator/reference/people-data.js";
import { FILTER_KEYS, type FilterKey } from "../../src/answer/query.js";
import { FILTER_ALIASES } from "../../src/areas/filters/filter-aliases.js";
import type { FilterOption } from "../../src/areas/filters/filter-types.js";
import { matchFilter, normalizeValue, resolveFilters } from "../../src/commands/filter-match.js";
import { UserError } from "../../src/errors.js";

/** The options loadFilterOptions builds, from the generator's own name pools. */
const named = (rows: readonly { slug: string; name: string }[]): FilterOption[] =>
  rows.map((r) => ({ label: r.slug, spellings: [r.slug, r.name], resolved: { slug: r.slug, name: r.name } }));

const CAMPAIGNS = [
  "Black Friday 2025 · Shoes",
  "Black Friday 2025 · Outdoor",
  "Black-Friday 2026 · Shoes",
  "Summer sale 2026 · Shoes",
  "Always-on · Google Ads · Office",
].map((name, i) => ({ id: i + 1, name }));

const OPTIONS: Record<FilterKey, FilterOption[]> = {
  platform: named(PLATFORMS),
  source: named(TRAFFIC_SOURCES),
  city: CITIES.map((c) => ({ label: c.name, spellings: [c.name], resolved: c.name })),
  campaign: CAMPAIGNS.map((c) => ({ label: c.name, spellings: [c.name, String(c.id)], resolved: c })),
  category: named([
    { slug: "shoes", name: "Shoes" },
    { slug: "home_office", name: "Home & office" },
  ]),
};

const labels = (key: FilterKey, typed: string) => matchFilter(key, typed, OPTIONS[key]).map((o) => o.label);

function messageOf(key: FilterKey, typed: string): string {
  try {
    matchFilter(key, typed, OPTIONS[key]);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error(`${key}=${typed} matched`);
}

describe("normalizeValue", () => {
  it.each([
    ["München", "munchen"],
    ["MÜNCHEN", "munchen"],
    ["Mu\u0308nchen", "munchen"],
    ["paid_social", "paid social"],
    ["Paid  social!", "paid social"],
    ["Black-Friday · 2025", "black friday 2025"],
    ["'s-Gravenhage", "s gravenhage"],
    ["Straße", "strasse"],
  ])("%s → %s", (typed, normalized) => {
    expect(normalizeValue(typed)).toBe(normalized);
  });
});

describe("every alias selects its stored value", () => {
  const cases = FILTER_KEYS.flatMap((key) =>
    Object.entries(FILTER_ALIASES[key]).flatMap(([stored, names]) =>
      names.flatMap((name) => [
        [key, name, stored],
        [key, name.toUpperCase(), stored],
        [key, ` ${name.toLowerCase()} `, stored],
      ]),
    ),
  ) as [FilterKey, string, string][];

  it("covers the README's examples and the 30 generator cities", () => {
    expect(cases.length).toBeGreaterThan(100);
    const cities = new Set(CITIES.map((c) => c.name));
    expect(cities.size).toBe(30);
    for (const stored of Object.keys(FILTER_ALIASES.city)) expect(cities, stored).toContain(stored);
    for (const stored of Object.keys(FILTER_ALIASES.platform))
      expect(PLATFORMS.map((p) => p.slug)).toContain(stored);
    for (const stored of Object.keys(FILTER_ALIASES.source))
      expect(TRAFFIC_SOURCES.map((s) => s.slug)).toContain(stored);
  });

  it.each(cases)("%s=%s → %s", (key, typed, stored) => {
    expect(labels(key, typed)).toEqual([stored]);
  });

  it.each([
    ["city", "München", "Munich"],
    ["city", "Köln", "Cologne"],
    ["city", "Zürich", "Zurich"],
    ["city", "Wien", "Vienna"],
    ["city", "Genf", "Geneva"],
    ["city", "Den Haag", "The Hague"],
    ["city", "Nürnberg", "Nuremberg"],
    ["platform", "fb", "meta"],
    ["platform", "Instagram", "meta"],
    ["platform", "AdWords", "google"],
    ["platform", "bing", "microsoft"],
  ] as const)("%s=%s → %s", (key, typed, stored) => {
    expect(labels(key, typed)).toEqual([stored]);
  });
});

describe("exact, then words, case-, accent- and punctuation-insensitively", () => {
  it.each([
    ["city", "dusseldorf", ["Düsseldorf"]],
    ["city", "DÜSSELDORF", ["Düsseldorf"]],
    ["city", "the-hague", ["The Hague"]],
    ["city", "THE HAGUE", ["The Hague"]],
    ["city", "zurich", ["Zurich"]],
    ["platform", "Google Ads", ["google"]],
    ["platform", "google_ads", ["google"]],
    ["platform", "google", ["google"]],
    ["platform", "META", ["meta"]],
    ["source", "Paid_Social", ["paid_social"]],
    ["source", "paid social", ["paid_social"]],
    ["source", "display", ["display"]],
    ["category", "home-office", ["home_office"]],
    ["category", "Home & Office", ["home_office"]],
    ["campaign", "2", ["Black Friday 2025 · Outdoor"]],
  ] as const)("%s=%s", (key, typed, expected) => {
    expect(labels(key, typed)).toEqual(expected);
  });

  it("several values contain every word typed: all of them, in order", () => {
    expect(labels("campaign", "Black Friday")).toEqual([
      "Black Friday 2025 · Shoes",
      "Black Friday 2025 · Outdoor",
      "Black-Friday 2026 · Shoes",
    ]);
    expect(labels("campaign", "black friday shoes")).toEqual([
      "Black Friday 2025 · Shoes",
      "Black-Friday 2026 · Shoes",
    ]);
    expect(labels("source", "organic")).toEqual(["organic_search", "organic_social"]);
    expect(labels("source", "social")).toEqual(["organic_social", "paid_social"]);
  });

  it("an exact value wins over values that contain its words", () => {
    const options: FilterOption[] = [
      { label: "Sale", spellings: ["Sale"], resolved: "Sale" },
      { label: "Summer Sale", spellings: ["Summer Sale"], resolved: "Summer Sale" },
    ];
    expect(matchFilter("campaign", "sale", options).map((o) => o.label)).toEqual(["Sale"]);
  });

  it("words match whole words only", () => {
    expect(messageOf("campaign", "Black Fri")).toMatch(/^No campaign `Black Fri`/u);
  });
});

describe("unknown values", () => {
  it("echo the value typed whole and name the nearest values", () => {
    expect(messageOf("city", "Müchen")).toMatch(/^No city `Müchen` — did you mean `Munich`\?/u);
    expect(messageOf("city", "Berlim")).toMatch(/^No city `Berlim` — did you mean `Berlin`\?/u);
    expect(messageOf("platform", "metta")).toMatch(/^No platform `metta` — did you mean `meta`\?/u);
    expect(messageOf("campaign", "Cyber Monday")).toMatch(/^No campaign `Cyber Monday` — /u);
  });

  it("nothing close: the nearest by similarity, not the first alphabetically", () => {
    const message = messageOf("city", "Rotterdamm Nord");
    expect(message).toMatch(/^No city `Rotterdamm Nord` — /u);
    expect(message).toContain("`Rotterdam`");
    expect(message).not.toContain("Amsterdam, Basel");
  });

  it("a long value is shown up to 40 characters, on one line", () => {
    const typed = `Black\tFriday ${"x".repeat(60)}`;
    const message = messageOf("campaign", typed);
    expect(message).toContain(`\`Black Friday ${"x".repeat(26)}…\``);
    expect(message).not.toMatch(/\n|\t/u);
  });
});

describe("resolveFilters", () => {
  it("keeps what was typed next to every value it selects", async () => {
    const resolved = await resolveFilters({ campaign: "Black Friday 2025", city: "Köln" }, async (key) =>
      key === "campaign" ? OPTIONS.campaign : OPTIONS.city,
    );
    expect(resolved.campaign).toEqual({ typed: "Black Friday 2025", values: [CAMPAIGNS[0], CAMPAIGNS[1]] });
    expect(resolved.city).toEqual({ typed: "Köln", values: ["Cologne"] });
  });
});
