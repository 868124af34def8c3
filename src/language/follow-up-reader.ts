/**
 * readFollowUp: which parts of the thread's query a message changes, read with the plain reader
 * (readPlainParts) in the thread's area — "and for tiktok?", "vs last year", "last 90 days
 * instead", "only Berlin", "why?", "as a chart", "top 10", and the exact grammar's own words
 * (`platform=tiktok`, `vs last-year`, `last-90d`, `top=10 by=roas`). Undefined when the message
 * is a question of its own and replaces the context:
 * - it names an area outright ("campaigns last week", "orders in berlin");
 * - it names a KPI without asking why or ranking by it ("ctr?" asks the ctr area);
 * - it has words the reader does not know (other than "instead", "also", "again", "too",
 *   "rather"), or names two periods, two comparisons or two values of one filter;
 * - it names nothing.
 * A value named is taken under the first filter key the thread's area accepts (else the first
 * it could be, so the check names the problem); "only" makes the named filters replace all.
 * The merge itself is src/commands/follow-up.ts.
 */
import { canExplain } from "../areas/explain-families.js";
import type { Area } from "../areas/registry.js";
import { type FollowUpParts, namesNothing } from "../commands/follow-up.js";
import { guardCommandText } from "../commands/text-guard.js";
import { isUserError } from "../errors.js";
import { filtersFor, kpiIn } from "./area-choice.js";
import type { PlainParts } from "./plain-parts.js";
import { readPlainParts } from "./read-parts.js";
import type { Vocabulary } from "./vocabulary.js";

/** Words that only say "this is a follow-up". */
const FOLLOW_UP_WORDS: ReadonlySet<string> = new Set(["instead", "also", "again", "too", "rather"]);

export interface FollowUpReading {
  readonly parts: FollowUpParts;
  /** Misspellings corrected ("read `berln` as `berlin`"), for the echo. */
  readonly guesses: readonly string[];
}

/** The filters named, or undefined when one key is given two values ("meta or google" is no follow-up). */
function filtersOf(area: Area, parts: PlainParts): Record<string, string> | undefined {
  const fitting = filtersFor(area, parts);
  if (fitting) return { ...fitting };
  const filters: Record<string, string> = {};
  for (const hits of parts.filters) {
    const hit = hits[0];
    if (!hit) continue;
    if (filters[hit.key] !== undefined && filters[hit.key]?.toLowerCase() !== hit.value.toLowerCase()) {
      return undefined;
    }
    filters[hit.key] = hit.value;
  }
  return filters;
}

function whyOf(area: Area, parts: PlainParts): FollowUpParts["why"] {
  if (!parts.intents.includes("why")) return undefined;
  const candidates = parts.kpis.flat();
  if (candidates.length === 0) return {};
  return { kpi: candidates.find((key) => canExplain(area, key)) ?? (candidates[0] as string) };
}

function rankOf(area: Area, parts: PlainParts): FollowUpParts["rank"] {
  const rank = parts.rank;
  if (!rank) return undefined;
  const candidates = rank.by ?? parts.kpis[rank.kpiAfter ?? 0];
  const by = candidates ? (kpiIn(area, candidates, true) ?? candidates[0]) : undefined;
  return {
    ...(rank.order ? { order: rank.order } : {}),
    ...(rank.limit !== undefined ? { limit: rank.limit } : {}),
    ...(by ? { by } : {}),
  };
}

/** The parts a follow-up in a thread about `area` names, or undefined (see the module comment). */
export function readFollowUp(text: string, vocabulary: Vocabulary, area: Area): FollowUpReading | undefined {
  let guarded: string;
  try {
    guarded = guardCommandText(text);
  } catch (error) {
    if (isUserError(error)) return undefined;
    throw error;
  }
  const parts = readPlainParts(guarded, vocabulary);
  if (parts.area !== undefined || parts.clashes.length > 0) return undefined;
  if (parts.unknown.some((word) => !FOLLOW_UP_WORDS.has(word))) return undefined;
  const named = whyOf(area, parts);
  const ranked = rankOf(area, parts);
  // "why … by=platform": the split of the explanation, not a ranking.
  const splitBy = named && ranked && !ranked.order && ranked.limit === undefined ? ranked.by : undefined;
  const why = splitBy ? { ...named, by: splitBy } : named;
  const rank = splitBy ? undefined : ranked;
  if (parts.kpis.length > 0 && !why && !rank) return undefined;
  const filters = filtersOf(area, parts);
  if (!filters) return undefined;
  const period = parts.period ?? parts.impliedPeriod;
  const only = /(^|[^\p{L}])only([^\p{L}]|$)/iu.test(guarded);
  const followUp: FollowUpParts = {
    ...(period ? { period } : {}),
    ...(parts.comparison ? { comparison: parts.comparison } : {}),
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
    ...(only ? { only: true } : {}),
    ...(why ? { why } : {}),
    ...(rank ? { rank } : {}),
    ...(parts.intents.includes("chart") || parts.intents.includes("table") ? { chart: true } : {}),
  };
  return namesNothing(followUp) ? undefined : { parts: followUp, guesses: parts.guesses };
}
