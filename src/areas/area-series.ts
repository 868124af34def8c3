/** Helpers for chart series: every day of a range, shares, top-N with the rest summed. */
import { addDays } from "../calendar/calendar.js";

/** A breakdown row: what it is about, how many, and how much money. */
export interface CountAndAmount {
  readonly key: string;
  readonly count: number;
  readonly amount: number;
}

/** Every day from `from` to `to` inclusive, as YYYY-MM-DD. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Values per day of the range; a day without rows is 0 (nothing happened), never a gap. */
export function dailyValues<T extends { day: string }>(
  days: readonly string[],
  rows: readonly T[],
  value: (row: T) => number,
): number[] {
  const byDay = new Map(rows.map((r) => [r.day, value(r)]));
  return days.map((d) => byDay.get(d) ?? 0);
}

/** Top `limit` items by `value`, the rest summed into one "Other" item. */
export function topWithOther(
  items: readonly CountAndAmount[],
  limit: number,
  value: (i: CountAndAmount) => number,
) {
  const sorted = [...items].sort((a, b) => value(b) - value(a) || a.key.localeCompare(b.key));
  if (sorted.length <= limit) return sorted;
  const rest = sorted.slice(limit - 1);
  const other = rest.reduce(
    (acc, i) => ({ key: "Other", count: acc.count + i.count, amount: acc.amount + i.amount }),
    {
      key: "Other",
      count: 0,
      amount: 0,
    },
  );
  return [...sorted.slice(0, limit - 1), other];
}
