/** users: total, new and active users; new and active per day; demographics; devices; cities. */
import type { AnswerTable } from "../../answer/answer.js";
import { unitOf } from "../../metrics/measures.js";
import { ratio } from "../../metrics/ratio.js";
import { byValueDesc, chartOf, figureKpi, table } from "../area-kpis.js";
import { type CountAndAmount, dailyValues, eachDay } from "../area-series.js";
import { defineArea } from "../define-area.js";
import type { UsersData } from "./users-data.js";

export const CITY_ROWS = 15;

/** Age bands of the people who had signed up by the period's end, by birth year. */
export const AGE_BANDS: readonly { label: string; min: number; max: number }[] = [
  { label: "under 18", min: 0, max: 17 },
  { label: "18–24", min: 18, max: 24 },
  { label: "25–34", min: 25, max: 34 },
  { label: "35–44", min: 35, max: 44 },
  { label: "45–54", min: 45, max: 54 },
  { label: "55–64", min: 55, max: 64 },
  { label: "65+", min: 65, max: 200 },
];

/** Users per age band; age is the year of the period's end minus the birth year. */
export function ageBands(byBirthYear: readonly CountAndAmount[], year: number): number[] {
  return AGE_BANDS.map((band) =>
    byBirthYear
      .filter((b) => year - Number(b.key) >= band.min && year - Number(b.key) <= band.max)
      .reduce((n, b) => n + b.count, 0),
  );
}

function shareTable(
  key: string,
  column: string,
  rows: readonly CountAndAmount[],
  total: number,
): AnswerTable {
  return table(
    key,
    [column, "users", "share"],
    [...rows]
      .sort(
        byValueDesc(
          (r) => r.count,
          (r) => r.key,
        ),
      )
      .map((r) => [r.key, r.count, ratio(r.count, total)]),
  );
}

/** A doughnut of users by one profile value. */
const profileChart = (key: string, title: string, rows: readonly CountAndAmount[]) =>
  chartOf(
    { key, kind: "doughnut", title, measure: "users" },
    rows,
    (r) => r.key,
    (r) => r.count,
  );

export const users = defineArea({
  name: "users",
  title: "Users",
  aliases: [],
  description: "total, new and active users; demographics; devices; users by city",
  filters: ["city"],
  examples: ["/kpi users last-30d", "/kpi users mtd vs last-year", "/kpi users last-90d city=Berlin"],
  fact: "users",
  load: async (db, range, filters) => (await import("./users-query.js")).loadUsersData(db, range, filters),
  build(context, current: UsersData, previous) {
    const days = eachDay(context.period.from, context.period.to);
    const year = Number(context.period.to.slice(0, 4));
    const cities = [...current.byCity]
      .sort(
        byValueDesc(
          (c) => c.count,
          (c) => c.key,
        ),
      )
      .slice(0, CITY_ROWS);
    return {
      kpis: [
        figureKpi("users", current.totalUsers, previous?.totalUsers ?? null),
        figureKpi("new_users", current.newUsers, previous?.newUsers ?? null),
        figureKpi("active_users", current.activeUsers, previous?.activeUsers ?? null),
      ],
      tables: [
        shareTable("by_city", "city", cities, current.totalUsers),
        shareTable("by_gender", "gender", current.byGender, current.totalUsers),
        shareTable("by_device", "device", current.byDevice, current.totalUsers),
        shareTable("by_platform", "platform", current.byPlatform, current.totalUsers),
      ],
      charts: [
        {
          key: "users_by_day",
          kind: "line",
          title: "New and active users per day",
          labels: days,
          series: [
            { name: "New users", values: dailyValues(days, current.byDay, (d) => d.newUsers) },
            { name: "Active users", values: dailyValues(days, current.byDay, (d) => d.activeUsers) },
          ],
          unit: unitOf("users"),
        },
        {
          key: "age_bands",
          kind: "bar",
          title: "Users by age band",
          labels: AGE_BANDS.map((b) => b.label),
          series: [{ name: "Users", values: ageBands(current.byBirthYear, year) }],
          unit: unitOf("users"),
        },
        profileChart("gender", "Users by gender", current.byGender),
        profileChart("devices", "Users by device", current.byDevice),
      ],
      notes: ["Active users: signed-in users with at least one session in the period."],
    };
  },
});
