/** What the ad areas (campaigns, ad-performance, roas, ctr) read: funnel and money sums, in total and by campaign, platform and format. */

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

export interface AdData {
  readonly totals: AdSums;
  readonly byCampaign: readonly (AdSums & { readonly campaignId: number; readonly campaign: string })[];
  readonly byPlatform: readonly (AdSums & { readonly platform: string; readonly platformName: string })[];
  readonly byFormat: readonly (AdSums & { readonly format: string })[];
}
