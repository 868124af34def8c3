/**
 * Plans the shop for a set of options (users, catalogue, stock, campaigns, ads) and calibrates
 * the unpaid visit and conversion rates so that the expected totals match the scale's sizes.
 */
import { DayWindow, parseIsoDay } from "./calendar.js";
import { conversionBoost, MEAN_UNPAID_CONVERSION } from "./day/visits.js";
import { buildLookups, type Calibration, type World } from "./day/world.js";
import { type AdPlan, planAds } from "./entities/ads.js";
import { planCampaigns } from "./entities/campaigns.js";
import { planCatalog } from "./entities/catalog.js";
import { planStock } from "./entities/stock.js";
import { planUsers } from "./entities/users.js";
import { VisitorPicker } from "./entities/visitors.js";
import { buildNamePools } from "./name-pools.js";
import { type GenerateOptions, minuteSeconds, type Sizes, sizesFor } from "./options.js";
import { type DayProfile, dayProfile } from "./seasonality.js";

/** Mean lines per order times mean units per line (see day/orders.ts). */
const UNITS_PER_ORDER = 2.45 * 1.3;
/** The most a visit from the best source may convert, on the best day. */
const MAX_CONVERSION = 0.9;

export function buildWorld(options: GenerateOptions): World {
  const endDay = parseIsoDay(options.endDate);
  if (endDay === undefined) throw new Error(`not a date: ${options.endDate}`);
  const { seed } = options;
  const sizes = sizesFor(options.scale, options.days);
  const endSecond = options.endTime === undefined ? undefined : minuteSeconds(options.endTime);
  const window = new DayWindow(endDay, options.days, endSecond);
  const profile = dayProfile(window);
  const pools = buildNamePools(seed);
  const users = planUsers(sizes.users, window, profile, seed);
  const catalog = planCatalog(sizes.products, window, pools, seed);
  const stock = planStock(
    catalog,
    (sizes.orders / options.days) * UNITS_PER_ORDER,
    window.firstDay,
    options.days,
    seed,
  );
  const campaigns = planCampaigns(sizes.campaigns, window, profile, seed);
  const ads = planAds(sizes.ads, campaigns, window, profile, sizes.paidClicks, seed);
  const calibration = calibrate(sizes, ads, profile);
  return {
    seed,
    sizes,
    window,
    profile,
    pools,
    users,
    visitors: new VisitorPicker(users, window.firstDay, seed),
    catalog,
    stock,
    campaigns,
    ads,
    calibration,
    lookups: buildLookups(window.endSecond),
  };
}

export function calibrate(sizes: Sizes, ads: readonly AdPlan[], profile: DayProfile): Calibration {
  let paidClicks = 0;
  let paidOrders = 0;
  for (const ad of ads) {
    const clicksPerDay = ad.placement.model === "CPM" ? ad.dailyUnits * ad.ctr : ad.dailyUnits;
    for (let i = ad.firstIndex; i <= ad.lastIndex; i++) {
      const clicks = clicksPerDay * (profile.adDelivery[i] as number);
      paidClicks += clicks;
      paidOrders += clicks * ad.clickToOrder * conversionBoost(profile.promotion[i] as number);
    }
  }
  let visitUnits = 0;
  let boostedUnits = 0;
  for (let i = 0; i < profile.visits.length; i++) {
    visitUnits += profile.visits[i] as number;
    boostedUnits += (profile.visits[i] as number) * conversionBoost(profile.promotion[i] as number);
  }
  const organicSessions = Math.max(sizes.sessions * 0.3, sizes.sessions - paidClicks);
  const organicVisits = organicSessions / visitUnits;
  const organicOrders = Math.max(sizes.orders * 0.3, sizes.orders - paidOrders);
  const perUnit = organicVisits * MEAN_UNPAID_CONVERSION;
  const organicConversion = Math.min(organicOrders / (perUnit * boostedUnits), MAX_CONVERSION / (1.6 * 1.6));
  return { organicVisits, organicConversion };
}
