/**
 * readPlainQuestion: a whole plain question → the query it asks, in the exact grammar's
 * structure, with the echo (the exact-grammar text that parses back to it) and what was
 * guessed; or the two closest readings when the words leave doubt; or a one-line refusal.
 * Deterministic, offline, no model. The rules that settle ambiguity are in the README
 * ("Just ask") and in area-choice.ts.
 */
import { DEFAULT_PERIOD, type Query, type Ranking } from "../answer/query.js";
import { canExplain, EXPLAINABLE_KPIS } from "../areas/explain-families.js";
import type { Area } from "../areas/registry.js";
import { queryToText } from "../commands/command-text.js";
import { checkQuery, tryParseCommand } from "../commands/parse.js";
import { rankingOf } from "../commands/rank-words.js";
import { guardCommandText } from "../commands/text-guard.js";
import { isUserError } from "../errors.js";
import { areaChoices, filtersFor, kpiIn } from "./area-choice.js";
import { heardLine } from "./heard-line.js";
import type { PlainParts } from "./plain-parts.js";
import { readPlainParts } from "./read-parts.js";
import type { Vocabulary } from "./vocabulary.js";

export type PlainReading =
  | {
      readonly kind: "query";
      readonly query: Query<Area>;
      /** The query in the exact grammar; parsing it gives `query` back. */
      readonly echo: string;
      /** "Campaigns · last 7 days vs same dates last year · platform Meta". */
      readonly heard: string;
      readonly guesses: readonly string[];
    }
  | {
      readonly kind: "suggest";
      /** One or two readings, closest first: each a query someone can ask with one press. */
      readonly readings: readonly Query<Area>[];
      /** Each reading in the exact grammar (parses back to it). */
      readonly echoes: readonly string[];
      /** One line: what was not understood and the readings in the exact grammar. */
      readonly message: string;
    }
  | { readonly kind: "refuse"; readonly message: string };

export const REFUSAL =
  "I could not read that as a KPI question — ask e.g. `how did campaigns do last week?` or `top 5 campaigns by roas`, or see `/kpi help`.";

interface Built {
  readonly query?: Query<Area>;
  readonly problems: readonly string[];
}

function rankFor(area: Area, parts: PlainParts): Ranking | undefined {
  const rank = parts.rank;
  if (!rank) return undefined;
  const candidates = rank.by ?? parts.kpis[rank.kpiAfter ?? 0] ?? parts.kpis[0];
  const by = candidates ? kpiIn(area, candidates, true) : undefined;
  if (candidates && by === undefined) throw new Error("rank-kpi");
  const words = {
    ...(rank.order ? { order: rank.order } : {}),
    ...(typeof rank.limit === "number" ? { limit: rank.limit } : {}),
    ...(by ? { by } : {}),
  };
  return rankingOf(area, words);
}

/** The query the parts ask in `area`, and what stands in its way (unknown words, clashes). */
function build(area: Area, parts: PlainParts): Built {
  const problems: string[] = [...parts.clashes, ...parts.unknown.map((w) => `\`${w}\``)];
  const filters = filtersFor(area, parts);
  if (filters === undefined) return { problems: [...problems, "filters"] };
  for (const candidates of parts.kpis) {
    if (kpiIn(area, candidates, false) === undefined) problems.push(`${candidates[0]} in ${area}`);
  }
  let rank: Ranking | undefined;
  try {
    rank = rankFor(area, parts);
  } catch {
    return { problems: [...problems, "rank"] };
  }
  let explain: Query["explain"];
  if (parts.intents.includes("why")) {
    const kpi = parts.kpis.map((c) => c.find((k) => canExplain(area, k))).find((k) => k !== undefined);
    if (!kpi) return { problems: [...problems, "why"] };
    explain = { kpi };
  }
  const query: Query = {
    area,
    period: parts.period ?? parts.impliedPeriod ?? DEFAULT_PERIOD,
    comparison: parts.comparison ?? "previous",
    filters,
    ...(explain ? { explain } : rank ? { rank } : {}),
  };
  try {
    return { query: checkQuery(query), problems };
  } catch (error) {
    if (isUserError(error)) return { problems: [...problems, "check"] };
    throw error;
  }
}

function suggestion(candidates: Query<Area>[], parts: PlainParts): PlainReading {
  const echoed: [string, Query<Area>][] = [];
  for (const query of candidates) {
    const found = echoOf(query);
    if (found && !echoed.some(([text]) => text === found[0])) echoed.push(found);
  }
  const chosen = echoed.slice(0, 2);
  if (chosen.length === 0) return { kind: "refuse", message: REFUSAL };
  const unknown =
    parts.unknown.length > 0
      ? ` (I did not understand ${parts.unknown
          .slice(0, 3)
          .map((w) => `\`${w}\``)
          .join(", ")})`
      : "";
  const texts = chosen.map(([text]) => `\`${text}\``).join(" or ");
  return {
    kind: "suggest",
    readings: chosen.map(([, query]) => query),
    echoes: chosen.map(([text]) => text),
    message: `Not sure what you meant${unknown} — did you mean ${texts}?`,
  };
}

/**
 * The exact-grammar text of a query and the query it parses to. An explain in an area that is
 * also a KPI word (ROAS, CTR, orders) reads `explain roas …`, the area left to the explain
 * grammar (its home area, as typed `explain roas` goes).
 */
function echoOf(query: Query<Area>): [string, Query<Area>] | undefined {
  const full = queryToText(query);
  const bare = full.replace(/^explain \S+ /u, "explain ");
  const texts = !query.explain ? [full] : EXPLAINABLE_KPIS.includes(query.area) ? [bare, full] : [full, bare];
  for (const text of texts) {
    const parsed = tryParse(text);
    if (!parsed) continue;
    const canonical = queryToText(parsed);
    const again = tryParse(canonical);
    // The canonical text when it asks the same query; else the text that did.
    return again && JSON.stringify(again) === JSON.stringify(parsed) ? [canonical, parsed] : [text, parsed];
  }
  return undefined;
}

function tryParse(text: string): Query<Area> | undefined {
  const parsed = tryParseCommand(text);
  return parsed?.kind === "query" ? parsed.query : undefined;
}

/** Reads a plain question (never throws). */
export function readPlainQuestion(text: string, vocabulary: Vocabulary): PlainReading {
  let guarded: string;
  try {
    guarded = guardCommandText(text);
  } catch (error) {
    if (isUserError(error)) return { kind: "refuse", message: error.message };
    throw error;
  }
  const parts = readPlainParts(guarded, vocabulary);
  const choices = areaChoices(parts);
  if (choices.length === 0) return { kind: "refuse", message: REFUSAL };
  const built = choices.map((area) => ({ area, ...build(area, parts) }));
  const clean = built.find((b) => b.query && b.problems.length === 0);
  // An area named outright that cannot take a filter named ("traffic from tiktok") is a doubt, not another area.
  const misfit = parts.named.some((area) => filtersFor(area, parts) === undefined);
  const pointed =
    parts.area !== undefined ||
    parts.kpis.length > 0 ||
    parts.areaVotes.size > 0 ||
    parts.filters.length > 0 ||
    parts.rank !== undefined;
  if (clean?.query && clean === built[0] && pointed && !misfit) {
    const echoed = echoOf(clean.query);
    if (echoed) {
      const [echo, query] = echoed;
      return {
        kind: "query",
        query,
        echo,
        heard: heardLine(query, vocabulary),
        guesses: parts.guesses,
      };
    }
  }
  const readings = built.flatMap((b) => (b.query ? [b.query] : []));
  if (readings.length < 2) readings.push(...relaxed(choices, parts));
  return suggestion(readings, parts);
}

/**
 * Readings with what could not be read left out: no ranking, no "why", one value per filter
 * (the first named, then the last: "meta vs tiktok" gives one reading each).
 */
function relaxed(choices: readonly Area[], parts: PlainParts): Query<Area>[] {
  const readings: Query<Area>[] = [];
  for (const area of choices) {
    for (const pick of ["first", "last"] as const) {
      const hits = pick === "first" ? parts.filters : [...parts.filters].reverse();
      const filters: Record<string, string> = {};
      for (const candidates of hits) {
        const hit = candidates.find((h) => filtersFor(area, { ...parts, filters: [[h]] }) !== undefined);
        if (hit && filters[hit.key] === undefined) filters[hit.key] = hit.value;
      }
      try {
        readings.push(
          checkQuery({
            area,
            period: parts.period ?? parts.impliedPeriod ?? DEFAULT_PERIOD,
            comparison: parts.comparison ?? "previous",
            filters,
          }),
        );
      } catch (error) {
        if (!isUserError(error)) throw error;
      }
    }
  }
  return readings;
}
