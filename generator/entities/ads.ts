/**
 * Ads: a creative in a campaign on one platform placement. Its planned budget, paced over its
 * planned run, buys impressions (CPM) or clicks (CPC) at the placement's price, so reach is
 * proportional to budget / price. Budgets are scaled so that the window's expected clicks
 * match the paid share of visits.
 */
import type { DayWindow } from "../calendar.js";
import { Random } from "../random.js";
import { CATEGORIES } from "../reference/catalog-data.js";
import {
  type AdFormat,
  BASE_CLICK_TO_ORDER,
  FORMAT_CTR,
  OBJECTIVE_LEADS,
  PLACEMENTS,
  PLATFORMS,
  type PlacementSpec,
} from "../reference/marketing-data.js";
import type { DayProfile } from "../seasonality.js";
import { money, NULL_FIELD, tsvText } from "../tsv.js";
import { WeightedTable } from "../weighted.js";
import { calibrateBudgets, pacingDays } from "./ad-budgets.js";
import type { CampaignPlan } from "./campaigns.js";

export interface AdPlan {
  readonly id: number;
  readonly campaign: CampaignPlan;
  readonly placement: PlacementSpec;
  readonly format: AdFormat;
  readonly headline: string;
  readonly status: "active" | "paused" | "ended";
  readonly startDay: number;
  readonly endDay: number | null;
  plannedBudgetCents: number;
  /** Window day indexes of delivery (inclusive); none when last < first. */
  readonly firstIndex: number;
  readonly lastIndex: number;
  /** Expected impressions (CPM) or clicks (CPC) per day at delivery factor 1. */
  dailyUnits: number;
  /** For ads without an end date: the day their budget is planned to last until. */
  readonly openEndedUntil: number;
  /** Share of the planned budget the platform manages to spend. */
  readonly utilisation: number;
  /** See pacingDays(). */
  readonly pacingDays: number;
  readonly ctr: number;
  readonly leadRate: number;
  readonly clickToOrder: number;
}

const HOOKS = [
  "Up to 30% off",
  "New arrivals",
  "Free shipping",
  "Limited edition",
  "Shop the look",
  "Back in stock",
  "Members save more",
  "Gift ideas",
];

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : Math.min(x, hi);
}

export function planAds(
  count: number,
  campaigns: readonly CampaignPlan[],
  window: DayWindow,
  profile: DayProfile,
  targetClicks: number,
  seed: number,
): AdPlan[] {
  const rng = Random.stream(seed, "ads");
  const perCampaign = campaigns.map(() => 1);
  const campaignTable = new WeightedTable(
    campaigns.map((c) => (c.kind === "always_on" ? 2 : c.kind === "promotion" ? 1.4 : 1)),
  );
  for (let k = campaigns.length; k < count; k++) {
    const c = campaignTable.sample(rng);
    perCampaign[c] = (perCampaign[c] as number) + 1;
  }
  const ads: AdPlan[] = [];
  const rawBudget: number[] = [];
  for (const [ci, campaign] of campaigns.entries()) {
    const placements = PLACEMENTS.filter((p) => p.platformId - 1 === campaign.platform);
    const placementTable = new WeightedTable(placements.map((p) => p.weight));
    for (let k = 0; k < (perCampaign[ci] as number); k++) {
      const placement = placements[placementTable.sample(rng)] as PlacementSpec;
      const platform = PLATFORMS[placement.platformId - 1] as (typeof PLATFORMS)[number];
      const format = rng.pick(placement.formats);
      const campaignEnd = campaign.endDay;
      const startDay =
        campaign.startDay +
        (rng.chance(0.6)
          ? 0
          : rng.int(Math.max(1, ((campaignEnd ?? campaign.startDay + 120) - campaign.startDay) * 0.3)));
      let endDay = campaignEnd;
      if (rng.chance(campaignEnd === null ? 0.25 : 0.15)) {
        const early = startDay + rng.between(7, 120);
        if (endDay === null || early < endDay) endDay = early;
      }
      let status: AdPlan["status"] = "active";
      let pauseDay = Number.POSITIVE_INFINITY;
      if (campaign.status === "draft") status = "paused";
      else if ((endDay !== null && endDay < window.endDay) || campaign.status === "ended") status = "ended";
      else if (campaign.status === "paused" || rng.chance(0.08)) {
        status = "paused";
        pauseDay = Math.max(startDay, window.endDay - rng.between(1, 30));
      }
      const lastDay = Math.min(endDay ?? window.endDay, pauseDay - 1, window.endDay);
      const focus =
        campaign.category >= 0 ? (CATEGORIES[campaign.category] as (typeof CATEGORIES)[number]) : undefined;
      const noun = focus
        ? rng.pick(focus.nouns)
        : rng.pick(["Favourites", "Essentials", "Collection", "Bestsellers"]);
      const openEndedUntil = window.endDay + 30;
      ads.push({
        id: ads.length + 1,
        campaign,
        placement,
        format,
        headline: `${rng.pick(HOOKS)}: ${noun}`,
        status,
        startDay,
        endDay,
        plannedBudgetCents: 0,
        firstIndex: Math.max(startDay, window.firstDay) - window.firstDay,
        lastIndex: lastDay - window.firstDay,
        dailyUnits: 0,
        openEndedUntil,
        utilisation: rng.uniform(0.8, 0.98),
        pacingDays: pacingDays({ startDay, endDay, openEndedUntil }, window, profile),
        ctr: clamp(FORMAT_CTR[format] * platform.ctr * placement.ctr * rng.logNormal(0, 0.25), 0.004, 0.08),
        leadRate: clamp(
          platform.leadRate * OBJECTIVE_LEADS[campaign.objective] * rng.logNormal(0, 0.2),
          0.03,
          0.6,
        ),
        clickToOrder: clamp(
          BASE_CLICK_TO_ORDER * platform.cvr * placement.cvr * campaign.quality * rng.logNormal(0, 0.25),
          0.0003,
          0.25,
        ),
      });
      rawBudget.push(campaign.dailyWeight * rng.logNormal(0, 0.5));
    }
  }
  calibrateBudgets(ads, rawBudget, profile, targetClicks);
  return ads;
}

export const AD_COLUMNS = [
  "ad_id",
  "campaign_id",
  "pricing_id",
  "ad_format",
  "headline",
  "status",
  "start_date",
  "end_date",
  "planned_budget",
] as const;

export function* adLines(ads: readonly AdPlan[], window: DayWindow): Generator<string> {
  for (const ad of ads) {
    const end = ad.endDay === null ? NULL_FIELD : window.date(ad.endDay);
    yield `${ad.id}\t${ad.campaign.id}\t${ad.placement.id}\t${ad.format}\t${tsvText(ad.headline)}\t${ad.status}\t${window.date(ad.startDay)}\t${end}\t${money(ad.plannedBudgetCents)}\n`;
  }
}
