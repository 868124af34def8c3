/**
 * What the query layer hands to the area builders: plain sums and breakdowns for one
 * closed date range, already filtered. Ratios are never stored here; builders compute
 * them as ratios of these sums (src/metrics).
 */

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** Filters after matching against what exists: canonical values the views use. */
export interface ResolvedFilters {
  readonly platform?: { readonly slug: string; readonly name: string };
  readonly campaign?: { readonly id: number; readonly name: string };
  readonly city?: string;
  readonly category?: { readonly slug: string; readonly name: string };
  readonly source?: { readonly slug: string; readonly name: string };
}

/** One value a filter can take: `platform=meta` or `platform=Meta` both select { slug: "meta", name: "Meta" }. */
export interface FilterOption {
  /** What the option is shown as. */
  readonly label: string;
  /** Every spelling that selects it (slug, name, id), compared case-insensitively. */
  readonly spellings: readonly string[];
  readonly resolved: ResolvedFilters[keyof ResolvedFilters];
}

export interface AdSums {
  readonly impressions: number;
  readonly clicks: number;
  readonly leads: number;
  readonly conversions: number;
  readonly spend: number;
  readonly orders: number;
  readonly revenue: number;
  readonly cogs: number;
}

/** campaigns, ad-performance, roas, ctr. */
export interface AdData {
  readonly totals: AdSums;
  readonly byCampaign: readonly (AdSums & { readonly campaignId: number; readonly campaign: string })[];
  readonly byPlatform: readonly (AdSums & { readonly platform: string; readonly platformName: string })[];
  readonly byFormat: readonly (AdSums & { readonly format: string })[];
}

export interface CountAndAmount {
  readonly key: string;
  readonly count: number;
  readonly amount: number;
}

/** ads (structure): ads that ran in the range, their budgets and spend. */
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

export interface OrderSums {
  readonly ordersPlaced: number;
  readonly orders: number;
  readonly items: number;
  readonly gross: number;
  readonly discount: number;
  readonly revenue: number;
  readonly cogs: number;
}

export interface OrdersData {
  readonly totals: OrderSums;
  readonly byDay: readonly { readonly day: string; readonly orders: number; readonly revenue: number }[];
  readonly byPaymentMethod: readonly CountAndAmount[];
  readonly byCity: readonly CountAndAmount[];
  readonly topProducts: readonly {
    readonly product: string;
    readonly category: string;
    readonly units: number;
    readonly revenue: number;
  }[];
}

export interface UsersData {
  readonly totalUsers: number;
  readonly newUsers: number;
  readonly activeUsers: number;
  readonly byDay: readonly {
    readonly day: string;
    readonly newUsers: number;
    readonly activeUsers: number;
  }[];
  readonly byGender: readonly CountAndAmount[];
  readonly byBirthYear: readonly CountAndAmount[];
  readonly byDevice: readonly CountAndAmount[];
  readonly byPlatform: readonly CountAndAmount[];
  readonly byCity: readonly CountAndAmount[];
}

export interface StockItem {
  readonly sku: string;
  readonly product: string;
  readonly category: string;
  readonly price: number;
  readonly stock: number;
  readonly reorderLevel: number;
  readonly status: "out" | "low" | "ok";
  /** Units sold (paid) in the 30 days ending on the range's last day. */
  readonly unitsSold30d: number;
}

export interface ProductsData {
  readonly activeProducts: number;
  readonly stockUnits: number;
  readonly stockValue: number;
  readonly unitsSold: number;
  readonly revenue: number;
  readonly byCategory: readonly {
    readonly category: string;
    readonly products: number;
    readonly stockUnits: number;
    readonly low: number;
    readonly out: number;
  }[];
  /** Active products per price range (index = priceBand of the price). */
  readonly priceBands: readonly number[];
  readonly lowStock: readonly StockItem[];
}

export interface TrafficSums {
  readonly sessions: number;
  readonly convertedSessions: number;
  readonly orders: number;
  readonly revenue: number;
}

export interface TrafficData {
  readonly totals: TrafficSums;
  readonly bySource: readonly (TrafficSums & { readonly source: string; readonly sourceName: string })[];
  readonly byDay: readonly {
    readonly day: string;
    readonly sessions: number;
    readonly convertedSessions: number;
  }[];
}

export interface Freshness {
  readonly lastRefreshAt: string | null;
  readonly lastDay: string | null;
}
