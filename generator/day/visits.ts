/**
 * Visits (sessions). Unpaid visits come from organic search, direct, email, referral and
 * organic social in proportion to the day's visit factor. A visit that ends in an order is
 * signed in (checkout needs an account); of the others SIGNED_IN_SHARE are, the rest are
 * anonymous. Paid visits are written by the ad simulation, one per ad click.
 */
import type { Random } from "../random.js";
import { TRAFFIC_SOURCES } from "../reference/marketing-data.js";
import { WeightedTable } from "../weighted.js";
import { placeOrder } from "./orders.js";
import { type DaySinks, type IdCounters, visitShare, type World } from "./world.js";

export interface Visit {
  readonly userId: number;
  readonly sourceId: number;
  readonly adId: number;
  readonly second: number;
  /** Index into DEVICES. */
  readonly device: number;
  readonly converts: boolean;
}

const UNPAID = TRAFFIC_SOURCES.filter((s) => !s.isPaid);
const UNPAID_TABLE = new WeightedTable(UNPAID.map((s) => s.visitShare));
/** Share of the visits that do not order made by a signed-in user. */
export const SIGNED_IN_SHARE = 0.25;
/** Mean relative conversion of unpaid sources, weighted by their visit shares. */
export const MEAN_UNPAID_CONVERSION =
  UNPAID.reduce((sum, s) => sum + s.visitShare * s.conversion, 0) /
  UNPAID.reduce((sum, s) => sum + s.visitShare, 0);

/** The uplift of the chance to order on promotion days (and the dip around Christmas). */
export function conversionBoost(promotion: number): number {
  const boost = 1 + 0.3 * (promotion - 1);
  return boost < 0.8 ? 0.8 : Math.min(boost, 1.6);
}

/** A second of window day `index` for a visit (evening-heavy), not after the window's end. */
export function visitSecond(world: World, rng: Random, index: number): number {
  const cut = world.lookups.lastDay;
  if (cut === undefined || index !== world.window.days - 1)
    return world.lookups.hours.sample(rng) * 3600 + rng.int(3600);
  const hour = cut.hours.sample(rng);
  return hour * 3600 + rng.int(Math.min(3600, world.window.endSecond + 1 - hour * 3600));
}

export interface PlacedOrder {
  readonly id: number;
  /** Second of the visit's day when the order was placed. */
  readonly second: number;
}

/** Writes a session and, when it converts and something is in stock, its order. */
export function writeVisit(
  world: World,
  sinks: DaySinks,
  ids: IdCounters,
  rng: Random,
  index: number,
  visit: Visit,
): PlacedOrder | undefined {
  const last = world.window.lastSecond(index);
  const latestOrderVisit = last - 1800;
  // An order takes a visit of half an hour at most; none fits before an end time of 00:30.
  const converts = visit.converts && latestOrderVisit >= 0;
  let start = visit.second;
  let pages: number;
  let duration: number;
  if (converts) {
    if (start > latestOrderVisit) start = Math.max(0, latestOrderVisit - rng.int(3600));
    pages = 4 + rng.poisson(7);
    duration = Math.round(pages * rng.logNormal(3.9, 0.4)) + 120;
  } else if (rng.chance(0.38)) {
    pages = 1;
    duration = rng.between(2, 45);
  } else {
    pages = 2 + rng.poisson(2.5);
    duration = Math.round(pages * rng.logNormal(3.6, 0.6));
  }
  if (start + duration > last) duration = last - start;
  const sessionId = ++ids.session;
  const row = sinks.sessions.int(sessionId).tab();
  if (visit.userId === 0) row.null();
  else row.int(visit.userId);
  row.tab().int(visit.sourceId).tab();
  if (visit.adId === 0) row.null();
  else row.int(visit.adId);
  row.tab().dateTime(world.window.prefixBytes, index, start).tab();
  row
    .token(world.lookups.tokens.devices[visit.device] as Uint8Array)
    .tab()
    .int(pages)
    .tab()
    .int(duration)
    .end();
  if (!converts) return undefined;
  const second = start + Math.min(duration - 30, 90 + rng.int(Math.max(1, duration - 120)));
  const id = placeOrder(world, sinks, ids, rng, index, {
    sessionId,
    userId: visit.userId,
    adId: visit.adId,
    sourceId: visit.sourceId,
    second,
  });
  return id === 0 ? undefined : { id, second };
}

/** The day's unpaid visits. */
export function writeUnpaidVisits(
  world: World,
  sinks: DaySinks,
  ids: IdCounters,
  rng: Random,
  index: number,
): void {
  const { profile, calibration, users, visitors, lookups } = world;
  const count = rng.poisson(
    calibration.organicVisits * (profile.visits[index] as number) * visitShare(world, index),
  );
  const boost = conversionBoost(profile.promotion[index] as number);
  for (let k = 0; k < count; k++) {
    const source = UNPAID[UNPAID_TABLE.sample(rng)] as (typeof UNPAID)[number];
    const orders = rng.chance(calibration.organicConversion * source.conversion * boost);
    const userId = orders || rng.chance(SIGNED_IN_SHARE) ? visitors.sample(rng, index) : 0;
    const device =
      userId !== 0 && rng.chance(0.75) ? (users.device[userId - 1] as number) : lookups.devices.sample(rng);
    writeVisit(world, sinks, ids, rng, index, {
      userId,
      sourceId: source.id,
      adId: 0,
      second: visitSecond(world, rng, index),
      device,
      converts: orders && userId !== 0,
    });
  }
}
