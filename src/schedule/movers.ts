/**
 * The movers a digest leads with: at most three KPIs of its answers that moved — unusual for
 * them (src/metrics/unusual.ts: against the same KPI over the 8 comparable periods before, the
 * same weekday for a one-day digest, the 8 months before for a calendar month, else the 8
 * periods of the same length) or changed by at least the threshold against the comparison
 * (DIGEST_MOVER_THRESHOLD, relative; percentages by their relative change too). Unusual ones
 * come first, by how far out they lie; then the rest by the size of their change. Each comes
 * with its explanation (the same `explain` answer a person gets). Only KPIs `explain` can
 * split are considered.
 */
import type { Answer, Explanation, Kpi } from "../answer/answer.js";
import type { Query } from "../answer/query.js";
import type { DateRange } from "../areas/area-module.js";
import { canExplain, familyOfArea } from "../areas/explain-families.js";
import type { Area } from "../areas/registry.js";
import { addDays, daysInRange, lastOfMonth, parseIsoDate } from "../calendar/calendar.js";
import type { AsOf, Engine } from "../engine/engine.js";
import { isUserError } from "../errors.js";
import { isUnusual, type NormalRange, normalRange, robustScore } from "../metrics/unusual.js";

export const MAX_MOVERS = 3;
export const HISTORY_PERIODS = 8;

export interface Mover {
  readonly area: string;
  readonly kpi: Kpi;
  readonly reason: "unusual" | "threshold";
  /** The normal range from the comparable periods (null when there were too few). */
  readonly normal: NormalRange | null;
  /** Robust score for unusual ones, |relative change| for the others: the order they come in. */
  readonly score: number;
  readonly explanation: Explanation | null;
}

const monthOf = (iso: string) => parseIsoDate(iso) as { year: number; month: number; day: number };

/** The `count` comparable ranges before `period`, nearest first (module comment). */
export function comparableRanges(period: DateRange, count = HISTORY_PERIODS): DateRange[] {
  const from = monthOf(period.from);
  const to = monthOf(period.to);
  const wholeMonth =
    from.day === 1 &&
    period.to === lastOfMonth(to.year, to.month) &&
    from.month === to.month &&
    from.year === to.year;
  const ranges: DateRange[] = [];
  for (let k = 1; k <= count; k++) {
    if (wholeMonth) {
      const index = from.year * 12 + (from.month - 1) - k;
      const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
      const first = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
      ranges.push({ from: first, to: lastOfMonth(year, month) });
    } else {
      const length = daysInRange(period.from, period.to);
      const step = length === 1 ? 7 : length;
      ranges.push({ from: addDays(period.from, -step * k), to: addDays(period.to, -step * k) });
    }
  }
  return ranges;
}

/** A KPI's relative change against its comparison (percentages too), or null. */
function relativeChange(kpi: Kpi): number | null {
  if (kpi.value === null || kpi.previous === null || kpi.previous === 0) return null;
  return (kpi.value - kpi.previous) / Math.abs(kpi.previous);
}

/** Whether one KPI moved, given its earlier values; pure. */
export function judgeKpi(
  kpi: Kpi,
  history: readonly (number | null)[],
  threshold: number | undefined,
): Omit<Mover, "area" | "explanation"> | null {
  const normal = normalRange(history);
  if (isUnusual(kpi.value, normal) && normal && kpi.value !== null) {
    return { kpi, reason: "unusual", normal, score: 1000 + Math.abs(robustScore(kpi.value, normal)) };
  }
  const change = relativeChange(kpi);
  if (threshold !== undefined && change !== null && Math.abs(change) >= threshold) {
    return { kpi, reason: "threshold", normal, score: Math.abs(change) };
  }
  return null;
}

export type MoverEngine = Pick<Engine, "answer" | "history">;

/** The answer's KPIs over the comparable ranges, by key (from the rollups, in one read). */
function historyOf(answer: Answer, kpis: readonly Kpi[], engine: MoverEngine, asOf: AsOf) {
  const ranges = comparableRanges(answer.period);
  return engine.history(
    answer.query as Query<Area>,
    kpis.map((k) => k.key),
    ranges,
    asOf,
  );
}

/** The digest's movers (module comment), each with its explanation. */
export async function findMovers(
  answers: readonly Answer[],
  engine: MoverEngine,
  asOf: AsOf,
  threshold: number | undefined,
): Promise<Mover[]> {
  const found: Omit<Mover, "explanation">[] = [];
  for (const answer of answers) {
    const candidates = answer.kpis.filter((k) => canExplain(answer.area, k.key));
    if (candidates.length === 0 || answer.comparison === null || answer.coverage?.period === "empty")
      continue;
    const history = await historyOf(answer, candidates, engine, asOf);
    for (const kpi of candidates) {
      const judged = judgeKpi(kpi, history.get(kpi.key) ?? [], threshold);
      // roas and campaigns answer the same ad KPIs: each KPI moves once.
      const family = familyOfArea(answer.area)?.family;
      const seen = found.some((f) => f.kpi.key === kpi.key && familyOfArea(f.area)?.family === family);
      if (judged && !seen) found.push({ ...judged, area: answer.area });
    }
  }
  const top = found.sort((a, b) => b.score - a.score).slice(0, MAX_MOVERS);
  const movers: Mover[] = [];
  for (const mover of top) {
    const answer = answers.find((a) => a.area === mover.area) as Answer;
    let explanation: Explanation | null = null;
    try {
      const explained = await engine.answer(
        { ...(answer.query as Query<Area>), explain: { kpi: mover.kpi.key } },
        asOf,
      );
      explanation = explained.explanation ?? null;
    } catch (error) {
      if (!isUserError(error)) throw error;
    }
    movers.push({ ...mover, explanation });
  }
  return movers;
}
