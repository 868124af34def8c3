/** ctr: shortcut to CTR by platform, with impressions and clicks. */
import { AD_FILTERS } from "../ad-data/ad-breakdowns.js";
import { loadAdData } from "../ad-data/ad-load.js";
import { platformShortcut } from "../ad-data/platform-shortcut.js";
import { defineArea } from "../define-area.js";

export const ctr = defineArea({
  name: "ctr",
  title: "CTR",
  aliases: [],
  description: "shortcut: CTR by platform",
  filters: AD_FILTERS,
  rankBy: ["ctr", "impressions", "clicks"],
  examples: ["/kpi ctr last-7d", "/kpi ctr mtd platform=tiktok"],
  fact: "ads",
  load: loadAdData,
  build: platformShortcut("ctr", ["impressions", "clicks"]),
});
