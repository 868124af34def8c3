/**
 * Comparison phrases → `vs previous` or `vs last-year`. "vs/compared to/against/than" followed
 * by a year-ago phrase is last year; followed by any other period phrase ("the week before",
 * "last month", "previous") it is the previous period, as the exact grammar defines it
 * (src/commands/comparison-period.ts). "yoy" is last year; "mom", "wow", "dod" are previous.
 */
import type { ComparisonMode, PeriodSpec } from "../answer/query.js";
import { startsWithPhrase } from "./plain-words.js";

export interface ComparisonRead {
  readonly length: number;
  readonly mode: ComparisonMode;
  /** "mom", "wow", "dod" also say which period, when none other is named. */
  readonly period?: PeriodSpec;
}

const CUES: readonly (readonly string[])[] = [
  ["compared", "to"],
  ["compared", "with"],
  ["compare", "to"],
  ["compare", "with"],
  ["comparing", "to"],
  ["relative", "to"],
  ["in", "comparison", "to"],
  ["vs"],
  ["versus"],
  ["v"],
  ["against"],
  ["than"],
  ["compared"],
];

const YEAR_AGO: readonly (readonly string[])[] = [
  ["same", "period", "last", "year"],
  ["same", "time", "last", "year"],
  ["same", "days", "last", "year"],
  ["same", "dates", "last", "year"],
  ["same", "week", "last", "year"],
  ["same", "month", "last", "year"],
  ["same", "period", "a", "year", "ago"],
  ["a", "year", "ago"],
  ["a", "year", "earlier"],
  ["year", "before"],
  ["last", "year"],
  ["last", "years"],
  ["previous", "year"],
  ["prior", "year"],
  ["ly"],
  ["py"],
  ["last", "yr"],
  ["lastyear"],
];

const BEFORE: readonly (readonly string[])[] = [
  ["previous", "period"],
  ["prior", "period"],
  ["period", "before"],
  ["last", "period"],
  ["day", "before"],
  ["week", "before"],
  ["month", "before"],
  ["quarter", "before"],
  ["previous", "day"],
  ["previous", "week"],
  ["previous", "month"],
  ["previous", "quarter"],
  ["previous", "days"],
  ["prior", "week"],
  ["prior", "month"],
  ["last", "week"],
  ["last", "month"],
  ["last", "quarter"],
  ["week", "prior"],
  ["yesterday"],
  ["previous"],
  ["prior"],
  ["before"],
  ["pp"],
];

const SHORTHANDS: Readonly<Record<string, ComparisonRead>> = {
  yoy: { length: 1, mode: "last-year" },
  mom: { length: 1, mode: "previous", period: { kind: "relative", word: "mtd" } },
  wow: { length: 1, mode: "previous", period: { kind: "relative", word: "last-7d" } },
  dod: { length: 1, mode: "previous", period: { kind: "relative", word: "yesterday" } },
};

const OVER: readonly (readonly [readonly string[], ComparisonRead])[] = [
  [["year", "over", "year"], { length: 3, mode: "last-year" }],
  [["year", "on", "year"], { length: 3, mode: "last-year" }],
  [["y", "y"], { length: 2, mode: "last-year" }],
  [["month", "over", "month"], { length: 3, mode: "previous", period: { kind: "relative", word: "mtd" } }],
  [["month", "on", "month"], { length: 3, mode: "previous", period: { kind: "relative", word: "mtd" } }],
  [["week", "over", "week"], { length: 3, mode: "previous", period: { kind: "relative", word: "last-7d" } }],
  [["week", "on", "week"], { length: 3, mode: "previous", period: { kind: "relative", word: "last-7d" } }],
  [["day", "over", "day"], { length: 3, mode: "previous", period: { kind: "relative", word: "yesterday" } }],
];

function longest(words: readonly string[], i: number, phrases: readonly (readonly string[])[]): number {
  let best = 0;
  for (const phrase of phrases)
    if (phrase.length > best && startsWithPhrase(words, i, phrase)) best = phrase.length;
  return best;
}

/** The comparison phrase starting at words[i], if any. */
export function readComparisonAt(words: readonly string[], i: number): ComparisonRead | undefined {
  const short = SHORTHANDS[words[i] ?? ""];
  if (short) return short;
  for (const [phrase, read] of OVER) if (startsWithPhrase(words, i, phrase)) return read;
  const cue = longest(words, i, CUES);
  if (cue === 0) {
    const ago = longest(words, i, [
      ["a", "year", "ago"],
      ["same", "period", "last", "year"],
      ["same", "time", "last", "year"],
    ]);
    return ago > 0 ? { length: ago, mode: "last-year" } : undefined;
  }
  const yearAgo = longest(words, i + cue, YEAR_AGO);
  if (yearAgo > 0) return { length: cue + yearAgo, mode: "last-year" };
  const before = longest(words, i + cue, BEFORE);
  if (before > 0) return { length: cue + before, mode: "previous" };
  return undefined;
}

export const COMPARISON_VOCABULARY: readonly string[] = [
  ...new Set(
    [...CUES, ...YEAR_AGO, ...BEFORE, ...OVER.map(([phrase]) => phrase)]
      .flat()
      .concat(Object.keys(SHORTHANDS)),
  ),
];
