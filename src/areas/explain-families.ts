/**
 * What `explain` can split, per family of areas: the KPIs (additive sums, or ratios of two
 * sums) and the dimensions their rollups hold. The sums are named as the member queries
 * (member-queries.ts) return them; KPI keys, labels and units are the metric table's.
 */
import type { FilterKey } from "../answer/query.js";

/** The dimensions a KPI change can be split by. */
export const DIMENSIONS = [
  "platform",
  "campaign",
  "format",
  "city",
  "payment_method",
  "source",
  "device",
] as const;

export type Dimension = (typeof DIMENSIONS)[number];

export type Sums = Readonly<Record<string, number>>;

/** An additive KPI is one sum; a ratio KPI `scale · numerator ÷ denominator`. */
export type KpiSpec =
  | { readonly kind: "additive"; readonly sum: (s: Sums) => number }
  | {
      readonly kind: "ratio";
      readonly numerator: (s: Sums) => number;
      readonly denominator: (s: Sums) => number;
      readonly scale?: number;
    };

const add = (key: string): KpiSpec => ({ kind: "additive", sum: (s) => s[key] ?? 0 });
const per = (numerator: string, denominator: string, scale?: number): KpiSpec => ({
  kind: "ratio",
  numerator: (s) => s[numerator] ?? 0,
  denominator: (s) => s[denominator] ?? 0,
  ...(scale ? { scale } : {}),
});

export type ExplainFamily = "ads" | "orders" | "traffic";

export interface FamilySpec {
  readonly family: ExplainFamily;
  /** The areas whose answers it explains; the first is where a typed `explain <kpi>` goes. */
  /** Area names (registry.ts; named here as text, the registry imports the areas that import this). */
  readonly areas: readonly string[];
  readonly dimensions: readonly Dimension[];
  readonly kpis: Readonly<Record<string, KpiSpec>>;
}

export const FAMILIES: readonly FamilySpec[] = [
  {
    family: "ads",
    areas: ["campaigns", "ad-performance", "roas", "ctr"],
    dimensions: ["platform", "campaign", "format"],
    kpis: {
      spend: add("spend"),
      revenue: add("revenue"),
      impressions: add("impressions"),
      clicks: add("clicks"),
      leads: add("leads"),
      conversions: add("conversions"),
      roas: per("revenue", "spend"),
      roi: {
        kind: "ratio",
        numerator: (s) => (s.revenue ?? 0) - (s.cogs ?? 0) - (s.spend ?? 0),
        denominator: (s) => s.spend ?? 0,
      },
      ctr: per("clicks", "impressions"),
      click_to_lead: per("leads", "clicks"),
      cvr: per("conversions", "clicks"),
      cpc: per("spend", "clicks"),
      cpm: per("spend", "impressions", 1000),
      cpl: per("spend", "leads"),
      cpa: per("spend", "conversions"),
    },
  },
  {
    family: "orders",
    areas: ["orders"],
    dimensions: ["city", "payment_method", "source"],
    kpis: {
      revenue: add("revenue"),
      orders: add("orders"),
      items: add("items"),
      discount: add("discount"),
      aov: per("revenue", "orders"),
    },
  },
  {
    family: "traffic",
    areas: ["traffic"],
    dimensions: ["source", "device"],
    kpis: {
      sessions: add("sessions"),
      converted_sessions: add("converted_sessions"),
      conversion_rate: per("converted_sessions", "sessions"),
      orders: add("orders"),
      revenue: add("revenue"),
    },
  },
];

/** The family that explains an area's KPIs, or undefined (users, products, ads, stock). */
export function familyOfArea(area: string): FamilySpec | undefined {
  return FAMILIES.find((f) => (f.areas as readonly string[]).includes(area));
}

/** Every KPI key `explain` knows, in the order help lists them. */
export const EXPLAINABLE_KPIS: readonly string[] = [...new Set(FAMILIES.flatMap((f) => Object.keys(f.kpis)))];

/** Whether an area's answer can explain this KPI key. */
export function canExplain(area: string, kpi: string): boolean {
  return familyOfArea(area)?.kpis[kpi] !== undefined;
}

/**
 * The area a typed `explain <kpi> [filters]` reads: the first family (ads, orders, traffic)
 * that has the KPI and accepts every filter given — so `explain revenue` is the shop's
 * revenue (orders), `explain revenue platform=meta` the revenue attributed to Meta's ads.
 */
export function homeArea(
  kpi: string,
  filterKeys: readonly FilterKey[],
  acceptsFilter: (area: string, key: FilterKey) => boolean,
): string | undefined {
  const order: readonly ExplainFamily[] = filterKeys.some((k) => k === "platform" || k === "campaign")
    ? ["ads", "orders", "traffic"]
    : ["orders", "traffic", "ads"];
  for (const name of order) {
    const family = FAMILIES.find((f) => f.family === name) as FamilySpec;
    const area = family.areas[0] as string;
    if (family.kpis[kpi] && filterKeys.every((k) => acceptsFilter(area, k))) return area;
  }
  return undefined;
}
