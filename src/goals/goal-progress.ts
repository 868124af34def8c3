/**
 * Goals on answers: for each goal whose KPI an answer shows (same family of areas, same
 * filters), the KPI's value so far in the goal's current week, month or quarter in the report
 * zone, and its pace (src/goals/pace.ts), as the Answer's `goals`.
 */
import type { Answer, GoalProgress } from "../answer/answer.js";
import { familyOfArea } from "../areas/explain-families.js";
import type { Area } from "../areas/registry.js";
import { filtersToText } from "../commands/command-text.js";
import type { AsOf, Engine } from "../engine/engine.js";
import type { Goal } from "./goal-store.js";
import { filtersOfText } from "./goal-words.js";
import { goalPeriod, projectLinear } from "./pace.js";

/** Whether a goal is about a KPI this answer shows, with the same filters. */
export function goalApplies(goal: Goal, answer: Answer): boolean {
  return (
    answer.kpis.some((k) => k.key === goal.kpi) &&
    familyOfArea(goal.area) !== undefined &&
    familyOfArea(goal.area) === familyOfArea(answer.area) &&
    filtersToText(answer.query.filters) === goal.filters
  );
}

/** The progress of one goal at `asOf`. */
export async function goalProgress(
  goal: Goal,
  engine: Pick<Engine, "answer">,
  asOf: AsOf,
): Promise<GoalProgress | null> {
  const period = goalPeriod(goal.cadence, asOf.now, asOf.timeZone);
  const answer = await engine.answer(
    {
      area: goal.area as Area,
      period: { kind: "range", from: period.from, to: period.today },
      comparison: "previous",
      filters: filtersOfText(goal.area, goal.filters),
    },
    asOf,
  );
  const kpi = answer.kpis.find((k) => k.key === goal.kpi);
  if (!kpi) return null;
  const actual = kpi.value ?? 0;
  return {
    kpi: goal.kpi,
    label: kpi.label,
    unit: kpi.unit,
    cadence: goal.cadence,
    from: period.from,
    to: period.to,
    daysElapsed: period.daysElapsed,
    daysTotal: period.daysTotal,
    target: goal.amount,
    actual,
    progress: actual / goal.amount,
    projected: projectLinear(actual, period),
    filters: goal.filters,
  };
}

/** The answer with its goals' progress (unchanged when no goal applies). */
export async function withGoals(
  answer: Answer,
  goals: readonly Goal[],
  engine: Pick<Engine, "answer">,
  asOf: AsOf,
): Promise<Answer> {
  const applying = goals.filter((g) => goalApplies(g, answer));
  if (applying.length === 0) return answer;
  const progress = (await Promise.all(applying.map((g) => goalProgress(g, engine, asOf)))).filter(
    (p): p is GoalProgress => p !== null,
  );
  return progress.length === 0 ? answer : { ...answer, goals: progress };
}
