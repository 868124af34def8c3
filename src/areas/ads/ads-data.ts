/** What the ads (structure) area reads: the ads that ran in the range, their budgets and spend. */
import type { CountAndAmount } from "../area-series.js";

export interface AdStructureData {
  readonly live: number;
  readonly activeNow: number;
  readonly pausedNow: number;
  readonly endedNow: number;
  readonly plannedBudget: number;
  readonly spend: number;
  /** key = format, count = ads, amount = planned budget */
  readonly byFormat: readonly CountAndAmount[];
  /** key = platform name */
  readonly byPlatform: readonly CountAndAmount[];
  /** key = status */
  readonly byStatus: readonly CountAndAmount[];
  /** Spend in the range per platform (key = platform name). */
  readonly byPlatformSpend: readonly { readonly key: string; readonly amount: number }[];
}
