/** roas: shortcut to ROAS by platform, with spend and revenue. */
import { AD_FILTERS } from "../ad-data/ad-breakdowns.js";
import { loadAdData } from "../ad-data/ad-load.js";
import { platformShortcut } from "../ad-data/platform-shortcut.js";
import { defineArea } from "../define-area.js";

export const roas = defineArea({
  name: "roas",
  title: "ROAS",
  aliases: [],
  description: "shortcut: ROAS by platform",
  filters: AD_FILTERS,
  rankBy: ["roas", "spend", "revenue"],
  examples: ["/kpi roas last-30d", '/kpi roas ytd vs last-year campaign="Black Friday"'],
  fact: "ads",
  load: loadAdData,
  build: platformShortcut("roas", ["spend", "revenue"]),
});
