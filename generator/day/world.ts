/** Everything the day-by-day simulation reads and the sinks and id counters it writes to. */
import { type DayWindow, SECONDS_PER_DAY } from "../calendar.js";
import type { AdPlan } from "../entities/ads.js";
import type { CampaignPlan } from "../entities/campaigns.js";
import type { Catalog } from "../entities/catalog.js";
import type { StockLedger } from "../entities/stock.js";
import type { UserBase } from "../entities/users.js";
import type { VisitorPicker } from "../entities/visitors.js";
import type { NamePools } from "../name-pools.js";
import type { Sizes } from "../options.js";
import { CITIES, DEVICE_SHARES, DEVICES, PAYMENT_MIX, type PaymentMethod } from "../reference/people-data.js";
import { type RowBuffer, token } from "../row-buffer.js";
import type { DayProfile } from "../seasonality.js";
import { tsvText } from "../tsv.js";
import { WeightedChoice, WeightedTable } from "../weighted.js";

export interface Calibration {
  /** Expected unpaid visits on a day whose visit factor is 1. */
  readonly organicVisits: number;
  /** Multiplies a source's relative conversion into the chance a signed-in visit orders. */
  readonly organicConversion: number;
}

export interface World {
  readonly seed: number;
  readonly sizes: Sizes;
  readonly window: DayWindow;
  readonly profile: DayProfile;
  readonly pools: NamePools;
  readonly users: UserBase;
  /** Picks the signed-in user of a visit (mutable: caches the day's table). */
  readonly visitors: VisitorPicker;
  readonly catalog: Catalog;
  readonly stock: StockLedger;
  readonly campaigns: readonly CampaignPlan[];
  readonly ads: readonly AdPlan[];
  readonly calibration: Calibration;
  readonly lookups: Lookups;
}

export interface DaySinks {
  readonly sessions: RowBuffer;
  readonly orders: RowBuffer;
  readonly orderDetails: RowBuffer;
  readonly payments: RowBuffer;
  /** Interactions that name no order: they can load while the sessions still do. */
  readonly adInteractions: RowBuffer;
  /** Conversions, which name their order: loaded once the orders are in. */
  readonly orderedInteractions: RowBuffer;
}

/** Explicit ids, assigned in generation order, so every run numbers rows the same way. */
export class IdCounters {
  session = 0;
  order = 0;
  payment = 0;
  interaction = 0;
}

/** Precomputed tables the hot loops sample from, and pre-encoded values they write. */
export interface Lookups {
  readonly hours: WeightedTable;
  /** The end date's visit hours when it ends before midnight (see LastDayHours). */
  readonly lastDay: LastDayHours | undefined;
  readonly devices: WeightedTable;
  readonly nlCity: Uint8Array;
  readonly cities: WeightedTable;
  readonly payment: {
    readonly default: WeightedChoice<PaymentMethod>;
    readonly nl: WeightedChoice<PaymentMethod>;
  };
  readonly tokens: Tokens;
}

/** The hours of an end date cut at its end second, and the share of a full day's visits they hold. */
export interface LastDayHours {
  readonly hours: WeightedTable;
  readonly visitShare: number;
}

export interface Tokens {
  /** By index into DEVICES. */
  readonly devices: readonly Uint8Array[];
  /** By index into CITIES. */
  readonly cities: readonly Uint8Array[];
}

/** Sessions per hour of day: quiet nights, busy evenings. */
const HOUR_WEIGHTS: readonly number[] = [
  0.3, 0.18, 0.1, 0.07, 0.07, 0.12, 0.3, 0.55, 0.75, 0.85, 0.9, 0.95, 1.0, 0.95, 0.9, 0.9, 0.95, 1.05, 1.2,
  1.35, 1.45, 1.35, 1.0, 0.6,
];

function lastDayHours(endSecond: number): LastDayHours | undefined {
  if (endSecond >= SECONDS_PER_DAY - 1) return undefined;
  const weights = HOUR_WEIGHTS.map((w, h) => w * Math.min(1, Math.max(0, (endSecond + 1 - h * 3600) / 3600)));
  const sum = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);
  return {
    hours: new WeightedTable(weights),
    visitShare: sum(weights) / sum(HOUR_WEIGHTS),
  };
}

/** @param endSecond the last second of the end date events may have */
export function buildLookups(endSecond = SECONDS_PER_DAY - 1): Lookups {
  return {
    hours: new WeightedTable(HOUR_WEIGHTS),
    lastDay: lastDayHours(endSecond),
    devices: new WeightedTable(DEVICE_SHARES),
    nlCity: Uint8Array.from(CITIES.map((c) => (c.country === "NL" ? 1 : 0))),
    cities: new WeightedTable(CITIES.map((c) => c.weight)),
    payment: { default: new WeightedChoice(PAYMENT_MIX.default), nl: new WeightedChoice(PAYMENT_MIX.nl) },
    tokens: buildTokens(),
  };
}

function buildTokens(): Tokens {
  return {
    devices: DEVICES.map((d) => token(d)),
    cities: CITIES.map((c) => token(tsvText(c.name))),
  };
}

/** Writes the time `second`s after midnight of window day `index` (may run into later days), capped at the window's end. */
export function writeTimeAfter(row: RowBuffer, window: DayWindow, index: number, second: number): RowBuffer {
  const extraDays = Math.floor(second / SECONDS_PER_DAY);
  const day = index + extraDays;
  const last = window.days - 1;
  const time = second - extraDays * SECONDS_PER_DAY;
  if (day > last || (day === last && time > window.endSecond))
    return row.dateTime(window.prefixBytes, last, window.endSecond);
  return row.dateTime(window.prefixBytes, day, time);
}

/** The share of a full day's visits (by the hour profile) that window day `index` has. */
export function visitShare(world: World, index: number): number {
  const cut = world.lookups.lastDay;
  return cut !== undefined && index === world.window.days - 1 ? cut.visitShare : 1;
}

export const SESSION_COLUMNS = [
  "session_id",
  "user_id",
  "source_id",
  "ad_id",
  "started_at",
  "device",
  "page_views",
  "duration_s",
] as const;
export const ORDER_COLUMNS = [
  "order_id",
  "user_id",
  "session_id",
  "ad_id",
  "ordered_at",
  "status",
  "city",
  "payment_method",
  "subtotal",
  "discount",
  "total",
  "paid_amount",
] as const;
export const ORDER_DETAIL_COLUMNS = [
  "order_id",
  "line_no",
  "product_id",
  "quantity",
  "unit_price",
  "unit_cost",
  "line_discount",
] as const;
export const PAYMENT_COLUMNS = ["payment_id", "order_id", "method", "status", "amount", "paid_at"] as const;
export const INTERACTION_COLUMNS = [
  "interaction_id",
  "ad_id",
  "user_id",
  "order_id",
  "stage",
  "occurred_at",
  "event_count",
] as const;
