/**
 * Goal periods and the linear pacing rule in the report zone: at a month's start, middle and
 * last day, weeks and quarters, and across the DST changes of Europe/Berlin (a 23-hour and a
 * 25-hour day count as one day each, their hours in proportion).
 */
import { describe, expect, it } from "vitest";
import { goalPeriod, projectLinear } from "../../src/goals/pace.js";
import { instantOfWall } from "../../src/schedule/zone-time.js";

/** The instant of a wall time in a zone: "2026-11-01 00:00" in Europe/Berlin. */
const at = (wall: string, zone: string) =>
  new Date(instantOfWall(Date.parse(`${wall.replace(" ", "T")}:00Z`), zone));

describe("goalPeriod and projectLinear (a month)", () => {
  it("at the very start of the month no time has passed: nothing to project", () => {
    const p = goalPeriod("month", at("2026-11-01 00:00", "Europe/Berlin"), "Europe/Berlin");
    expect(p).toMatchObject({ from: "2026-11-01", to: "2026-11-30", today: "2026-11-01", daysTotal: 30 });
    expect(p.daysElapsed).toBe(0);
    expect(projectLinear(0, p)).toBeNull();
  });

  it("midway, 15 days gone of 30: the pace doubles what is done", () => {
    const p = goalPeriod("month", at("2026-11-16 00:00", "Europe/Berlin"), "Europe/Berlin");
    expect(p.daysElapsed).toBe(15);
    expect(projectLinear(182_000, p)).toBeCloseTo(364_000, 6);
    const noon = goalPeriod("month", at("2026-11-16 12:00", "Europe/Berlin"), "Europe/Berlin");
    expect(noon.daysElapsed).toBeCloseTo(15.5, 10);
    expect(projectLinear(155, noon)).toBeCloseTo(300, 10);
  });

  it("on the last day, at 18:00, 29.75 of 31 days are gone", () => {
    const p = goalPeriod("month", at("2026-12-31 18:00", "Europe/Berlin"), "Europe/Berlin");
    expect(p).toMatchObject({ from: "2026-12-01", to: "2026-12-31", daysTotal: 31 });
    expect(p.daysElapsed).toBeCloseTo(30.75, 10);
    expect(projectLinear(123, p)).toBeCloseTo((123 / 30.75) * 31, 10);
  });

  it("the month is the report zone's: 23:30 UTC on Nov 30 is already December in Berlin", () => {
    const p = goalPeriod("month", new Date("2026-11-30T23:30:00Z"), "Europe/Berlin");
    expect(p.from).toBe("2026-12-01");
    expect(p.daysElapsed).toBeCloseTo(0.5 / 24, 10);
    expect(goalPeriod("month", new Date("2026-11-30T23:30:00Z"), "UTC").from).toBe("2026-11-01");
  });
});

describe("across a DST change (Europe/Berlin)", () => {
  it("the 25-hour day of Oct 25, 2026: at 12:00 local, 13 of its 25 hours are gone", () => {
    const p = goalPeriod("month", at("2026-10-25 12:00", "Europe/Berlin"), "Europe/Berlin");
    expect(p.daysElapsed).toBeCloseTo(24 + 13 / 25, 10);
    const next = goalPeriod("month", at("2026-10-26 00:00", "Europe/Berlin"), "Europe/Berlin");
    expect(next.daysElapsed).toBe(25);
  });

  it("the 23-hour day of Mar 29, 2026: at 12:00 local, 11 of its 23 hours are gone", () => {
    const p = goalPeriod("month", at("2026-03-29 12:00", "Europe/Berlin"), "Europe/Berlin");
    expect(p.daysElapsed).toBeCloseTo(28 + 11 / 23, 10);
    expect(goalPeriod("month", at("2026-03-30 00:00", "Europe/Berlin"), "Europe/Berlin").daysElapsed).toBe(
      29,
    );
  });
});

describe("weeks and quarters", () => {
  it("a week runs Monday to Sunday", () => {
    // Tue Dec 1, 2026 at 06:00 UTC
    const p = goalPeriod("week", new Date("2026-12-01T06:00:00Z"), "UTC");
    expect(p).toMatchObject({ from: "2026-11-30", to: "2026-12-06", daysTotal: 7 });
    expect(p.daysElapsed).toBeCloseTo(1.25, 10);
    expect(goalPeriod("week", new Date("2026-12-06T12:00:00Z"), "UTC").from).toBe("2026-11-30");
  });

  it("a quarter runs over its three months", () => {
    const p = goalPeriod("quarter", new Date("2026-11-16T00:00:00Z"), "UTC");
    expect(p).toMatchObject({ from: "2026-10-01", to: "2026-12-31", daysTotal: 92 });
    expect(p.daysElapsed).toBe(46);
    expect(goalPeriod("quarter", new Date("2026-02-10T00:00:00Z"), "UTC")).toMatchObject({
      from: "2026-01-01",
      to: "2026-03-31",
      daysTotal: 90,
    });
  });
});
