/** Rows of the ad views (db/views/), as the ad areas read them. Decimals arrive as numbers. */
import type { AdSums } from "./ad-data.js";

/** Day x platform (v_platform_daily), with the sums every ad rollup has per row. */
export interface PlatformDailyRow extends AdSums {
  day: string;
  platform: string;
  platform_name: string;
}

/** Day x campaign x platform (v_campaign_daily, agg_campaign_daily). */
export interface CampaignDailyRow extends PlatformDailyRow {
  campaign_id: number;
  campaign: string;
}

/** Day x platform x ad format (v_format_daily). */
export interface FormatDailyRow extends PlatformDailyRow {
  ad_format: string;
}

/** Day x ad (v_ad_performance), with campaign, placement, pricing and format. */
export interface AdPerformanceRow extends CampaignDailyRow {
  ad_id: number;
  placement: string;
  pricing_model: string;
  ad_format: string;
}

/** Every ad now (v_ad_structure). */
export interface AdStructureRow {
  ad_id: number;
  headline: string;
  campaign_id: number;
  campaign: string;
  platform: string;
  platform_name: string;
  placement: string;
  pricing_model: string;
  unit_price: number;
  ad_format: string;
  status: string;
  start_date: string;
  end_date: string | null;
  planned_budget: number;
  budget_spent: number;
}

export interface AdViews {
  v_campaign_daily: CampaignDailyRow;
  v_platform_daily: PlatformDailyRow;
  v_format_daily: FormatDailyRow;
  v_ad_performance: AdPerformanceRow;
  v_ad_structure: AdStructureRow;
}
