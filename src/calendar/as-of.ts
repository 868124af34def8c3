/** `--as-of YYYY-MM-DD`: an instant at which "today" in the zone is that date (for reproducible answers). */
import { UserError } from "../errors.js";
import { parseIsoDate, todayInZone } from "./calendar.js";

export function instantForDay(day: string, timeZone: string): Date {
  if (!parseIsoDate(day))
    throw new UserError(
      "bad_as_of",
      `--as-of must be a date like 2026-11-25, not ${JSON.stringify(day).slice(0, 40)}.`,
    );
  // Noon UTC of that date is the same calendar day in zones up to ±11 h; step towards it otherwise.
  for (const hours of [0, -6, 6, -11, 11, -13, 13]) {
    const candidate = new Date(Date.parse(`${day}T12:00:00Z`) + hours * 3_600_000);
    if (todayInZone(candidate, timeZone) === day) return candidate;
  }
  throw new UserError("bad_as_of", `--as-of ${day} does not exist in ${timeZone}.`);
}
