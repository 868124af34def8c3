/**
 * Customers: about a third signed up in the two years before the window, the rest during it
 * with a growing sign-up rate. Ids follow sign-up order, so the users that exist on a day are
 * ids 1..existingBy[day]. Device and city are kept per user for visits and orders; who visits
 * on a day is entities/visitors.ts.
 */
import type { DayWindow } from "../calendar.js";
import type { NamePools, PoolName } from "../name-pools.js";
import { Random } from "../random.js";
import {
  AGE_BANDS,
  CITIES,
  DEVICE_SHARES,
  DEVICES,
  EMAIL_DOMAINS,
  GENDERS,
  PLATFORM_BY_DEVICE,
} from "../reference/people-data.js";
import type { DayProfile } from "../seasonality.js";
import { tsvText } from "../tsv.js";
import { WeightedChoice, WeightedTable } from "../weighted.js";

const PRE_WINDOW_SHARE = 0.3;
const PRE_WINDOW_DAYS = 730;

export interface UserBase {
  readonly count: number;
  /** Users existing at the end of window day i (index 0 = first window day). */
  readonly existingBy: Int32Array;
  readonly signupDay: Int32Array;
  /** Index into DEVICES, per user (user id - 1). */
  readonly device: Uint8Array;
  /** Index into CITIES, per user (user id - 1). */
  readonly city: Uint8Array;
}

/** Spreads `total` over slots in proportion to weights, exactly and in order. */
function spread(total: number, weights: ArrayLike<number>): Int32Array {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i] as number;
  const counts = new Int32Array(weights.length);
  let cumulative = 0;
  let assigned = 0;
  for (let i = 0; i < weights.length; i++) {
    cumulative += weights[i] as number;
    const upTo = Math.round((total * cumulative) / sum);
    counts[i] = upTo - assigned;
    assigned = upTo;
  }
  return counts;
}

export function planUsers(count: number, window: DayWindow, profile: DayProfile, seed: number): UserBase {
  const before = Math.max(1, Math.round(count * PRE_WINDOW_SHARE));
  const preWeights = Float64Array.from({ length: PRE_WINDOW_DAYS }, (_, i) => 0.4 + i / PRE_WINDOW_DAYS);
  const preCounts = spread(before, preWeights);
  const inCounts = spread(count - before, profile.signups);
  const signupDay = new Int32Array(count);
  const existingBy = new Int32Array(window.days);
  let id = 0;
  const preStart = window.firstDay - PRE_WINDOW_DAYS;
  for (let i = 0; i < preCounts.length; i++)
    for (let k = 0; k < (preCounts[i] as number); k++) signupDay[id++] = preStart + i;
  for (let i = 0; i < inCounts.length; i++) {
    for (let k = 0; k < (inCounts[i] as number); k++) signupDay[id++] = window.firstDay + i;
    existingBy[i] = id;
  }
  const rng = Random.stream(seed, "user-attributes");
  const deviceTable = new WeightedTable(DEVICE_SHARES);
  const cityTable = new WeightedTable(CITIES.map((c) => c.weight));
  const device = new Uint8Array(count);
  const city = new Uint8Array(count);
  for (let u = 0; u < count; u++) {
    device[u] = deviceTable.sample(rng);
    city[u] = cityTable.sample(rng);
  }
  return { count, existingBy, signupDay, device, city };
}

/** The users table, one line per user, in id order. */
export function* userLines(
  users: UserBase,
  pools: NamePools,
  window: DayWindow,
  seed: number,
): Generator<string> {
  const rng = Random.stream(seed, "user-rows");
  const genders = new WeightedChoice(GENDERS);
  const ages = new WeightedTable(AGE_BANDS.map(([, , w]) => w));
  const platforms = Object.fromEntries(
    DEVICES.map((d) => [d, new WeightedChoice(PLATFORM_BY_DEVICE[d])]),
  ) as Record<(typeof DEVICES)[number], WeightedChoice<string>>;
  const domains = Object.fromEntries(
    Object.entries(EMAIL_DOMAINS).map(([country, list]) => [country, new WeightedChoice(list)]),
  ) as Record<string, WeightedChoice<string>>;
  for (let u = 0; u < users.count; u++) {
    const id = u + 1;
    const city = CITIES[users.city[u] as number] as (typeof CITIES)[number];
    const locale = rng.chance(0.08) ? "en" : city.locale;
    const names = pools.byLocale[locale];
    const gender = genders.sample(rng);
    const firstPool =
      gender === "female" || (gender !== "male" && rng.chance(0.5)) ? names.female : names.male;
    const first = rng.pick(firstPool) as PoolName;
    const last = rng.pick(names.last) as PoolName;
    const device = DEVICES[users.device[u] as number] as (typeof DEVICES)[number];
    const signup = users.signupDay[u] as number;
    const [minAge, maxAge] = AGE_BANDS[ages.sample(rng)] as readonly [number, number, number];
    const birth = signup - Math.floor(rng.uniform(minAge, maxAge + 1) * 365.25);
    const separator = rng.pick([".", "", "_", "."]);
    const email = `${first.ascii}${separator}${last.ascii}${id}@${(domains[city.country] as WeightedChoice<string>).sample(rng)}`;
    yield `${id}\t${email}\t${tsvText(`${first.text} ${last.text}`)}\t${gender}\t${window.date(birth)}\t${tsvText(city.name)}\t${city.country}\t${device}\t${platforms[device].sample(rng)}\t${window.date(signup)}\n`;
  }
}

export const USER_COLUMNS = [
  "user_id",
  "email",
  "full_name",
  "gender",
  "birth_date",
  "city",
  "country_code",
  "device",
  "platform",
  "signup_date",
] as const;
