/**
 * Campaigns: always-on programmes, promotion pushes anchored to the shop's sale events, and
 * flights of a few weeks. Relative to the end date some have ended, some run, a few are
 * paused or still drafts. Each has a quality (how well its clicks turn into orders) so that
 * some lose money and some are very profitable. A campaign runs on one ad platform, as in the
 * platforms' own ad managers, so all its ads are on that platform.
 */
import { type DayWindow, isoDay } from "../calendar.js";
import { Random } from "../random.js";
import { CATEGORIES } from "../reference/catalog-data.js";
import { type CampaignObjective, OBJECTIVE_CVR, OBJECTIVES, PLATFORMS } from "../reference/marketing-data.js";
import type { DayProfile, Promotion } from "../seasonality.js";
import { NULL_FIELD, tsvText } from "../tsv.js";
import { WeightedChoice, WeightedTable } from "../weighted.js";

export type CampaignKind = "always_on" | "promotion" | "flight";
export type CampaignStatus = "draft" | "active" | "paused" | "ended";

export interface CampaignPlan {
  readonly id: number;
  readonly name: string;
  readonly kind: CampaignKind;
  readonly objective: CampaignObjective;
  readonly startDay: number;
  readonly endDay: number | null;
  readonly status: CampaignStatus;
  /** Multiplies the click-to-order rate of its ads. */
  readonly quality: number;
  /** Focus category index, or -1 for the whole shop. */
  readonly category: number;
  /** Index into PLATFORMS: where all of its ads run. */
  readonly platform: number;
  /** Relative spend per day. */
  readonly dailyWeight: number;
}

const THEMES = [
  "New Season",
  "Bestsellers",
  "Prospecting",
  "Retargeting",
  "Lookalike",
  "Brand Awareness",
  "Gift Guide",
  "Weekend Deals",
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function uniqueName(base: string, taken: Set<string>): string {
  let name = base.slice(0, 110);
  for (let k = 2; taken.has(name); k++) name = `${base.slice(0, 104)} #${k}`;
  taken.add(name);
  return name;
}

function monthLabel(day: number): string {
  const iso = isoDay(day);
  return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

export function planCampaigns(
  count: number,
  window: DayWindow,
  profile: DayProfile,
  seed: number,
): CampaignPlan[] {
  const rng = Random.stream(seed, "campaigns");
  const objectives = new WeightedChoice(OBJECTIVES);
  const platformTable = new WeightedTable(PLATFORMS.map((p) => p.weight));
  const promotions = profile.promotions.filter(
    (p) => p.peakDay >= window.firstDay && p.peakDay <= window.endDay + 10,
  );
  const promoTable = promotions.length > 0 ? new WeightedTable(promotions.map((p) => p.peak)) : undefined;
  const names = new Set<string>();
  const campaigns: CampaignPlan[] = [];
  for (let id = 1; id <= count; id++) {
    const r = rng.float();
    // The first three set the scene even in tiny shops: one always-on programme still running,
    // one profitable promotion push, one loss-making awareness flight that has ended.
    const kind: CampaignKind =
      id === 1 || (id > 3 && r < 0.14)
        ? "always_on"
        : (id === 2 || (id > 3 && r < 0.42)) && promoTable
          ? "promotion"
          : "flight";
    const category = rng.chance(0.6) ? rng.int(CATEGORIES.length) : -1;
    const focus = category >= 0 ? (CATEGORIES[category] as (typeof CATEGORIES)[number]).name : "All Products";
    const platform = id <= PLATFORMS.length ? id - 1 : platformTable.sample(rng);
    const platformName = (PLATFORMS[platform] as (typeof PLATFORMS)[number]).name;
    let startDay: number;
    let endDay: number | null;
    let objective = objectives.sample(rng);
    let name: string;
    if (kind === "always_on") {
      startDay = window.firstDay - rng.int(120);
      endDay =
        id === 1 || rng.chance(0.65)
          ? null
          : window.firstDay + rng.between(Math.floor(window.days / 3), window.days - 1);
      if (objective === "awareness") objective = "traffic";
      name = `Always-on · ${platformName} · ${focus}`;
    } else if (kind === "promotion" && promoTable) {
      const promo = promotions[promoTable.sample(rng)] as Promotion;
      startDay = promo.firstDay - rng.between(4, 14);
      endDay = promo.lastDay + rng.between(0, 4);
      if (rng.chance(0.7) || id === 2) objective = "sales";
      name = `${promo.name} · ${focus}`;
    } else {
      startDay =
        id === 3
          ? window.firstDay + rng.int(Math.max(1, window.days - 80))
          : window.firstDay - 20 + rng.int(window.days + 34);
      endDay = startDay + rng.between(14, id === 3 ? 40 : 75);
      if (id === 3) objective = "awareness";
      name = `${rng.pick(THEMES)} · ${focus} · ${monthLabel(startDay)}`;
    }
    const status: CampaignStatus =
      startDay > window.endDay
        ? "draft"
        : endDay !== null && endDay < window.endDay
          ? "ended"
          : id > 3 && rng.chance(0.12)
            ? "paused"
            : "active";
    campaigns.push({
      id,
      name: uniqueName(name, names),
      kind,
      objective,
      startDay,
      endDay,
      status,
      quality: OBJECTIVE_CVR[objective] * rng.logNormal(0, 0.55) * (id === 2 ? 2 : id === 3 ? 0.15 : 1),
      category,
      platform,
      dailyWeight: rng.logNormal(0, 0.6) * (kind === "promotion" ? 2.2 : kind === "always_on" ? 0.6 : 1),
    });
  }
  return campaigns;
}

export const CAMPAIGN_COLUMNS = [
  "campaign_id",
  "name",
  "objective",
  "start_date",
  "end_date",
  "status",
] as const;

export function* campaignLines(campaigns: readonly CampaignPlan[], window: DayWindow): Generator<string> {
  for (const c of campaigns) {
    const end = c.endDay === null ? NULL_FIELD : window.date(c.endDay);
    yield `${c.id}\t${tsvText(c.name)}\t${c.objective}\t${window.date(c.startDay)}\t${end}\t${c.status}\n`;
  }
}
