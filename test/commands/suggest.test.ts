import { describe, expect, it } from "vitest";
import { PERIOD_WORDS } from "../../src/answer/query.js";
import { AREA_WORDS } from "../../src/areas/registry.js";
import { editDistance, suggest } from "../../src/commands/suggest.js";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "abc", 0],
    ["", "abc", 3],
    ["campains", "campaigns", 1],
    ["campaigsn", "campaigns", 1],
    ["kitten", "sitting", 3],
    ["ca", "abc", 3],
    ["münchen", "munchen", 1],
    ["😀a", "a😀", 1],
  ])("%s ↔ %s = %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe("suggest", () => {
  it.each([
    ["campains", AREA_WORDS, ["campaigns"]],
    ["CAMPAINS", AREA_WORDS, ["campaigns"]],
    ["lowstock", AREA_WORDS, ["low-stock"]],
    ["funel", AREA_WORDS, ["funnel"]],
    ["prod", AREA_WORDS, ["products"]],
    ["adperformance", AREA_WORDS, ["ad-performance"]],
    ["last30d", PERIOD_WORDS, ["last-30d"]],
    ["last_7d", PERIOD_WORDS, ["last-7d"]],
    ["lastmonth", PERIOD_WORDS, ["last-month"]],
    ["month", PERIOD_WORDS, ["last-month"]],
    ["last", PERIOD_WORDS, ["last-7d", "last-30d", "last-90d"]],
    ["xyzzy", AREA_WORDS, []],
    ["", AREA_WORDS, []],
  ] as const)("%s", (word, candidates, expected) => {
    expect(suggest(word, candidates)).toEqual(expected);
  });

  it("returns at most `max` candidates, best first, in the candidates' case", () => {
    expect(suggest("Berln", ["Bergen", "Berlin", "Bern"])).toEqual(["Berlin", "Bern"]);
    expect(suggest("Hambrug", ["Hamburg", "Homburg"])).toEqual(["Hamburg"]);
    expect(suggest("ba", ["bb", "bc", "bd", "be"], { max: 2 })).toEqual(["bb", "bc"]);
  });

  it("honours maxDistance", () => {
    expect(suggest("kitten", ["sitting"])).toEqual([]);
    expect(suggest("kitten", ["sitting"], { maxDistance: 3 })).toEqual(["sitting"]);
  });

  it("stays fast on long input", () => {
    const started = performance.now();
    for (let i = 0; i < 1000; i++) suggest("x".repeat(500), AREA_WORDS);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
