/**
 * `/kpi goal <kpi> <amount> week|month|quarter [key=value ...]` as a goal to store, checked as
 * typed words are: a KPI that is a sum (a ratio has no pace to the end of a period), an amount
 * (`250000`, `250k`, `1.5m`, `250,000`), a cadence, filters its area accepts.
 */
import type { Filters } from "../answer/query.js";
import { FAMILIES, homeArea } from "../areas/explain-families.js";
import { type Area, areaModule, findArea } from "../areas/registry.js";
import { didYouMean, listWords } from "../commands/messages.js";
import { checkFilters, parseFilterWords } from "../commands/query-words.js";
import { suggest } from "../commands/suggest.js";
import { quoted, UserError } from "../errors.js";
import { CADENCES, type Cadence } from "./pace.js";

export const GOAL_USAGE =
  "Usage: /kpi goal <kpi> <amount> week|month|quarter [key=value ...] — e.g. /kpi goal revenue 250000 month";

/** KPIs a goal can be set for: the sums the explain families know. */
export const GOAL_KPIS: readonly string[] = [
  ...new Set(
    FAMILIES.flatMap((f) =>
      Object.entries(f.kpis).flatMap(([k, spec]) => (spec.kind === "additive" ? [k] : [])),
    ),
  ),
];

export interface GoalWords {
  readonly kpi: string;
  readonly area: Area;
  readonly amount: number;
  readonly cadence: Cadence;
  readonly filters: Filters;
}

const usage = (message: string) => new UserError("goal_usage", `${message} ${GOAL_USAGE}`);

/** "250000", "250,000", "250k", "1.5m" → a positive number, or undefined. */
export function parseAmount(word: string): number | undefined {
  const match = /^(\d{1,3}(?:[,_]\d{3})+|\d+)(\.\d+)?([km])?$/iu.exec(word.replace(/^[€$£]/u, ""));
  if (!match) return undefined;
  const digits = `${(match[1] as string).replace(/[,_]/gu, "")}${match[2] ?? ""}`;
  const value =
    Number(digits) * (match[3]?.toLowerCase() === "k" ? 1e3 : match[3]?.toLowerCase() === "m" ? 1e6 : 1);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

export function parseGoalWords(args: readonly string[]): GoalWords {
  const [first, ...rest] = args;
  if (!first) throw usage("Which KPI?");
  const kpi = first.toLowerCase();
  if (!GOAL_KPIS.includes(kpi)) {
    const hint = didYouMean(suggest(kpi, GOAL_KPIS)) || ` — goals are for ${listWords(GOAL_KPIS)}`;
    throw usage(`No goal for ${quoted(first, 30)}${hint}.`);
  }
  const filterWords = rest.filter((w) => w.includes("="));
  const others = rest.filter((w) => !w.includes("="));
  const cadence = CADENCES.find((c) => others.some((w) => w.toLowerCase() === c));
  const amountWord = others.find((w) => parseAmount(w) !== undefined);
  const stray = others.find((w) => w !== amountWord && w.toLowerCase() !== cadence);
  if (stray) throw usage(`Unknown word ${quoted(stray, 30)}.`);
  if (amountWord === undefined) throw usage("How much? Give the target as a number.");
  if (!cadence) throw usage(`Per week, month or quarter?`);
  const keys = filterWords.map((w) => w.slice(0, w.indexOf("=")).toLowerCase());
  const accepts = (name: string, key: string) => {
    const area = findArea(name);
    return area !== undefined && (areaModule(area).filters as readonly string[]).includes(key);
  };
  const area = findArea(homeArea(kpi, keys as never, accepts) ?? "");
  if (!area) throw usage(`${quoted(first, 30)} cannot be filtered by ${listWords(keys)}.`);
  return {
    kpi,
    area,
    amount: parseAmount(amountWord) as number,
    cadence,
    filters: parseFilterWords(area, filterWords.join(" ")),
  };
}

/** Stored filter words back as filters for the goal's area. */
export function filtersOfText(area: string, text: string): Filters {
  const found = findArea(area);
  return found ? checkFilters(found, parseFilterWords(found, text)) : {};
}
