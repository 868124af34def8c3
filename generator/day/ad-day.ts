/**
 * One day of ad delivery. Each running ad serves impressions (its paced budget / price,
 * reported in a few batched rows), which bring clicks at the ad's CTR. A click is a visit with
 * the ad's paid traffic source; some clicks become leads, and some of those visits order:
 * the order is attributed to the ad and logged as a conversion. So per ad and day
 * impressions >= clicks >= leads >= conversions.
 */
import type { Random } from "../random.js";
import { PLATFORMS } from "../reference/marketing-data.js";
import { type RowBuffer, token } from "../row-buffer.js";
import { conversionBoost, SIGNED_IN_SHARE, visitSecond, writeVisit } from "./visits.js";
import type { DaySinks, IdCounters, World } from "./world.js";

/** Impressions per reported batch row; at most MAX_BATCHES rows per ad and day. */
export const IMPRESSIONS_PER_BATCH = 30;
const MAX_BATCHES = 8;
const SECONDS_PER_DAY = 86_400;
const MOBILE = 0;
const DESKTOP = 1;
const TABLET = 2;

const IMPRESSION = token("impression");
const CLICK = token("click");
const LEAD = token("lead");
const CONVERSION = token("conversion");

/** A single click, lead or conversion, by a user or anonymous (0); conversions name their order. */
function writeEvent(
  row: RowBuffer,
  ids: IdCounters,
  prefixes: Uint8Array,
  index: number,
  adId: number,
  userId: number,
  orderId: number,
  stage: Uint8Array,
  second: number,
): void {
  row
    .int(++ids.interaction)
    .tab()
    .int(adId)
    .tab();
  if (userId === 0) row.null();
  else row.int(userId);
  row.tab();
  if (orderId === 0) row.null();
  else row.int(orderId);
  row.tab().token(stage).tab().dateTime(prefixes, index, second).tab().int(1).end();
}

function writeImpressions(
  world: World,
  sinks: DaySinks,
  ids: IdCounters,
  rng: Random,
  index: number,
  adId: number,
  impressions: number,
): void {
  const batches = Math.min(MAX_BATCHES, Math.ceil(impressions / IMPRESSIONS_PER_BATCH));
  const slot = (world.window.lastSecond(index) + 1) / batches;
  const base = Math.floor(impressions / batches);
  let rest = impressions - base * batches;
  for (let b = 0; b < batches; b++) {
    const count = base + (rest > 0 ? 1 : 0);
    if (rest > 0) rest--;
    if (count === 0) continue;
    const second = Math.floor(b * slot + rng.float() * slot);
    const row = sinks.adInteractions
      .int(++ids.interaction)
      .tab()
      .int(adId)
      .tab()
      .null()
      .tab()
      .null()
      .tab();
    row.token(IMPRESSION).tab().dateTime(world.window.prefixBytes, index, second).tab().int(count).end();
  }
}

export function writeAdDay(world: World, sinks: DaySinks, ids: IdCounters, rng: Random, index: number): void {
  const { ads, profile, visitors, window } = world;
  const delivery = profile.adDelivery[index] as number;
  const boost = conversionBoost(profile.promotion[index] as number);
  const last = window.lastSecond(index);
  const dayShare = (last + 1) / SECONDS_PER_DAY;
  for (const ad of ads) {
    if (index < ad.firstIndex || index > ad.lastIndex) continue;
    const expected =
      ad.placement.model === "CPM" ? ad.dailyUnits * delivery : (ad.dailyUnits * delivery) / ad.ctr;
    const impressions = Math.round(expected * dayShare * rng.logNormal(0, 0.2));
    if (impressions === 0) continue;
    writeImpressions(world, sinks, ids, rng, index, ad.id, impressions);
    const clicks = rng.binomial(impressions, ad.ctr);
    const mobileShare = (PLATFORMS[ad.placement.platformId - 1] as (typeof PLATFORMS)[number]).mobileShare;
    for (let c = 0; c < clicks; c++) {
      const orders = rng.chance(ad.clickToOrder * boost);
      const userId = orders || rng.chance(SIGNED_IN_SHARE) ? visitors.sample(rng, index) : 0;
      const converts = orders && userId !== 0;
      const second = visitSecond(world, rng, index);
      const device = rng.chance(mobileShare) ? MOBILE : rng.chance(0.8) ? DESKTOP : TABLET;
      writeEvent(sinks.adInteractions, ids, window.prefixBytes, index, ad.id, userId, 0, CLICK, second);
      const order = writeVisit(world, sinks, ids, rng, index, {
        userId,
        sourceId: ad.placement.sourceId,
        adId: ad.id,
        second,
        device,
        converts,
      });
      if (order !== undefined || rng.chance(ad.leadRate)) {
        const leadSecond = Math.min(last, second + rng.between(20, 900));
        writeEvent(sinks.adInteractions, ids, window.prefixBytes, index, ad.id, userId, 0, LEAD, leadSecond);
      }
      if (order !== undefined) {
        writeEvent(
          sinks.orderedInteractions,
          ids,
          window.prefixBytes,
          index,
          ad.id,
          userId,
          order.id,
          CONVERSION,
          order.second,
        );
      }
    }
  }
}
