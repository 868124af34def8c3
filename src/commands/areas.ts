/**
 * The dashboard areas a command can ask about (DESIGN.md "The dashboard areas"), their
 * aliases, the filters each accepts and the examples `/kpi help <area>` shows.
 */

export const AREA_NAMES = [
  "users",
  "products",
  "orders",
  "campaigns",
  "ads",
  "ad-performance",
  "traffic",
  "stock",
  "roas",
  "ctr",
] as const;

export type Area = (typeof AREA_NAMES)[number];

export const FILTER_KEYS = ["platform", "campaign", "city", "category", "source"] as const;

export type FilterKey = (typeof FILTER_KEYS)[number];

export type Filters = Partial<Record<FilterKey, string>>;

export interface AreaInfo {
  readonly name: Area;
  readonly aliases: readonly string[];
  readonly description: string;
  /** Filter keys this area accepts; any other key is an error. */
  readonly filters: readonly FilterKey[];
  readonly examples: readonly string[];
}

/** An example value per filter key, for help and error messages. */
export const FILTER_EXAMPLES: Readonly<Record<FilterKey, string>> = {
  platform: "platform=meta",
  campaign: 'campaign="Black Friday"',
  city: "city=Berlin",
  category: "category=shoes",
  source: "source=paid_social",
};

const ad = ["platform", "campaign"] as const;

export const AREAS: Readonly<Record<Area, AreaInfo>> = {
  users: {
    name: "users",
    aliases: [],
    description: "total, new and active users; demographics; devices; users by city",
    filters: ["city"],
    examples: ["/kpi users last-30d", "/kpi users mtd vs last-year", "/kpi users last-90d city=Berlin"],
  },
  products: {
    name: "products",
    aliases: [],
    description: "products by category; stock levels; price ranges; low- and out-of-stock lists",
    filters: ["category"],
    examples: ["/kpi products", "/kpi products category=shoes"],
  },
  orders: {
    name: "orders",
    aliases: [],
    description: "orders and revenue over time; AOV; payment methods; revenue by city; top products",
    filters: ["city", "source"],
    examples: [
      "/kpi orders last-7d",
      "/kpi orders last-month vs last-year",
      "/kpi orders mtd city=Berlin source=paid_social",
    ],
  },
  campaigns: {
    name: "campaigns",
    aliases: [],
    description:
      "spend, revenue, ROAS, ROI, CTR, CVR, CPC, CPA and leads per campaign; profitability ranking",
    filters: [...ad],
    examples: [
      "/kpi campaigns last-30d",
      "/kpi campaigns qtd vs last-year platform=meta",
      '/kpi campaigns 2026-11 campaign="Black Friday"',
    ],
  },
  ads: {
    name: "ads",
    aliases: [],
    description: "ad structure: formats, platform distribution, budget allocation, active vs paused",
    filters: [...ad],
    examples: ["/kpi ads last-30d", "/kpi ads mtd platform=google"],
  },
  "ad-performance": {
    name: "ad-performance",
    aliases: ["funnel"],
    description: "funnel impressions → clicks → leads → conversions; click-to-lead; ROAS and CTR by platform",
    filters: [...ad],
    examples: ["/kpi funnel last-30d", "/kpi ad-performance last-quarter vs previous platform=meta"],
  },
  traffic: {
    name: "traffic",
    aliases: [],
    description: "sessions and conversion rate by traffic source",
    filters: ["source"],
    examples: ["/kpi traffic last-7d", "/kpi traffic mtd vs last-year source=paid_social"],
  },
  stock: {
    name: "stock",
    aliases: ["low-stock"],
    description: "products at or below their reorder level, with days of cover",
    filters: ["category"],
    examples: ["/kpi stock", "/kpi low-stock category=shoes"],
  },
  roas: {
    name: "roas",
    aliases: [],
    description: "shortcut: ROAS by platform",
    filters: [...ad],
    examples: ["/kpi roas last-30d", '/kpi roas ytd vs last-year campaign="Black Friday"'],
  },
  ctr: {
    name: "ctr",
    aliases: [],
    description: "shortcut: CTR by platform",
    filters: [...ad],
    examples: ["/kpi ctr last-7d", "/kpi ctr mtd platform=tiktok"],
  },
};

/** Every word that names an area: canonical names, then aliases. */
export const AREA_WORDS: readonly string[] = [
  ...AREA_NAMES,
  ...AREA_NAMES.flatMap((name) => AREAS[name].aliases),
];

/** The canonical area for a name or alias (case-insensitive), or undefined. */
export function findArea(word: string): Area | undefined {
  const lower = word.toLowerCase();
  return AREA_NAMES.find((name) => name === lower || AREAS[name].aliases.includes(lower));
}

export function isFilterKey(word: string): word is FilterKey {
  return (FILTER_KEYS as readonly string[]).includes(word);
}
