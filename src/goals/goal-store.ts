/**
 * Goals in `bot_goals` (db/schema/121): set (a second goal for the same KPI, area, cadence and
 * filters replaces the amount), list, remove. Filters are stored as their canonical words, so
 * an answer with the same filters finds its goal by text.
 */
import { sql } from "kysely";
import type { Filters } from "../answer/query.js";
import { filtersToText } from "../commands/command-text.js";
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import { toSqlTime } from "../db/bot-state/sql-time.js";
import { UserError } from "../errors.js";
import type { Cadence } from "./pace.js";

export interface Goal {
  readonly id: number;
  readonly kpi: string;
  readonly area: string;
  readonly cadence: Cadence;
  /** Canonical filter words (`platform=google`), "" for none. */
  readonly filters: string;
  readonly amount: number;
}

export interface NewGoal {
  readonly kpi: string;
  readonly area: string;
  readonly cadence: Cadence;
  readonly filters: Filters;
  readonly amount: number;
  readonly createdBy: string;
  /** Where it was set (`slack:C0123`), for the list. */
  readonly createdIn: string;
}

export async function setGoal(db: BotStateDb, goal: NewGoal, now: Date): Promise<Goal> {
  const filters = filtersToText(goal.filters);
  await db
    .insertInto("bot_goals")
    .values({
      kpi: goal.kpi,
      area: goal.area,
      cadence: goal.cadence,
      filters,
      amount: goal.amount,
      created_by: goal.createdBy.slice(0, 255) || "unknown",
      created_in: goal.createdIn.slice(0, 300),
      created_at: toSqlTime(now),
    })
    .onDuplicateKeyUpdate({ amount: sql`VALUES(amount)`, created_by: sql`VALUES(created_by)` })
    .execute();
  const row = await db
    .selectFrom("bot_goals")
    .selectAll()
    .where("kpi", "=", goal.kpi)
    .where("area", "=", goal.area)
    .where("cadence", "=", goal.cadence)
    .where("filters", "=", filters)
    .executeTakeFirstOrThrow();
  return toGoal(row);
}

function toGoal(row: {
  goal_id: number;
  kpi: string;
  area: string;
  cadence: string;
  filters: string;
  amount: string | number;
}): Goal {
  return {
    id: Number(row.goal_id),
    kpi: row.kpi,
    area: row.area,
    cadence: row.cadence as Cadence,
    filters: row.filters,
    amount: Number(row.amount),
  };
}

export async function listGoals(db: BotStateDb): Promise<Goal[]> {
  const rows = await db.selectFrom("bot_goals").selectAll().orderBy("goal_id").execute();
  return rows.map(toGoal);
}

export async function removeGoal(db: BotStateDb, id: number): Promise<Goal> {
  const row = await db.selectFrom("bot_goals").selectAll().where("goal_id", "=", id).executeTakeFirst();
  if (!row) throw new UserError("unknown_goal", `No goal #${id} — /kpi goals lists them.`);
  await db.deleteFrom("bot_goals").where("goal_id", "=", id).execute();
  return toGoal(row);
}
