/** users: total, new and active users; new and active per day; demographics; devices; cities. */
import type { Answer, AnswerTable } from "../answer/answer.js";
import { ratio } from "../metrics/ratio.js";
import { type AreaContext, answerFrame } from "./area-context.js";
import type { CountAndAmount, UsersData } from "./area-data.js";
import { byValueDesc, figureKpi } from "./kpi.js";
import { dailyValues, eachDay } from "./series.js";

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
  return {
    key,
    columns: [column, "users", "share"],
    units: ["text", "count", "ratio"],
    rows: [...rows]
      .sort(
        byValueDesc(
          (r) => r.count,
          (r) => r.key,
        ),
      )
      .map((r) => [r.key, r.count, ratio(r.count, total)]),
  };
}

export function usersAnswer(context: AreaContext, current: UsersData, previous: UsersData | null): Answer {
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
  return answerFrame(context, {
    kpis: [
      figureKpi("users", "Users", current.totalUsers, previous?.totalUsers ?? null),
      figureKpi("new_users", "New users", current.newUsers, previous?.newUsers ?? null),
      figureKpi("active_users", "Active users", current.activeUsers, previous?.activeUsers ?? null),
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
        unit: "count",
      },
      {
        key: "age_bands",
        kind: "bar",
        title: "Users by age band",
        labels: AGE_BANDS.map((b) => b.label),
        series: [{ name: "Users", values: ageBands(current.byBirthYear, year) }],
        unit: "count",
      },
      {
        key: "gender",
        kind: "doughnut",
        title: "Users by gender",
        labels: current.byGender.map((g) => g.key),
        series: [{ name: "Users", values: current.byGender.map((g) => g.count) }],
        unit: "count",
      },
      {
        key: "devices",
        kind: "doughnut",
        title: "Users by device",
        labels: current.byDevice.map((g) => g.key),
        series: [{ name: "Users", values: current.byDevice.map((g) => g.count) }],
        unit: "count",
      },
    ],
    notes: ["Active users: signed-in users with at least one session in the period."],
  });
}
