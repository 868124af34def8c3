import { describe, expect, it } from "vitest";
import { nextSlot, parseCron, slotsBetween } from "../../src/schedule/cron.js";

const iso = (dates: readonly Date[]) => dates.map((d) => d.toISOString());
const between = (expr: string, tz: string, from: string, to: string) =>
  iso(slotsBetween(expr, tz, new Date(from), new Date(to)));

describe("slotsBetween, ordinary cases", () => {
  it("is exclusive of the start and inclusive of the end", () => {
    expect(between("0 9 * * *", "UTC", "2026-11-25T09:00:00Z", "2026-11-26T09:00:00Z")).toEqual([
      "2026-11-26T09:00:00.000Z",
    ]);
    expect(between("0 9 * * *", "UTC", "2026-11-25T09:00:00Z", "2026-11-25T09:00:00Z")).toEqual([]);
  });

  it("every 15 minutes", () => {
    expect(between("*/15 * * * *", "UTC", "2026-11-25T08:50:00Z", "2026-11-25T09:30:00Z")).toEqual([
      "2026-11-25T09:00:00.000Z",
      "2026-11-25T09:15:00.000Z",
      "2026-11-25T09:30:00.000Z",
    ]);
  });

  it("weekdays with names and ranges, in a zone", () => {
    // Nov 27 2026 is a Friday; Berlin is UTC+1 in winter.
    expect(
      between("0 9 * * mon-fri", "Europe/Berlin", "2026-11-26T12:00:00Z", "2026-12-01T12:00:00Z"),
    ).toEqual(["2026-11-27T08:00:00.000Z", "2026-11-30T08:00:00.000Z", "2026-12-01T08:00:00.000Z"]);
  });

  it("month ends: the 31st only in months that have one; the 30th skips February", () => {
    expect(between("0 0 31 * *", "UTC", "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z")).toEqual([
      "2026-01-31T00:00:00.000Z",
      "2026-03-31T00:00:00.000Z",
      "2026-05-31T00:00:00.000Z",
    ]);
    expect(between("0 0 30 1-3 *", "UTC", "2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z")).toEqual([
      "2026-01-30T00:00:00.000Z",
      "2026-03-30T00:00:00.000Z",
    ]);
  });

  it("Feb 29 fires in leap years only; nextSlot finds it across years", () => {
    expect(between("0 9 29 feb *", "UTC", "2026-01-01T00:00:00Z", "2033-01-01T00:00:00Z")).toEqual([
      "2028-02-29T09:00:00.000Z",
      "2032-02-29T09:00:00.000Z",
    ]);
    expect(nextSlot("0 9 29 2 *", "UTC", new Date("2096-03-01T00:00:00Z"))?.toISOString()).toBe(
      "2104-02-29T09:00:00.000Z",
    );
  });

  it("day-of-month and day-of-week both restricted: either matches (the 1st and every Monday)", () => {
    // Dec 2026: the 1st is a Tuesday; Mondays are 7, 14.
    expect(between("0 9 1 * 1", "UTC", "2026-11-30T12:00:00Z", "2026-12-14T12:00:00Z")).toEqual([
      "2026-12-01T09:00:00.000Z",
      "2026-12-07T09:00:00.000Z",
      "2026-12-14T09:00:00.000Z",
    ]);
    // With a step in day-of-month (starts with *), both must match: odd days that are Mondays.
    expect(between("0 9 */2 * 1", "UTC", "2026-11-30T12:00:00Z", "2026-12-31T12:00:00Z")).toEqual([
      "2026-12-07T09:00:00.000Z",
      "2026-12-21T09:00:00.000Z",
    ]);
  });

  it("Sunday is 0 or 7, ranges take steps, a/step runs to the maximum", () => {
    expect(parseCron("0 9 * * 7").daysOfWeek).toEqual(new Set([0]));
    expect(parseCron("1-10/3 * * * *").minutes).toEqual([1, 4, 7, 10]);
    expect(parseCron("50/5 * * * *").minutes).toEqual([50, 55]);
    expect(parseCron("0 9 * JAN,dec *").months).toEqual(new Set([1, 12]));
  });

  it("nextSlot is strictly after and reads the zone", () => {
    const after = new Date("2026-11-25T08:00:00Z"); // 09:00 in Berlin
    expect(nextSlot("0 9 * * *", "Europe/Berlin", after)?.toISOString()).toBe("2026-11-26T08:00:00.000Z");
    expect(nextSlot("0 9 * * *", "America/New_York", after)?.toISOString()).toBe("2026-11-25T14:00:00.000Z");
  });
});

describe("parseCron errors: one line, the problem, an example", () => {
  it.each([
    ["0 9 * *", /expected 5 fields .* got 4/],
    ["60 9 * * *", /minute 60 is out of range 0-59/],
    ["0 24 * * *", /hour 24 is out of range 0-23/],
    ["0 9 * * funday", /day of week `funday` is not a number 0-7 or sun-sat/],
    ["0 9 5-1 * *", /range 5-1 runs backwards/],
    ["*/0 * * * *", /step must be at least 1/],
    ["0 9 31 2 *", /never occurs/],
    ["0 9 * 13 *", /month 13 is out of range 1-12/],
    ["0 9 ,, * *", /not valid/],
  ])("%s", (expr, problem) => {
    let message = "";
    try {
      parseCron(expr);
    } catch (error) {
      expect((error as { code?: string }).code).toBe("invalid_cron");
      message = (error as Error).message;
    }
    expect(message).toMatch(problem);
    expect(message).toContain('Example: cron "0 9 * * 1-5"');
    expect(message).not.toContain("\n");
  });

  it("an unknown zone is a UserError with an example", () => {
    expect(() => slotsBetween("0 9 * * *", "Europe/Berln", new Date(0), new Date(86_400_000))).toThrow(
      /Unknown time zone `Europe\/Berln`: use an IANA name such as Europe\/Berlin/,
    );
  });
});
