/**
 * The words after the area of a query: one period, one comparison, key=value filters,
 * in any order. Each bad word becomes a one-line UserError naming the nearest valid word.
 */

import {
  COMPARISON_MODES,
  type ComparisonMode,
  type FilterKey,
  type Filters,
  isFilterKey,
  type PeriodSpec,
  periodSpecToText,
  type Ranking,
} from "../answer/query.js";
import { FILTER_EXAMPLES } from "../areas/filters/filter-types.js";
import { type Area, areaModule, findArea } from "../areas/registry.js";
import type { UserError } from "../errors.js";
import { commandError, didYouMean, echo, listWords } from "./messages.js";
import { looksLikePeriod, parsePeriod, unknownPeriod } from "./period-spec.js";
import { isRankKey, type RankWords, rankingOf, readRankWord } from "./rank-words.js";
import { suggest } from "./suggest.js";
import { guardCommandText } from "./text-guard.js";
import { type Token, tokenize } from "./tokenize.js";

export interface QueryWords {
  readonly period: PeriodSpec | undefined;
  readonly comparison: ComparisonMode | undefined;
  readonly filters: Filters;
  /** `top=5 by=roas`: present when ranking words were given. */
  readonly rank?: Ranking;
}

const filtersOf = (area: Area): readonly FilterKey[] => areaModule(area).filters;

function acceptedFilters(area: Area): string {
  return `${echo(area)} accepts ${listWords(filtersOf(area))}`;
}

function filterExample(area: Area): string {
  const filters = filtersOf(area);
  return FILTER_EXAMPLES[filters.includes("campaign") ? "campaign" : (filters[0] ?? "platform")];
}

function readFilter(area: Area, key: string, rawValue: string, filters: Record<string, string>): void {
  const lower = key.toLowerCase();
  if (lower === "") {
    throw commandError(
      "unknown_filter",
      `Missing filter name before ${echo(`=${rawValue}`)} — e.g. ${filterExample(area)}.`,
    );
  }
  if (!isFilterKey(lower)) {
    const hint = didYouMean(suggest(lower, filtersOf(area)));
    throw commandError(
      "unknown_filter",
      `Unknown filter ${echo(key)}${hint || ` — ${acceptedFilters(area)}`}`,
    );
  }
  if (!filtersOf(area).includes(lower)) {
    throw commandError(
      "filter_not_allowed",
      `${echo(area)} has no ${echo(lower)} filter — it accepts ${listWords(filtersOf(area))}.`,
    );
  }
  if (filters[lower] !== undefined) {
    throw commandError("duplicate_filter", `Filter ${echo(lower)} is given twice — use it once.`);
  }
  const value = rawValue.trim();
  if (value === "") {
    throw commandError(
      "empty_filter",
      `Filter ${echo(lower)} needs a value — e.g. ${FILTER_EXAMPLES[lower]}.`,
    );
  }
  filters[lower] = value;
}

/**
 * Filter words alone (`platform=meta city="Bad Homburg"`, a subscription's), checked for the
 * area as in a command: only `key=value` words, each key once and accepted by the area.
 */
export function parseFilterWords(area: Area, text: string): Filters {
  const tokens = text.trim() === "" ? [] : tokenize(guardCommandText(text));
  const filters: Record<string, string> = {};
  for (const token of tokens) {
    if (!token.filter) throw unknownWord(area, token);
    readFilter(area, token.filter.key, token.filter.value, filters);
  }
  return filters as Filters;
}

/** Filters given as data (a button, a stored subscription), checked as typed ones are: keys the area accepts, non-empty values. */
export function checkFilters(area: Area, given: Readonly<Record<string, string | undefined>>): Filters {
  const filters: Record<string, string> = {};
  for (const [key, value] of Object.entries(given)) {
    if (value !== undefined) readFilter(area, key, value, filters);
  }
  return filters as Filters;
}

/** Reads `vs <mode>` at tokens[index]; returns the mode and how many words it used. */
function readComparison(tokens: readonly Token[], index: number): [ComparisonMode, number] {
  const next = tokens[index + 1];
  if (!next || next.quoted || next.filter) {
    throw commandError("unknown_comparison", `${echo("vs")} needs ${listWords(COMPARISON_MODES)} after it.`);
  }
  const word = next.text.toLowerCase();
  const mode = COMPARISON_MODES.find((candidate) => candidate === word);
  if (mode) return [mode, 2];
  if (word === "last" && tokens[index + 2]?.text.toLowerCase() === "year") return ["last-year", 3];
  const hint =
    didYouMean(suggest(word, COMPARISON_MODES)) ||
    ` — use ${listWords(COMPARISON_MODES.map((m) => `vs ${m}`))}`;
  throw commandError("unknown_comparison", `Unknown comparison ${echo(next.text)}${hint}`);
}

function unknownWord(area: Area, token: Token): UserError {
  const word = token.text.toLowerCase();
  if (token.quoted) {
    return commandError(
      "unknown_word",
      `Quoted text ${echo(token.text)} needs a filter name — e.g. ${filterExample(area)}.`,
    );
  }
  if (word === "previous" || word === "last-year" || word === "lastyear") {
    const mode = word === "previous" ? "previous" : "last-year";
    return commandError(
      "unknown_word",
      `Compare with ${listWords([`vs ${mode}`])} — a lone ${echo(token.text)} is not a period.`,
    );
  }
  if (findArea(word)) {
    return commandError(
      "unknown_word",
      `One area per command: ${echo(token.text)} is a second area — ask for it separately.`,
    );
  }
  if (looksLikePeriod(word)) return unknownPeriod(token.text);
  const filterHint = suggest(word, filtersOf(area)).map((key) => `${key}=…`);
  if (filterHint.length > 0)
    return commandError("unknown_word", `Unknown word ${echo(token.text)}${didYouMean(filterHint)}`);
  const vsHint = suggest(word, ["vs"]).length > 0 ? didYouMean(["vs previous", "vs last-year"]) : "";
  return commandError(
    "unknown_word",
    `Unknown word ${echo(token.text)}${vsHint || " — expected a period (e.g. last-30d), vs previous|last-year or key=value"}`,
  );
}

/** Parses the words after the area; `help` anywhere among them asks for the area's help. */
export function parseQueryWords(area: Area, tokens: readonly Token[]): QueryWords | "help" {
  if (tokens.some((token) => !token.quoted && !token.filter && token.text.toLowerCase() === "help"))
    return "help";
  let period: PeriodSpec | undefined;
  let comparison: ComparisonMode | undefined;
  const filters: Record<string, string> = {};
  let rankWords: RankWords | undefined;
  for (let index = 0; index < tokens.length; ) {
    const token = tokens[index] as Token;
    const word = token.text.toLowerCase();
    if (token.filter && isRankKey(token.filter.key.toLowerCase())) {
      rankWords ??= {};
      readRankWord(token.filter.key.toLowerCase(), token.filter.value, rankWords);
      index += 1;
    } else if (token.filter) {
      readFilter(area, token.filter.key, token.filter.value, filters);
      index += 1;
    } else if (!token.quoted && word === "vs") {
      if (comparison) {
        throw commandError(
          "duplicate_comparison",
          `Compare once: ${listWords(["vs previous", "vs last-year"])}, not both.`,
        );
      }
      const [mode, used] = readComparison(tokens, index);
      comparison = mode;
      index += used;
    } else {
      const spec = token.quoted ? undefined : parsePeriod(word);
      if (!spec) throw unknownWord(area, token);
      if (period) {
        const both = `${echo(periodSpecToText(period))} and ${echo(periodSpecToText(spec))}`;
        throw commandError("duplicate_period", `Two periods given, ${both} — use one.`);
      }
      period = spec;
      index += 1;
    }
  }
  const rank = rankWords ? rankingOf(area, rankWords) : undefined;
  return { period, comparison, filters: filters as Filters, ...(rank ? { rank } : {}) };
}
