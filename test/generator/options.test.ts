import { describe, expect, it } from "vitest";
import { parseGenerateOptions, sizesFor } from "../../generator/options.js";
import { isUserError } from "../../src/errors.js";

const TODAY = "2026-11-25";

function errorOf(raw: Parameters<typeof parseGenerateOptions>[0]): string {
  try {
    parseGenerateOptions(raw, TODAY);
  } catch (error) {
    expect(isUserError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error("expected a UserError");
}

describe("parseGenerateOptions", () => {
  it("ends today's activity at the current minute, whether the end date is defaulted or given", () => {
    expect(parseGenerateOptions({}, TODAY, "14:05").endTime).toBe("14:05");
    expect(parseGenerateOptions({ endDate: TODAY }, TODAY, "14:05").endTime).toBe("14:05");
    expect(parseGenerateOptions({ endDate: "2026-11-24" }, TODAY, "14:05")).not.toHaveProperty("endTime");
  });

  it("takes an explicit end time for any end date, to repeat a run made on that day", () => {
    expect(parseGenerateOptions({ endDate: "2026-06-30", endTime: "08:15" }, TODAY, "14:05").endTime).toBe(
      "08:15",
    );
    expect(parseGenerateOptions({ endTime: "23:59" }, TODAY, "14:05").endTime).toBe("23:59");
    expect(errorOf({ endTime: "24:00" })).toBe(
      '--end-time must be a time of day written HH:MM, 00:00 to 23:59 (got "24:00").',
    );
    expect(errorOf({ endTime: "9:05" })).toContain("--end-time");
  });

  it("has defaults: seed 42, scale 1, 365 days ending today, no replace", () => {
    expect(parseGenerateOptions({}, TODAY)).toEqual({
      seed: 42,
      scale: 1,
      endDate: TODAY,
      days: 365,
      replace: false,
    });
  });

  it("parses the values given as text", () => {
    expect(
      parseGenerateOptions(
        { seed: "7", scale: "0.05", endDate: "2026-06-30", days: "90", replace: true },
        TODAY,
      ),
    ).toEqual({ seed: 7, scale: 0.05, endDate: "2026-06-30", days: 90, replace: true });
  });

  it("names the bad option and value in a one-line message", () => {
    expect(errorOf({ scale: "abc" })).toBe(
      '--scale must be a number above 0 and at most 100, e.g. 0.1 or 10 (got "abc").',
    );
    expect(errorOf({ scale: "0" })).toMatch(/^--scale/);
    expect(errorOf({ seed: "-1" })).toMatch(/^--seed must be a whole number/);
    expect(errorOf({ days: "1.5" })).toMatch(/^--days/);
    expect(errorOf({ endDate: "2026-13-01" })).toMatch(/^--end-date must be a calendar date/);
    expect(errorOf({ endDate: "yesterday" })).not.toContain("\n");
  });
});

describe("sizesFor", () => {
  it("scales linearly, with small but non-empty tables at tiny scales", () => {
    const one = sizesFor(1, 365);
    expect(one).toMatchObject({ users: 10_000, products: 1_000, campaigns: 100, ads: 1_000 });
    expect(one.orders).toBeCloseTo(50_000);
    const ten = sizesFor(10, 365);
    expect(ten.users).toBe(100_000);
    expect(ten.sessions).toBeCloseTo(one.sessions * 10);
    const tiny = sizesFor(0.01, 365);
    expect(tiny.users).toBeGreaterThan(0);
    expect(tiny.ads).toBeGreaterThan(0);
    expect(tiny.orders).toBeGreaterThan(0);
  });
});
