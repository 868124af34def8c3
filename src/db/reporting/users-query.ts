/** users reads v_user_signups_daily (new users by day and profile) and v_user_activity_daily (active users). */
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
    let query = db.selectFrom("v_user_signups_daily");
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
      .where("day", "<=", range.to)
      .select((eb) => [eb.ref(dimension).as("key"), eb.fn.sum<number>("users").as("users")])
      .groupBy(dimension)
      .execute();

  const [total, fresh, active, newByDay, activeByDay, gender, birthYear, device, platform, city] =
    await Promise.all([
      signups()
        .where("day", "<=", range.to)
        .select((eb) => eb.fn.sum<number>("users").as("n"))
        .executeTakeFirst(),
      signups()
        .where("day", ">=", range.from)
        .where("day", "<=", range.to)
        .select((eb) => eb.fn.sum<number>("users").as("n"))
        .executeTakeFirst(),
      activity()
        .select((eb) => eb.fn.count<number>("user_id").distinct().as("n"))
        .executeTakeFirst(),
      signups()
        .where("day", ">=", range.from)
        .where("day", "<=", range.to)
        .select((eb) => ["day", eb.fn.sum<number>("users").as("n")])
        .groupBy("day")
        .execute(),
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
    totalUsers: num(total?.n),
    newUsers: num(fresh?.n),
    activeUsers: num(active?.n),
    byDay: days.map((day) => ({ day, newUsers: newMap.get(day) ?? 0, activeUsers: activeMap.get(day) ?? 0 })),
    byGender: counts(gender),
    byBirthYear: counts(birthYear),
    byDevice: counts(device),
    byPlatform: counts(platform),
    byCity: counts(city),
  };
}
