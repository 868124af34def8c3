/**
 * What `vs previous` compares each kind of period with (DESIGN.md "Comparisons"): calendar
 * periods with the previous unit, to-date periods with as many days from the previous unit's
 * start (clipped), rolling and explicit periods with the same number of days just before.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PERIOD_WORDS, type PeriodSpec } from "../../src/answer/query.js";
import {
  addDays,
  addYears,
  daysInRange,
  formatIsoDate,
  fromDayNumber,
  lastOfMonth,
  toDayNumber,
} from "../../src/calendar/calendar.js";
import { type CalendarUnit, endOfUnit, startOfUnit } from "../../src/calendar/calendar-unit.js";
import { comparisonPeriod } from "../../src/commands/comparison-period.js";
import { resolvePeriodWithNotes } from "../../src/commands/period.js";

const at = (today: string) => ({ now: new Date(`${today}T12:00:00Z`), timeZone: "UTC" });

function previous(spec: string, today: string): string {
  const { period, kind } = resolvePeriodWithNotes(spec, at(today));
  const { from, to } = comparisonPeriod(period, kind, "previous");
  return `${from}..${to}`;
}

describe("vs previous: calendar periods", () => {
  it.each([
    ["2026-10", "2026-11-26", "2026-09-01..2026-09-30"],
    ["last-month", "2026-11-26", "2026-09-01..2026-09-30"],
    ["2026-11", "2026-12-05", "2026-10-01..2026-10-31"],
    ["2026-07", "2026-11-26", "2026-06-01..2026-06-30"],
    ["2026-05", "2026-11-26", "2026-04-01..2026-04-30"],
    ["2026-01", "2026-11-26", "2025-12-01..2025-12-31"],
    ["2028-03", "2028-06-01", "2028-02-01..2028-02-29"],
    ["2027-03", "2027-06-01", "2027-02-01..2027-02-28"],
    ["last-month", "2028-04-10", "2028-02-01..2028-02-29"],
    ["last-quarter", "2026-11-26", "2026-04-01..2026-06-30"],
    ["last-quarter", "2027-04-10", "2026-10-01..2026-12-31"],
    ["last-quarter", "2027-02-10", "2026-07-01..2026-09-30"],
  ])("%s on %s → %s", (spec, today, expected) => {
    expect(previous(spec, today)).toBe(expected);
  });
});

describe("vs previous: to-date periods", () => {
  it.each([
    // a month to date: as many days from the 1st of the previous month, clipped to its end
    ["mtd", "2026-11-26", "2026-10-01..2026-10-26"],
    ["2026-11", "2026-11-26", "2026-10-01..2026-10-26"],
    ["mtd", "2026-03-31", "2026-02-01..2026-02-28"],
    ["mtd", "2028-03-31", "2028-02-01..2028-02-29"],
    ["mtd", "2027-03-30", "2027-02-01..2027-02-28"],
    ["mtd", "2028-03-29", "2028-02-01..2028-02-29"],
    ["mtd", "2026-04-30", "2026-03-01..2026-03-31"],
    ["mtd", "2026-05-31", "2026-04-01..2026-04-30"],
    ["mtd", "2026-05-30", "2026-04-01..2026-04-30"],
    ["mtd", "2026-01-01", "2025-12-01..2025-12-01"],
    // a quarter to date
    ["qtd", "2026-05-31", "2026-01-01..2026-03-02"],
    ["qtd", "2026-06-30", "2026-01-01..2026-03-31"],
    ["qtd", "2026-03-31", "2025-10-01..2025-12-31"],
    ["qtd", "2026-12-31", "2026-07-01..2026-09-30"],
    ["qtd", "2026-08-31", "2026-04-01..2026-06-01"],
    // a year to date
    ["ytd", "2026-11-26", "2025-01-01..2025-11-26"],
    ["ytd", "2026-01-31", "2025-01-01..2025-01-31"],
    ["ytd", "2026-12-31", "2025-01-01..2025-12-31"],
    ["ytd", "2028-12-31", "2027-01-01..2027-12-31"],
    ["ytd", "2029-12-31", "2028-01-01..2028-12-31"],
    ["ytd", "2028-02-29", "2027-01-01..2027-03-01"],
  ])("%s on %s → %s", (spec, today, expected) => {
    expect(previous(spec, today)).toBe(expected);
  });
});

describe("vs previous: rolling and explicit periods keep the days just before", () => {
  it.each([
    ["today", "2026-03-01", "2026-02-28..2026-02-28"],
    ["yesterday", "2026-11-26", "2026-11-24..2026-11-24"],
    ["last-7d", "2026-11-26", "2026-11-12..2026-11-18"],
    ["last-30d", "2026-11-26", "2026-09-27..2026-10-26"],
    ["2026-10-01..2026-10-31", "2026-11-26", "2026-08-31..2026-09-30"],
    ["2026-11-20..2026-12-31", "2026-11-26", "2026-11-13..2026-11-19"],
  ])("%s on %s → %s", (spec, today, expected) => {
    expect(previous(spec, today)).toBe(expected);
  });
});

describe("vs last-year is the same dates a year earlier, whatever the kind", () => {
  it.each([
    ["last-quarter", "2026-11-26", "2025-07-01..2025-09-30"],
    ["mtd", "2028-02-29", "2027-02-01..2027-02-28"],
    ["2026-10-01..2026-10-31", "2026-11-26", "2025-10-01..2025-10-31"],
  ])("%s on %s → %s", (spec, today, expected) => {
    const { period, kind } = resolvePeriodWithNotes(spec, at(today));
    const { from, to } = comparisonPeriod(period, kind, "last-year");
    expect(`${from}..${to}`).toBe(expected);
  });
});

// ---- property ---------------------------------------------------------------------------

const FIRST_DAY = toDayNumber({ year: 1990, month: 1, day: 1 });
const LAST_DAY = toDayNumber({ year: 2090, month: 12, day: 31 });
const isoDay = fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map((n) => formatIsoDate(fromDayNumber(n)));

/** A spec that has begun by `today`: a word, a month up to today's, or a range starting by today. */
const specAndToday = isoDay.chain((today) =>
  fc.tuple(
    fc.constant(today),
    fc.oneof(
      fc.constantFrom(...PERIOD_WORDS).map((word): PeriodSpec => ({ kind: "relative", word })),
      fc.integer({ min: 0, max: 40 }).map((back): PeriodSpec => {
        const [year, month] = today.split("-").map(Number) as [number, number];
        const index = year * 12 + month - 1 - back;
        return { kind: "month", year: Math.floor(index / 12), month: (index % 12) + 1 };
      }),
      fc
        .tuple(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 3 * 365 - 1 }))
        .map(([back, length]): PeriodSpec => {
          const from = addDays(today, -back);
          return { kind: "range", from, to: addDays(from, length) };
        }),
    ),
  ),
);

/** The kind the documentation gives each spec, worked out here from the spec itself. */
function documentedKind(spec: PeriodSpec, to: string): { kind: string; unit?: CalendarUnit } {
  if (spec.kind === "range") return { kind: "rolling" };
  if (spec.kind === "month") {
    const whole = to === lastOfMonth(spec.year, spec.month);
    return { kind: whole ? "calendar" : "to-date", unit: "month" };
  }
  const table: Record<string, { kind: string; unit?: CalendarUnit }> = {
    "last-month": { kind: "calendar", unit: "month" },
    "last-quarter": { kind: "calendar", unit: "quarter" },
    mtd: { kind: "to-date", unit: "month" },
    qtd: { kind: "to-date", unit: "quarter" },
    ytd: { kind: "to-date", unit: "year" },
  };
  return table[spec.word] ?? { kind: "rolling" };
}

describe("property: the comparison period", () => {
  it("never overlaps the period and is of the documented kind", () => {
    fc.assert(
      fc.property(
        specAndToday,
        fc.constantFrom("previous", "last-year") as fc.Arbitrary<"previous" | "last-year">,
        ([today, spec], mode) => {
          const { period, kind } = resolvePeriodWithNotes(spec, at(today));
          const comparison = comparisonPeriod(period, kind, mode);
          const days = daysInRange(period.from, period.to);
          expect(comparison.from <= comparison.to).toBe(true);
          if (mode === "last-year") {
            expect([comparison.from, comparison.to]).toEqual([
              addYears(period.from, -1),
              addYears(period.to, -1),
            ]);
            // The same dates a year earlier overlap only a period longer than a year.
            if (addYears(period.to, -1) < period.from) expect(comparison.to < period.from).toBe(true);
            return;
          }
          expect(comparison.to < period.from).toBe(true);
          const expected = documentedKind(spec, period.to);
          expect(kind).toEqual(expected);
          const length = daysInRange(comparison.from, comparison.to);
          if (expected.kind === "rolling") {
            expect(length).toBe(days);
            expect(comparison.to).toBe(addDays(period.from, -1));
            return;
          }
          const unit = expected.unit as CalendarUnit;
          // The unit just before the period's: it starts there and stays inside it.
          expect(comparison.from).toBe(startOfUnit(addDays(period.from, -1), unit));
          expect(comparison.to <= endOfUnit(comparison.from, unit)).toBe(true);
          const unitLength = daysInRange(comparison.from, endOfUnit(comparison.from, unit));
          const wholePeriod = period.to === endOfUnit(period.from, unit);
          if (expected.kind === "calendar" || wholePeriod) expect(length).toBe(unitLength);
          else expect(length).toBe(Math.min(days, unitLength));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
