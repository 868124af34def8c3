/**
 * Ad budgets and pacing. A planned budget is spent evenly over the ad's planned run, more on
 * busy days (the delivery factor), at the placement's price: CPM budgets buy impressions, CPC
 * budgets buy clicks. So reach = budget / price. Raw budgets are scaled once so that the
 * expected clicks inside the window match the paid share of visits.
 */
import type { DayWindow } from "../calendar.js";
import type { DayProfile } from "../seasonality.js";
import type { AdPlan } from "./ads.js";

const BUDGET_STEP_CENTS = 1000;
const MIN_BUDGET_CENTS = 2000;

/** Expected clicks in the window of an ad whose planned budget is `budgetCents`. */
function windowClicks(ad: AdPlan, profile: DayProfile, budgetCents: number): number {
  const units = unitsPerDay(ad, budgetCents);
  const perUnit = ad.placement.model === "CPM" ? ad.ctr : 1;
  let sum = 0;
  for (let i = ad.firstIndex; i <= ad.lastIndex; i++) sum += profile.adDelivery[i] as number;
  return sum * units * perUnit;
}

/** The last day the budget is planned for: the ad's end, or for open-ended ads at least 90 days and past the window. */
function plannedEnd(ad: Pick<AdPlan, "startDay" | "endDay" | "openEndedUntil">): number {
  return ad.endDay ?? Math.max(ad.startDay + 89, ad.openEndedUntil);
}

/**
 * The planned run in "delivery days": the sum of the day's delivery factor over the planned
 * run (1 for days outside the window), so that pacing spends the budget over the whole run.
 */
export function pacingDays(
  ad: Pick<AdPlan, "startDay" | "endDay" | "openEndedUntil">,
  window: DayWindow,
  profile: DayProfile,
): number {
  const end = plannedEnd(ad);
  let days = end - ad.startDay + 1;
  const from = Math.max(ad.startDay, window.firstDay);
  const to = Math.min(end, window.endDay);
  for (let day = from; day <= to; day++) days += (profile.adDelivery[day - window.firstDay] as number) - 1;
  return days;
}

/** Expected impressions (CPM) or clicks (CPC) per day at delivery factor 1. */
function unitsPerDay(ad: AdPlan, budgetCents: number): number {
  const dailySpend = ((budgetCents / 100) * ad.utilisation) / ad.pacingDays;
  return ad.placement.model === "CPM"
    ? (dailySpend / ad.placement.unitPrice) * 1000
    : dailySpend / ad.placement.unitPrice;
}

/** Scales raw budgets (relative daily spend) so the expected window clicks hit the target. */
export function calibrateBudgets(
  ads: AdPlan[],
  rawDaily: readonly number[],
  profile: DayProfile,
  targetClicks: number,
): void {
  let expected = 0;
  const budgetOf = (ad: AdPlan, i: number) =>
    (rawDaily[i] as number) * (plannedEnd(ad) - ad.startDay + 1) * 100;
  for (const [i, ad] of ads.entries()) expected += windowClicks(ad, profile, budgetOf(ad, i));
  const factor = expected > 0 ? targetClicks / expected : 1;
  for (const [i, ad] of ads.entries()) {
    const cents = budgetOf(ad, i) * factor;
    ad.plannedBudgetCents = Math.max(
      MIN_BUDGET_CENTS,
      Math.round(cents / BUDGET_STEP_CENTS) * BUDGET_STEP_CENTS,
    );
    ad.dailyUnits = unitsPerDay(ad, ad.plannedBudgetCents);
  }
}
