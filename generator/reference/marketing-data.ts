/**
 * Ad platforms, their placements with CPM/CPC prices, traffic sources, and the funnel rates
 * that make platforms and formats differ (CTR by format, click-to-lead, click-to-order).
 */

export type AdFormat = "image" | "video" | "carousel" | "text" | "story" | "collection";

export interface TrafficSourceSpec {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly isPaid: boolean;
  /** Share of the unpaid visits (0 for paid sources, whose visits are ad clicks). */
  readonly visitShare: number;
  /** Relative chance that a signed-in visit from this source orders. */
  readonly conversion: number;
}

export const TRAFFIC_SOURCES: readonly TrafficSourceSpec[] = [
  { id: 1, slug: "organic_search", name: "Organic search", isPaid: false, visitShare: 36, conversion: 1 },
  { id: 2, slug: "direct", name: "Direct", isPaid: false, visitShare: 28, conversion: 1.35 },
  { id: 3, slug: "email", name: "Email", isPaid: false, visitShare: 12, conversion: 1.6 },
  { id: 4, slug: "referral", name: "Referral", isPaid: false, visitShare: 10, conversion: 0.9 },
  { id: 5, slug: "organic_social", name: "Organic social", isPaid: false, visitShare: 14, conversion: 0.5 },
  { id: 6, slug: "paid_social", name: "Paid social", isPaid: true, visitShare: 0, conversion: 0 },
  { id: 7, slug: "paid_search", name: "Paid search", isPaid: true, visitShare: 0, conversion: 0 },
  { id: 8, slug: "display", name: "Display & video", isPaid: true, visitShare: 0, conversion: 0 },
];

export const SOURCE_PAID_SOCIAL = 6;
export const SOURCE_PAID_SEARCH = 7;
export const SOURCE_DISPLAY = 8;

export interface PlatformSpec {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  /** Multiplies the format's base CTR. */
  readonly ctr: number;
  /** Share of clicks that become a lead (sign-up, add to cart). */
  readonly leadRate: number;
  /** Multiplies the base click-to-order rate. */
  readonly cvr: number;
  /** Share of its clicks on mobile devices. */
  readonly mobileShare: number;
  /** How often campaigns buy on it. */
  readonly weight: number;
}

export const PLATFORMS: readonly PlatformSpec[] = [
  { id: 1, slug: "meta", name: "Meta", ctr: 1.0, leadRate: 0.22, cvr: 1.0, mobileShare: 0.82, weight: 34 },
  {
    id: 2,
    slug: "google",
    name: "Google Ads",
    ctr: 1.2,
    leadRate: 0.28,
    cvr: 1.3,
    mobileShare: 0.55,
    weight: 32,
  },
  {
    id: 3,
    slug: "tiktok",
    name: "TikTok",
    ctr: 0.85,
    leadRate: 0.12,
    cvr: 0.6,
    mobileShare: 0.95,
    weight: 14,
  },
  {
    id: 4,
    slug: "microsoft",
    name: "Microsoft Advertising",
    ctr: 1.05,
    leadRate: 0.25,
    cvr: 1.15,
    mobileShare: 0.3,
    weight: 8,
  },
  {
    id: 5,
    slug: "pinterest",
    name: "Pinterest",
    ctr: 0.7,
    leadRate: 0.16,
    cvr: 0.8,
    mobileShare: 0.78,
    weight: 12,
  },
];

export interface PlacementSpec {
  readonly id: number;
  readonly platformId: number;
  readonly placement: string;
  readonly model: "CPM" | "CPC";
  /** Price per 1,000 impressions (CPM) or per click (CPC). */
  readonly unitPrice: number;
  readonly sourceId: number;
  readonly formats: readonly AdFormat[];
  /** Multiplies CTR and click-to-order rate for this placement (intent of the audience). */
  readonly ctr: number;
  readonly cvr: number;
  readonly weight: number;
}

const p = (
  id: number,
  platformId: number,
  placement: string,
  model: "CPM" | "CPC",
  unitPrice: number,
  sourceId: number,
  formats: readonly AdFormat[],
  ctr: number,
  cvr: number,
  weight: number,
): PlacementSpec => ({ id, platformId, placement, model, unitPrice, sourceId, formats, ctr, cvr, weight });

export const PLACEMENTS: readonly PlacementSpec[] = [
  p(1, 1, "feed", "CPM", 8.4, SOURCE_PAID_SOCIAL, ["image", "video", "carousel", "collection"], 1, 1, 10),
  p(2, 1, "stories", "CPM", 6.2, SOURCE_PAID_SOCIAL, ["story", "video"], 1, 0.8, 5),
  p(3, 1, "reels", "CPM", 5.6, SOURCE_PAID_SOCIAL, ["video"], 1.1, 0.75, 4),
  p(4, 1, "audience_network", "CPC", 0.38, SOURCE_DISPLAY, ["image", "video"], 0.7, 0.55, 2),
  p(5, 2, "search", "CPC", 1.18, SOURCE_PAID_SEARCH, ["text"], 1, 1.45, 10),
  p(6, 2, "shopping", "CPC", 0.64, SOURCE_PAID_SEARCH, ["image", "collection"], 0.9, 1.55, 7),
  p(7, 2, "display", "CPM", 2.3, SOURCE_DISPLAY, ["image"], 0.7, 0.5, 4),
  p(8, 2, "youtube", "CPM", 9.8, SOURCE_DISPLAY, ["video"], 0.8, 0.6, 3),
  p(9, 3, "in_feed", "CPM", 6.9, SOURCE_PAID_SOCIAL, ["video"], 1, 1, 8),
  p(10, 3, "topview", "CPM", 11.5, SOURCE_PAID_SOCIAL, ["video"], 1.4, 0.8, 2),
  p(11, 3, "spark_ads", "CPC", 0.42, SOURCE_PAID_SOCIAL, ["video", "story"], 1.1, 0.9, 4),
  p(12, 4, "search", "CPC", 0.86, SOURCE_PAID_SEARCH, ["text"], 1, 1.35, 6),
  p(13, 4, "audience", "CPM", 3.1, SOURCE_DISPLAY, ["image"], 0.75, 0.6, 2),
  p(14, 5, "feed", "CPM", 4.3, SOURCE_PAID_SOCIAL, ["image", "carousel", "video", "collection"], 1, 1, 6),
  p(15, 5, "search", "CPC", 0.72, SOURCE_PAID_SOCIAL, ["image", "carousel"], 1.2, 1.2, 3),
];

/** Typical CTR of a format before platform, placement and per-ad variation. */
export const FORMAT_CTR: Readonly<Record<AdFormat, number>> = {
  text: 0.032,
  image: 0.0095,
  video: 0.0075,
  carousel: 0.0125,
  story: 0.0065,
  collection: 0.014,
};

/** Share of ad clicks that end in an order, before platform, placement and campaign variation. */
export const BASE_CLICK_TO_ORDER = 0.016;

export type CampaignObjective = "awareness" | "traffic" | "leads" | "sales";

export const OBJECTIVES: readonly (readonly [CampaignObjective, number])[] = [
  ["awareness", 15],
  ["traffic", 25],
  ["leads", 15],
  ["sales", 45],
];

/** How well an objective's ads turn clicks into orders (awareness campaigns rarely pay back). */
export const OBJECTIVE_CVR: Readonly<Record<CampaignObjective, number>> = {
  awareness: 0.35,
  traffic: 0.75,
  leads: 0.85,
  sales: 1.3,
};

export const OBJECTIVE_LEADS: Readonly<Record<CampaignObjective, number>> = {
  awareness: 0.7,
  traffic: 0.9,
  leads: 1.8,
  sales: 1,
};
