/**
 * users reads v_user_profiles (one row per user: signup day and profile) for signups and
 * v_user_activity_daily (active users). v_user_signups_daily, a GROUP BY over users, would be
 * materialized in full (a temporary table as large as users) by every query that reads it;
 * v_user_profiles merges into a plain scan of users (index-only with ix_users_signup_profile).
 */
import type { CountAndAmount, DateRange, ResolvedFilters, UsersData } from "../../areas/area-data.js";
import type { ReportingDb } from "./reporting-db.js";
import { num } from "./sql-helpers.js";

type Dimension = "gender" | "birth_year" | "device" | "platform" | "city";

export async function loadUsersData(
  db: ReportingDb,
  range: DateRange,
  filters: ResolvedFilters,
): Promise<UsersData> {
  const signups = () => {
    let query = db.selectFrom("v_user_profiles");
    if (filters.city) query = query.where("city", "=", filters.city);
    return query;
  };
  const activity = () => {
    let query = db
      .selectFrom("v_user_activity_daily")
      .where("day", ">=", range.from)
      .where("day", "<=", range.to);
    if (filters.city) query = query.where("city", "=", filters.city);
    return query;
  };
  /** Users who had signed up by the end of the range, by one profile dimension. */
  const profile = (dimension: Dimension) =>
    signups()
      .where("signup_date", "<=", range.to)
      .select((eb) => [eb.ref(dimension).as("key"), eb.fn.countAll<number>().as("users")])
      .groupBy(dimension)
      .execute();

  const [newByDay, active, activeByDay, gender, birthYear, device, platform, city] = await Promise.all([
    signups()
      .where("signup_date", ">=", range.from)
      .where("signup_date", "<=", range.to)
      .select((eb) => [eb.ref("signup_date").as("day"), eb.fn.countAll<number>().as("n")])
      .groupBy("signup_date")
      .execute(),
    activity()
      .select((eb) => eb.fn.count<number>("user_id").distinct().as("n"))
      .executeTakeFirst(),
    activity()
      .select((eb) => ["day", eb.fn.countAll<number>().as("n")])
      .groupBy("day")
      .execute(),
    profile("gender"),
    profile("birth_year"),
    profile("device"),
    profile("platform"),
    profile("city"),
  ]);
  const newMap = new Map(newByDay.map((r) => [r.day, num(r.n)]));
  const activeMap = new Map(activeByDay.map((r) => [r.day, num(r.n)]));
  const days = [...new Set([...newMap.keys(), ...activeMap.keys()])].sort();
  const counts = (rows: { key: unknown; users: unknown }[]): CountAndAmount[] =>
    rows.map((r) => ({ key: String(r.key), count: num(r.users), amount: 0 }));
  return {
    // Everyone who signed up by the end of the range has exactly one gender.
    totalUsers: gender.reduce((sum, r) => sum + num(r.users), 0),
    newUsers: newByDay.reduce((sum, r) => sum + num(r.n), 0),
    activeUsers: num(active?.n),
    byDay: days.map((day) => ({ day, newUsers: newMap.get(day) ?? 0, activeUsers: activeMap.get(day) ?? 0 })),
    byGender: counts(gender),
    byBirthYear: counts(birthYear),
    byDevice: counts(device),
    byPlatform: counts(platform),
    byCity: counts(city),
  };
}
