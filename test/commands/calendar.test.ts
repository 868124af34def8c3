import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addYears,
  daysInRange,
  formatIsoDate,
  fromDayNumber,
  parseIsoDate,
  toDayNumber,
} from "../../src/calendar/calendar.js";

describe("calendar arithmetic", () => {
  it("agrees with Date.UTC on day numbers", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 2_900_000 }), (dayNumber) => {
        const iso = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
        expect(formatIsoDate(fromDayNumber(dayNumber))).toBe(iso);
        expect(toDayNumber(parseIsoDate(iso) ?? { year: 0, month: 0, day: 0 })).toBe(dayNumber);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ["2026-02-28", true],
    ["2026-02-29", false],
    ["2028-02-29", true],
    ["2000-02-29", true],
    ["2100-02-29", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-04-31", false],
    ["2026-4-3", false],
    ["20261001", false],
  ])("parseIsoDate(%s) valid: %s", (text, valid) => {
    expect(parseIsoDate(text) !== undefined).toBe(valid);
  });

  it("adds days and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addYears("2028-02-29", -1)).toBe("2027-02-28");
    expect(addYears("2028-02-29", 4)).toBe("2032-02-29");
    expect(daysInRange("2026-01-01", "2026-12-31")).toBe(365);
    expect(daysInRange("2026-10-27", "2026-11-25")).toBe(30);
  });
});
