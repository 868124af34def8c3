/**
 * Age bands of the users area: age is completed years on the period's last day. Someone is at
 * least k years old on day D exactly when they were born on or before D minus k years (Feb 29
 * minus a year is Feb 28: a Feb 29 birthday turns a year older on Mar 1 of a common year).
 * The rollup keeps signups by birth year and by birth date; a band count needs the birth
 * years and, for the one birth year each band edge falls in, the birth dates of that year.
 */
import { addYears } from "../../calendar/calendar.js";
import type { CountAndAmount } from "../area-series.js";

export interface AgeBand {
  readonly label: string;
  readonly min: number;
}

/** Contiguous bands: each runs from its `min` to the next band's `min` − 1; the last is open. */
export const AGE_BANDS: readonly AgeBand[] = [
  { label: "under 18", min: 0 },
  { label: "18–24", min: 18 },
  { label: "25–34", min: 25 },
  { label: "35–44", min: 35 },
  { label: "45–54", min: 45 },
  { label: "55–64", min: 55 },
  { label: "65+", min: 65 },
];

/** The latest birth date of someone at least `band.min` years old on `end`, per band. */
export function birthCutoffs(end: string): string[] {
  return AGE_BANDS.map((band) => addYears(end, -band.min));
}

/** The birth dates whose counts the bands need: Jan 1 to the cutoff of each cutoff's year. */
export function birthDateRanges(end: string): { from: string; to: string }[] {
  return birthCutoffs(end).map((to) => ({ from: `${to.slice(0, 4)}-01-01`, to }));
}

/**
 * Users per band on `end`, from counts by birth year (key YYYY) and by birth date (key
 * YYYY-MM-DD, at least the dates of birthDateRanges(end)).
 */
export function ageBands(
  byBirthYear: readonly CountAndAmount[],
  byBirthDate: readonly CountAndAmount[],
  end: string,
): number[] {
  const bornBy = (cutoff: string): number => {
    const year = cutoff.slice(0, 4);
    const earlierYears = byBirthYear.filter((b) => b.key < year).reduce((n, b) => n + b.count, 0);
    const thatYear = byBirthDate
      .filter((b) => b.key.startsWith(year) && b.key <= cutoff)
      .reduce((n, b) => n + b.count, 0);
    return earlierYears + thatYear;
  };
  const atLeast = birthCutoffs(end).map(bornBy);
  return atLeast.map((n, i) => n - (atLeast[i + 1] ?? 0));
}
