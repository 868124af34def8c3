/**
 * `/kpi goal <kpi> <amount> week|month|quarter [filters]`, `/kpi goals [list]` and
 * `/kpi goals remove <id>`, answered with plain text. Goals are the team's: every channel
 * sees the same list, and every answer or digest with the goal's KPI and filters shows it.
 */
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import { UserError } from "../errors.js";
import { formatNumber } from "../metrics/format.js";
import { kpiLabelOf, unitOf } from "../metrics/measures.js";
import { type Goal, listGoals, removeGoal, setGoal } from "./goal-store.js";
import { parseGoalWords } from "./goal-words.js";

export interface GoalCommandRequest {
  readonly platform: string;
  readonly channelId: string;
  readonly userId: string;
  readonly now: Date;
}

function describe(goal: Goal, currency: string): string {
  const amount = formatNumber(goal.amount, unitOf(goal.kpi), { currency });
  const filters = goal.filters ? ` ${goal.filters}` : "";
  return `#${goal.id} ${kpiLabelOf(goal.kpi)} ${amount} per ${goal.cadence}${filters} (${goal.area})`;
}

export async function runGoalCommand(
  verb: "goal" | "goals",
  args: readonly string[],
  request: GoalCommandRequest,
  deps: { readonly db: BotStateDb; readonly currency: string },
): Promise<string> {
  if (verb === "goal") {
    const words = parseGoalWords(args);
    const goal = await setGoal(
      deps.db,
      { ...words, createdBy: request.userId, createdIn: `${request.platform}:${request.channelId}` },
      request.now,
    );
    return `Goal set: ${describe(goal, deps.currency)}. Answers and digests with ${kpiLabelOf(goal.kpi)} now show progress and pace; remove with /kpi goals remove ${goal.id}.`;
  }
  const [sub = "list", id] = args.map((a) => a.toLowerCase());
  if (sub === "list") {
    const goals = await listGoals(deps.db);
    if (goals.length === 0) return "No goals yet. Set one: /kpi goal revenue 250000 month";
    return goals.map((g) => describe(g, deps.currency)).join("\n");
  }
  if (sub === "remove") {
    const n = Number(id);
    if (!id || !Number.isInteger(n) || n <= 0)
      throw new UserError("missing_id", "Which goal? /kpi goals remove <id> — /kpi goals lists them.");
    const removed = await removeGoal(deps.db, n);
    return `Removed goal ${describe(removed, deps.currency)}.`;
  }
  throw new UserError("goal_usage", "Use /kpi goals (the list) or /kpi goals remove <id>.");
}
