/** users: total, new and active users; new and active per day; demographics; devices; cities. */
import type { AnswerTable } from "../../answer/answer.js";
import { definitionOf, unitOf } from "../../metrics/measures.js";
import { ratio } from "../../metrics/ratio.js";
import { byValueDesc, cappedTable, chartOf, figureKpi } from "../area-kpis.js";
import { type CountAndAmount, dailyValues, eachDay } from "../area-series.js";
import { defineArea } from "../define-area.js";
import { AGE_BANDS, ageBands } from "./age-bands.js";
import type { UsersData, UsersPrior } from "./users-data.js";

export const CITY_ROWS = 15;

/** Users per profile value, largest first, with their share of all users; `cap` keeps the top rows only. */
function shareTable(
  key: string,
  column: string,
  rows: readonly CountAndAmount[],
  total: number,
  cap?: { readonly rows: number; readonly plural: string },
): AnswerTable {
  const sorted = [...rows].sort(
    byValueDesc(
      (r) => r.count,
      (r) => r.key,
    ),
  );
  const shown = sorted.slice(0, cap?.rows ?? sorted.length);
  return cappedTable(
    key,
    [column, "users", "share"],
    shown.map((r) => [r.key, r.count, ratio(r.count, total)]),
    { total: rows.length, plural: cap?.plural ?? "" },
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
  rankBy: ["users"],
  examples: ["/kpi users last-30d", "/kpi users mtd vs last-year", "/kpi users last-90d city=Berlin"],
  fact: "users",
  load: async (db, range, filters) => (await import("./users-query.js")).loadUsersData(db, range, filters),
  loadPrior: async (db, range, filters) =>
    (await import("./users-query.js")).loadUsersTotals(db, range, filters),
  build(context, current: UsersData, previous: UsersPrior | null) {
    const days = eachDay(context.period.from, context.period.to);
    return {
      kpis: [
        figureKpi("users", current.totalUsers, previous?.totalUsers ?? null),
        figureKpi("new_users", current.newUsers, previous?.newUsers ?? null),
        figureKpi("active_users", current.activeUsers, previous?.activeUsers ?? null),
      ],
      tables: [
        shareTable("by_city", "city", current.byCity, current.totalUsers, {
          rows: CITY_ROWS,
          plural: "cities",
        }),
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
          series: [
            { name: "Users", values: ageBands(current.byBirthYear, current.byBirthDate, context.period.to) },
          ],
          unit: unitOf("users"),
        },
        profileChart("gender", "Users by gender", current.byGender),
        profileChart("devices", "Users by device", current.byDevice),
      ],
      notes: [`Active users: ${definitionOf("active_users")}.`],
    };
  },
});
