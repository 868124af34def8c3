/** The values a filter can take, as they exist in the views (matched by src/commands/filter-match.ts). */
import type { FilterKey } from "../../answer/query.js";
import { type ReportingDb, withViews } from "../../db/reporting/reporting-views.js";
import type { AdViews } from "../ad-data/ad-views.js";
import type { ProductViews } from "../products/products-views.js";
import type { TrafficViews } from "../traffic/traffic-views.js";
import type { UserViews } from "../users/users-views.js";
import type { FilterOption } from "./filter-types.js";

export async function loadFilterOptions(reporting: ReportingDb, key: FilterKey): Promise<FilterOption[]> {
  const db = withViews<AdViews & UserViews & ProductViews & TrafficViews>(reporting);
  switch (key) {
    case "platform": {
      const rows = await db
        .selectFrom("v_ad_structure")
        .select(["platform", "platform_name"])
        .distinct()
        .execute();
      return rows.map((r) => ({
        label: r.platform,
        spellings: [r.platform, r.platform_name],
        resolved: { slug: r.platform, name: r.platform_name },
      }));
    }
    case "campaign": {
      const rows = await db
        .selectFrom("v_ad_structure")
        .select(["campaign_id", "campaign"])
        .distinct()
        .execute();
      return rows.map((r) => ({
        label: r.campaign,
        spellings: [r.campaign, String(r.campaign_id)],
        resolved: { id: r.campaign_id, name: r.campaign },
      }));
    }
    case "city": {
      const rows = await db.selectFrom("v_user_profiles").select("city").distinct().execute();
      return rows.map((r) => ({ label: r.city, spellings: [r.city], resolved: r.city }));
    }
    case "category": {
      const rows = await db
        .selectFrom("v_product_stock")
        .select(["category", "category_name"])
        .distinct()
        .execute();
      return rows.map((r) => ({
        label: r.category,
        spellings: [r.category, r.category_name],
        resolved: { slug: r.category, name: r.category_name },
      }));
    }
    case "source": {
      const rows = await db
        .selectFrom("v_traffic_conversion")
        .select(["source", "source_name"])
        .distinct()
        .execute();
      return rows.map((r) => ({
        label: r.source,
        spellings: [r.source, r.source_name],
        resolved: { slug: r.source, name: r.source_name },
      }));
    }
  }
}
