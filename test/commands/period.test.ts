import { describe, expect, it } from "vitest";
import { formatDateRange, formatPeriod } from "../../src/calendar/date-format.js";
import { comparisonPeriod } from "../../src/commands/comparison-period.js";
import { USAGE } from "../../src/commands/messages.js";
import { resolvePeriod, resolvePeriodWithNotes } from "../../src/commands/period.js";
import { UserError } from "../../src/errors.js";

const utc = (iso: string) => ({ now: new Date(iso), timeZone: "UTC" });
const compare = (spec: string, clock: { now: Date; timeZone: string }, mode: "previous" | "last-year") => {
  const { period, kind } = resolvePeriodWithNotes(spec, clock);
  return comparisonPeriod(period, kind, mode);
};
const range = (spec: string, clock: { now: Date; timeZone: string }) => {
  const { from, to } = resolvePeriod(spec, clock);
  return `${from}..${to}`;
};

describe("resolvePeriod: every word on 2026-11-26 (DESIGN.md example)", () => {
  const clock = utc("2026-11-26T12:00:00Z");
  it.each([
    ["today", "2026-11-26", "2026-11-26", "today"],
    ["yesterday", "2026-11-25", "2026-11-25", "yesterday"],
    ["last-7d", "2026-11-19", "2026-11-25", "last 7 days"],
    ["last-30d", "2026-10-27", "2026-11-25", "last 30 days"],
    ["last-90d", "2026-08-28", "2026-11-25", "last 90 days"],
    ["mtd", "2026-11-01", "2026-11-26", "month to date"],
    ["qtd", "2026-10-01", "2026-11-26", "quarter to date"],
    ["ytd", "2026-01-01", "2026-11-26", "year to date"],
    ["last-month", "2026-10-01", "2026-10-31", "October 2026"],
    ["last-quarter", "2026-07-01", "2026-09-30", "Q3 2026"],
    ["2026-10", "2026-10-01", "2026-10-31", "October 2026"],
    ["2026-02", "2026-02-01", "2026-02-28", "February 2026"],
    ["2026-10-01..2026-10-31", "2026-10-01", "2026-10-31", "Oct 1 – Oct 31, 2026"],
    ["2025-12-15..2026-01-10", "2025-12-15", "2026-01-10", "Dec 15, 2025 – Jan 10, 2026"],
    ["2026-11-26..2026-11-26", "2026-11-26", "2026-11-26", "Nov 26, 2026"],
  ])("%s", (spec, from, to, label) => {
    expect(resolvePeriod(spec, clock)).toEqual({ from, to, label, timezone: "UTC" });
  });

  it("formats the answer's period line", () => {
    expect(formatPeriod(resolvePeriod("last-30d", clock))).toBe("Oct 27 – Nov 25, 2026 · UTC");
    expect(formatDateRange("2026-10-01", "2026-10-31")).toBe("Oct 1 – Oct 31, 2026");
  });

  it("takes a parsed spec as well as its text", () => {
    expect(resolvePeriod({ kind: "month", year: 2026, month: 9 }, clock)).toMatchObject({
      from: "2026-09-01",
    });
  });
});

describe("resolvePeriod: month, quarter and year ends", () => {
  it.each([
    ["mtd", "2026-11-01T00:00:00Z", "2026-11-01..2026-11-01"],
    ["mtd", "2026-10-31T23:59:59Z", "2026-10-01..2026-10-31"],
    ["yesterday", "2026-03-01T08:00:00Z", "2026-02-28..2026-02-28"],
    ["last-7d", "2026-01-03T08:00:00Z", "2025-12-27..2026-01-02"],
    ["last-month", "2026-01-15T08:00:00Z", "2025-12-01..2025-12-31"],
    ["last-month", "2026-03-31T08:00:00Z", "2026-02-01..2026-02-28"],
    ["qtd", "2026-01-05T08:00:00Z", "2026-01-01..2026-01-05"],
    ["qtd", "2026-03-31T08:00:00Z", "2026-01-01..2026-03-31"],
    ["qtd", "2026-04-01T08:00:00Z", "2026-04-01..2026-04-01"],
    ["last-quarter", "2026-01-05T08:00:00Z", "2025-10-01..2025-12-31"],
    ["last-quarter", "2026-04-01T08:00:00Z", "2026-01-01..2026-03-31"],
    ["last-quarter", "2026-12-31T08:00:00Z", "2026-07-01..2026-09-30"],
    ["ytd", "2027-01-01T00:00:00Z", "2027-01-01..2027-01-01"],
    ["ytd", "2026-12-31T23:59:59Z", "2026-01-01..2026-12-31"],
  ])("%s at %s", (spec, now, expected) => {
    expect(range(spec, utc(now))).toBe(expected);
  });

  it("labels the quarter it resolves to", () => {
    expect(resolvePeriod("last-quarter", utc("2026-01-05T08:00:00Z")).label).toBe("Q4 2025");
  });
});

describe("resolvePeriod: leap day", () => {
  const clock = utc("2028-03-01T09:00:00Z");
  it("resolves around 2028-02-29", () => {
    expect(range("yesterday", clock)).toBe("2028-02-29..2028-02-29");
    expect(range("last-month", clock)).toBe("2028-02-01..2028-02-29");
    expect(range("2028-02", clock)).toBe("2028-02-01..2028-02-29");
    expect(range("last-7d", clock)).toBe("2028-02-23..2028-02-29");
  });

  it("compares Feb 29 with Feb 28 a year earlier", () => {
    expect(compare("2028-02-29..2028-02-29", clock, "last-year")).toMatchObject({
      from: "2027-02-28",
      to: "2027-02-28",
    });
    expect(compare("last-month", clock, "last-year")).toMatchObject({ from: "2027-02-01", to: "2027-02-28" });
    expect(compare("last-month", clock, "previous")).toMatchObject({ from: "2028-01-01", to: "2028-01-31" });
  });

  it("compares a leap year to date with the whole year before", () => {
    expect(compare("ytd", utc("2028-12-31T12:00:00Z"), "previous")).toEqual({
      from: "2027-01-01",
      to: "2027-12-31",
      label: "previous year",
    });
  });
});

describe("resolvePeriod: time zones", () => {
  const today = (now: string, timeZone: string) =>
    resolvePeriod("today", { now: new Date(now), timeZone }).from;

  it.each([
    // New York springs forward 2026-03-08 02:00 EST → 03:00 EDT; falls back 2026-11-01.
    ["2026-03-08T04:30:00Z", "America/New_York", "2026-03-07"],
    ["2026-03-08T06:59:00Z", "America/New_York", "2026-03-08"],
    ["2026-03-09T03:59:00Z", "America/New_York", "2026-03-08"],
    ["2026-03-09T04:00:00Z", "America/New_York", "2026-03-09"],
    ["2026-11-02T03:30:00Z", "America/New_York", "2026-11-01"],
    ["2026-11-02T04:30:00Z", "America/New_York", "2026-11-01"],
    ["2026-11-02T05:00:00Z", "America/New_York", "2026-11-02"],
    // Berlin springs forward 2026-03-29 02:00 CET → 03:00 CEST; falls back 2026-10-25.
    ["2026-03-29T22:30:00Z", "Europe/Berlin", "2026-03-30"],
    ["2026-03-28T22:30:00Z", "Europe/Berlin", "2026-03-28"],
    ["2026-10-25T22:30:00Z", "Europe/Berlin", "2026-10-25"],
    ["2026-10-25T23:00:00Z", "Europe/Berlin", "2026-10-26"],
    ["2026-12-31T20:00:00Z", "Asia/Tokyo", "2027-01-01"],
    ["2026-11-26T10:30:00Z", "Pacific/Kiritimati", "2026-11-27"],
  ])("%s in %s is %s", (now, zone, date) => {
    expect(today(now, zone)).toBe(date);
  });

  it("counts calendar days across the switch, not 24-hour blocks", () => {
    const clock = { now: new Date("2026-03-30T10:00:00Z"), timeZone: "Europe/Berlin" };
    expect(range("last-7d", clock)).toBe("2026-03-23..2026-03-29");
    expect(range("yesterday", clock)).toBe("2026-03-29..2026-03-29");
    const ny = { now: new Date("2026-03-09T12:00:00Z"), timeZone: "America/New_York" };
    expect(range("last-7d", ny)).toBe("2026-03-02..2026-03-08");
    expect(resolvePeriod("last-7d", ny).timezone).toBe("America/New_York");
  });

  it("uses the zone's date when it differs from UTC's", () => {
    const clock = { now: new Date("2026-01-01T02:00:00Z"), timeZone: "America/New_York" };
    expect(range("today", clock)).toBe("2025-12-31..2025-12-31");
    expect(range("ytd", clock)).toBe("2025-01-01..2025-12-31");
    expect(range("mtd", clock)).toBe("2025-12-01..2025-12-31");
    expect(range("last-quarter", clock)).toBe("2025-07-01..2025-09-30");
    expect(range("today", utc("2026-01-01T02:00:00Z"))).toBe("2026-01-01..2026-01-01");
    expect(formatPeriod(resolvePeriod("today", clock))).toBe("Dec 31, 2025 · America/New_York");
  });

  it("rejects an unknown time zone with a UserError", () => {
    expect(() => resolvePeriod("today", { now: new Date(0), timeZone: "Mars/Olympus" })).toThrow(
      "Unknown time zone `Mars/Olympus`.",
    );
  });
});

describe("comparisonPeriod", () => {
  const clock = utc("2026-11-26T12:00:00Z");
  it.each([
    ["last-30d", "previous", "2026-09-27", "2026-10-26", "previous 30 days"],
    ["yesterday", "previous", "2026-11-24", "2026-11-24", "previous day"],
    ["mtd", "previous", "2026-10-01", "2026-10-26", "first 26 days of the previous month"],
    ["last-month", "previous", "2026-09-01", "2026-09-30", "previous month"],
    ["last-30d", "last-year", "2025-10-27", "2025-11-25", "same dates last year"],
    ["ytd", "last-year", "2025-01-01", "2025-11-26", "same dates last year"],
  ] as const)("%s vs %s", (spec, mode, from, to, label) => {
    expect(compare(spec, clock, mode)).toEqual({ from, to, label });
  });

  it("calls one day of the month to date the first day of the previous month", () => {
    expect(compare("mtd", utc("2026-12-01T12:00:00Z"), "previous")).toEqual({
      from: "2026-11-01",
      to: "2026-11-01",
      label: "first day of the previous month",
    });
  });
});

describe("resolvePeriod: the future", () => {
  const clock = utc("2026-11-26T12:00:00Z");
  const fail = (spec: string) => {
    try {
      resolvePeriod(spec, clock);
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      return (error as UserError).message;
    }
    throw new Error("no error");
  };

  it("rejects a period that starts after today", () => {
    expect(fail("2026-12")).toBe(
      `The period \`2026-12\` starts after today (2026-11-26 in \`UTC\`) — there is no data for it yet. ${USAGE}`,
    );
    expect(fail("2026-11-27..2026-11-30")).toContain("starts after today");
  });

  it("clamps a period that ends after today, with a note", () => {
    expect(resolvePeriodWithNotes("2026-11", clock)).toEqual({
      period: { from: "2026-11-01", to: "2026-11-26", label: "November 2026 to date", timezone: "UTC" },
      notes: ["The period ends today (Nov 26, 2026); later dates have no data yet."],
      kind: { kind: "to-date", unit: "month" },
    });
    expect(resolvePeriod("2026-11-20..2027-01-05", clock)).toMatchObject({
      to: "2026-11-26",
      label: "Nov 20 – Nov 26, 2026",
    });
    expect(resolvePeriodWithNotes("2026-10", clock).notes).toEqual([]);
    expect(resolvePeriodWithNotes("last-30d", clock).notes).toEqual([]);
  });

  it("rejects unknown and malformed text", () => {
    expect(fail("last30d")).toBe(`Unknown period \`last30d\` — did you mean \`last-30d\`? ${USAGE}`);
    expect(fail("2026-02-30..2026-03-01")).toContain("February 2026 has 28 days");
    expect(() => resolvePeriod({ kind: "range", from: "2026-01-02", to: "2026-01-01" }, clock)).toThrow(
      "ends before it starts",
    );
  });
});
