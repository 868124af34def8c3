/**
 * How busy each day of the window is: growth over the window, a weekly cycle (weekends
 * busier), the time of year, and promotion peaks (Black Friday, Christmas, summer sale...).
 */
import { type DayWindow, dayOf, monthOf, weekday, yearOf } from "./calendar.js";

export interface Promotion {
  readonly name: string;
  readonly firstDay: number;
  readonly lastDay: number;
  /** The busiest day and how busy it is relative to a normal day. */
  readonly peakDay: number;
  readonly peak: number;
}

/** Sunday..Saturday visit and order multipliers. */
export const WEEKLY_VISITS: readonly number[] = [1.3, 0.97, 0.92, 0.92, 0.95, 1.0, 1.22];
const WEEKLY_ADS: readonly number[] = [1.08, 0.97, 0.96, 0.96, 0.97, 1.0, 1.06];
const MONTHLY: readonly number[] = [0.86, 0.9, 0.96, 0.97, 1.0, 0.96, 1.04, 0.98, 1.0, 1.04, 1.12, 1.22];

function blackFriday(year: number): number {
  const novFirst = dayOf(year, 11, 1);
  const firstThursday = novFirst + ((4 - weekday(novFirst) + 7) % 7);
  return firstThursday + 21 + 1;
}

export function promotionsFor(year: number): Promotion[] {
  const bf = blackFriday(year);
  const julyFirst = dayOf(year, 7, 1);
  return [
    {
      name: `Valentine's ${year}`,
      firstDay: dayOf(year, 2, 7),
      lastDay: dayOf(year, 2, 13),
      peakDay: dayOf(year, 2, 12),
      peak: 1.25,
    },
    {
      name: `Spring Sale ${year}`,
      firstDay: dayOf(year, 3, 20),
      lastDay: dayOf(year, 3, 26),
      peakDay: dayOf(year, 3, 20),
      peak: 1.5,
    },
    {
      name: `Summer Sale ${year}`,
      firstDay: julyFirst,
      lastDay: julyFirst + 13,
      peakDay: julyFirst,
      peak: 1.9,
    },
    {
      name: `Back to School ${year}`,
      firstDay: dayOf(year, 8, 25),
      lastDay: dayOf(year, 9, 5),
      peakDay: dayOf(year, 8, 30),
      peak: 1.2,
    },
    {
      name: `Singles' Day ${year}`,
      firstDay: dayOf(year, 11, 10),
      lastDay: dayOf(year, 11, 11),
      peakDay: dayOf(year, 11, 11),
      peak: 1.45,
    },
    { name: `Black Friday ${year}`, firstDay: bf - 7, lastDay: bf + 4, peakDay: bf, peak: 3.0 },
    {
      name: `Christmas ${year}`,
      firstDay: dayOf(year, 12, 1),
      lastDay: dayOf(year, 12, 23),
      peakDay: dayOf(year, 12, 14),
      peak: 1.45,
    },
  ];
}

/** The promotion multiplier of one day (1 on ordinary days, below 1 on Christmas days). */
export function promotionFactor(day: number): number {
  const year = yearOf(day);
  const bf = blackFriday(year);
  const fromBf = day - bf;
  if (fromBf >= -7 && fromBf <= 4)
    return [1.12, 1.12, 1.15, 1.15, 1.18, 1.2, 1.5, 3, 2.1, 1.8, 2.5, 1.3][fromBf + 7] ?? 1;
  for (const promo of promotionsFor(year)) {
    if (promo.name.startsWith("Black Friday") || day < promo.firstDay || day > promo.lastDay) continue;
    const span = Math.max(1, promo.lastDay - promo.firstDay);
    const closeness = 1 - Math.abs(day - promo.peakDay) / span;
    return 1 + (promo.peak - 1) * (0.55 + 0.45 * closeness);
  }
  const month = monthOf(day);
  const date = day - dayOf(year, month, 1) + 1;
  if (month === 12 && date >= 24 && date <= 26) return [0.62, 0.45, 0.75][date - 24] ?? 1;
  return 1;
}

export interface DayProfile {
  /** Relative volume of visits and orders per window day (mean about 1). */
  readonly visits: Float64Array;
  /** Relative ad delivery per window day (weekly cycle and promotion pressure). */
  readonly adDelivery: Float64Array;
  /** Promotion multiplier per window day (drives conversion uplift and discounts). */
  readonly promotion: Float64Array;
  /** Relative new sign-ups per window day. */
  readonly signups: Float64Array;
  readonly promotions: readonly Promotion[];
}

export function dayProfile(window: DayWindow): DayProfile {
  const n = window.days;
  const visits = new Float64Array(n);
  const adDelivery = new Float64Array(n);
  const promotion = new Float64Array(n);
  const signups = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const day = window.firstDay + i;
    const growth = 0.72 + (0.56 * i) / Math.max(1, n - 1);
    const promo = promotionFactor(day);
    const dow = weekday(day);
    promotion[i] = promo;
    visits[i] = growth * (WEEKLY_VISITS[dow] as number) * (MONTHLY[monthOf(day) - 1] as number) * promo;
    adDelivery[i] = (WEEKLY_ADS[dow] as number) * Math.sqrt(promo);
    signups[i] = growth * Math.sqrt((WEEKLY_VISITS[dow] as number) * promo);
  }
  const years = new Set<number>();
  for (let y = yearOf(window.firstDay) - 1; y <= yearOf(window.endDay) + 1; y++) years.add(y);
  const promotions = [...years]
    .flatMap(promotionsFor)
    .filter((p) => p.lastDay >= window.firstDay - 30 && p.firstDay <= window.endDay + 30);
  return { visits, adDelivery, promotion, signups, promotions };
}
