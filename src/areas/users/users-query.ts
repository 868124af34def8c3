/**
 * users reads rollups whose size does not grow with the number of users:
 * - profiles (gender, birth year, device, platform, city) of everyone signed up by the end of
 *   the range = v_signups_by_profile_total (all signups) minus v_signups_by_profile_daily
 *   after the range (usually a day or two); birth dates only in the few birth years the age
 *   bands' edges fall in (age-bands.ts), at most 366 values each;
 * - new users per day from v_signups_by_profile_daily (each user has exactly one gender row);
 * - active users from v_user_returns_daily: per day and "days since the user's previous
 *   active day" (capped at RETURN_GAP_CAP). A user active in [from, to] is counted once, on
 *   their first active day d in it, which is the day whose gap exceeds d - from. Ranges
 *   longer than the cap count distinct users in v_user_activity_daily instead.
 */

import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import { daysInRange } from "../../calendar/calendar.js";
import {
  type CoreViews,
  type ReportingDb,
  type ViewsDb,
  withViews,
} from "../../db/reporting/reporting-views.js";
import { num } from "../../db/reporting/sql-helpers.js";
import type { DateRange } from "../area-module.js";
import type { CountAndAmount } from "../area-series.js";
import type { ResolvedFilters } from "../filters/filter-types.js";
import { birthDateRanges } from "./age-bands.js";
import type { UsersData, UsersPrior } from "./users-data.js";
import type { ProfileDimension, UserViews } from "./users-views.js";

type UsersDb = ViewsDb<UserViews>;

/** The gap cap of agg_user_returns_daily (db/refresh/34_user_returns.sql writes 92). */
export const RETURN_GAP_CAP = 92;
/** The city key of the all-cities rows in agg_user_returns_daily and agg_signups_*. */
export const ALL_CITIES = "";

type ProfileCounts = Map<ProfileDimension, Map<string, number>>;

type SignupViews = "v_signups_by_profile_total" | "v_signups_by_profile_daily";

/** Which profile rows a count reads (both signup views have these columns). */
type ProfileRows = (eb: ExpressionBuilder<CoreViews & UserViews, SignupViews>) => Expression<SqlBool>;

const dimensionRef = () => sql.ref<string>("dimension");

/** Every profile value but birth dates, and birth dates only within `birthDates`. */
function profileValues(birthDates: readonly { from: string; to: string }[]): ProfileRows {
  const value = sql.ref<string>("dim_value");
  return (eb) =>
    eb.or([
      eb(dimensionRef(), "<>", "birth_date"),
      eb.and([
        eb(dimensionRef(), "=", "birth_date"),
        eb.or(birthDates.map((r) => eb.between(value, r.from, r.to))),
      ]),
    ]);
}

/** Gender only: everyone has exactly one, so its counts add up to the users. */
const genderOnly: ProfileRows = (eb) => eb(dimensionRef(), "=", "gender");

/** Profile counts of everyone signed up by `day`, in the profile rows `rows` picks. */
async function profilesAt(
  db: UsersDb,
  day: string,
  city: readonly string[] | undefined,
  rows: ProfileRows,
): Promise<ProfileCounts> {
  const total = db
    .selectFrom("v_signups_by_profile_total")
    .where("city", "in", city ?? [ALL_CITIES])
    .where(rows);
  const later = db
    .selectFrom("v_signups_by_profile_daily")
    .where("city", "in", city ?? [ALL_CITIES])
    .where("day", ">", day)
    .where(rows);
  const [totals, after] = await Promise.all([
    total
      .select((eb) => ["dimension", "dim_value", eb.fn.sum<number>("users").as("users")])
      .groupBy(["dimension", "dim_value"])
      .execute(),
    later
      .select((eb) => ["dimension", "dim_value", eb.fn.sum<number>("users").as("users")])
      .groupBy(["dimension", "dim_value"])
      .execute(),
  ]);
  const counts: ProfileCounts = new Map();
  const add = (dimension: ProfileDimension, value: string, n: number) => {
    const values = counts.get(dimension) ?? new Map<string, number>();
    values.set(value, (values.get(value) ?? 0) + n);
    counts.set(dimension, values);
  };
  for (const r of totals) add(r.dimension, r.dim_value, num(r.users));
  for (const r of after) add(r.dimension, r.dim_value, -num(r.users));
  return counts;
}

function profileRows(counts: ProfileCounts, dimension: ProfileDimension): CountAndAmount[] {
  return [...(counts.get(dimension) ?? [])]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, count]) => ({ key, count, amount: 0 }));
}

interface Activity {
  readonly distinct: number;
  readonly byDay: ReadonlyMap<string, number>;
}

async function activity(
  db: UsersDb,
  range: DateRange,
  city: readonly string[] | undefined,
): Promise<Activity> {
  if (daysInRange(range.from, range.to) > RETURN_GAP_CAP) return distinctActivity(db, range, city);
  const rows = await db
    .selectFrom("v_user_returns_daily")
    .where("city", "in", city ?? [ALL_CITIES])
    .where("day", ">=", range.from)
    .where("day", "<=", range.to)
    .select((eb) => [
      "day",
      eb.fn.sum<number>("users").as("active"),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when("gap", ">", eb.fn<number>("DATEDIFF", [eb.ref("day"), eb.val(range.from)]))
            .then(eb.ref("users"))
            .else(0)
            .end(),
        )
        .as("first_in_range"),
    ])
    .groupBy("day")
    .execute();
  return {
    distinct: rows.reduce((sum, r) => sum + num(r.first_in_range), 0),
    byDay: new Map(rows.map((r) => [r.day, num(r.active)])),
  };
}

async function distinctActivity(
  db: UsersDb,
  range: DateRange,
  city: readonly string[] | undefined,
): Promise<Activity> {
  const base = () => {
    let query = db
      .selectFrom("v_user_activity_daily")
      .where("day", ">=", range.from)
      .where("day", "<=", range.to);
    if (city !== undefined) query = query.where("city", "in", city);
    return query;
  };
  const [distinct, byDay] = await Promise.all([
    base()
      .select((eb) => eb.fn.count<number>("user_id").distinct().as("n"))
      .executeTakeFirst(),
    base()
      .select((eb) => ["day", eb.fn.countAll<number>().as("n")])
      .groupBy("day")
      .execute(),
  ]);
  return { distinct: num(distinct?.n), byDay: new Map(byDay.map((r) => [r.day, num(r.n)])) };
}

/** New users per day of the range (each user has exactly one gender row). */
function newUsersByDay(db: UsersDb, range: DateRange, city: readonly string[] | undefined) {
  return db
    .selectFrom("v_signups_by_profile_daily")
    .where("city", "in", city ?? [ALL_CITIES])
    .where("dimension", "=", "gender")
    .where("day", ">=", range.from)
    .where("day", "<=", range.to)
    .select((eb) => ["day", eb.fn.sum<number>("users").as("n")])
    .groupBy("day")
    .execute();
}

const usersIn = (profiles: ProfileCounts): number =>
  [...(profiles.get("gender")?.values() ?? [])].reduce((sum, n) => sum + n, 0);

/** The comparison period's figures: total, new and active users, without the profiles. */
export async function loadUsersTotals(
  reporting: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<UsersPrior> {
  const db = withViews<UserViews>(reporting);
  const city = filters.city?.values;
  const [newByDay, active, profiles] = await Promise.all([
    newUsersByDay(db, range, city),
    activity(db, range, city),
    profilesAt(db, range.to, city, genderOnly),
  ]);
  return {
    totalUsers: usersIn(profiles),
    newUsers: newByDay.reduce((sum, r) => sum + num(r.n), 0),
    activeUsers: active.distinct,
  };
}

export async function loadUsersData(
  reporting: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<UsersData> {
  const db = withViews<UserViews>(reporting);
  const city = filters.city?.values;
  const [newByDay, active, profiles] = await Promise.all([
    newUsersByDay(db, range, city),
    activity(db, range, city),
    profilesAt(db, range.to, city, profileValues(birthDateRanges(range.to))),
  ]);
  const newMap = new Map(newByDay.map((r) => [r.day, num(r.n)]));
  const days = [...new Set([...newMap.keys(), ...active.byDay.keys()])].sort();
  return {
    totalUsers: usersIn(profiles),
    newUsers: newByDay.reduce((sum, r) => sum + num(r.n), 0),
    activeUsers: active.distinct,
    byDay: days.map((day) => ({
      day,
      newUsers: newMap.get(day) ?? 0,
      activeUsers: active.byDay.get(day) ?? 0,
    })),
    byGender: profileRows(profiles, "gender"),
    byBirthYear: profileRows(profiles, "birth_year"),
    byBirthDate: profileRows(profiles, "birth_date"),
    byDevice: profileRows(profiles, "device"),
    byPlatform: profileRows(profiles, "platform"),
    byCity: profileRows(profiles, "city"),
  };
}
