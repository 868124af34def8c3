/**
 * parseCommand: chat text → what was asked. Grammar (DESIGN.md):
 *
 *   [/kpi|kpi] <area> [period] [vs previous|vs last-year] [key=value ...] [top=N|bottom=N] [by=<kpi>]
 *   [/kpi|kpi] help [<area>|metrics]        (also `<area> help`, `?`)
 *   [/kpi|kpi] subscribe|unsubscribe|subscriptions|pause|resume|status|alert|alerts [args ...]
 *
 * Words after the area come in any order; matching is case-insensitive; filter values
 * keep their case and may be quoted. Values are not checked against the data here (the
 * query layer does that); keys are checked against the area. Anything wrong throws a
 * one-line UserError with the nearest valid word and the usage line — nothing else.
 */

import { DEFAULT_PERIOD, isComparisonMode, type Query } from "../answer/query.js";
import { AREA_NAMES, AREA_WORDS, type Area, findArea } from "../areas/registry.js";
import { isUserError, type UserError } from "../errors.js";
import { checkExplain, parseExplain } from "./explain-words.js";
import { commandError, didYouMean, echo, listWords } from "./messages.js";
import { looksLikePeriod, validatePeriodSpec } from "./period-spec.js";
import { checkFilters, parseQueryWords } from "./query-words.js";
import { checkRanking } from "./rank-words.js";
import { suggest } from "./suggest.js";
import { emptyCommandError, guardCommandText } from "./text-guard.js";
import { type Token, tokenize } from "./tokenize.js";

/** Verbs of the coming subscription and status commands; parsed, not yet carried out. */
export const ADMIN_VERBS = [
  "subscribe",
  "unsubscribe",
  "subscriptions",
  "pause",
  "resume",
  "status",
  "alert",
  "alerts",
  "goal",
  "goals",
] as const;

export type AdminVerb = (typeof ADMIN_VERBS)[number];

export type HelpTopic = Area | "metrics" | "alerts" | "explain" | "goals";

export interface HelpCommand {
  readonly kind: "help";
  readonly topic?: HelpTopic;
}

export interface QueryCommand {
  readonly kind: "query";
  /** The query as data: canonical area (funnel → ad-performance), the period as written, comparison, filters as typed. */
  readonly query: Query<Area>;
}

export interface AdminCommand {
  readonly kind: "admin";
  readonly verb: AdminVerb;
  /** The remaining words, quotes removed. */
  readonly args: readonly string[];
}

export type ParsedCommand = HelpCommand | QueryCommand | AdminCommand;

const HELP_WORDS = ["help", "?"];
const TOPIC_WORDS = [...AREA_WORDS, "metrics", "alerts", "explain", "goals"];

function parseHelp(rest: readonly Token[]): HelpCommand {
  const [first] = rest;
  if (!first) return { kind: "help" };
  const word = first.text.toLowerCase();
  if (word === "metrics" || word === "metric") return { kind: "help", topic: "metrics" };
  if (word === "alerts" || word === "alert") return { kind: "help", topic: "alerts" };
  if (word === "explain" || word === "why") return { kind: "help", topic: "explain" };
  if (word === "goals" || word === "goal") return { kind: "help", topic: "goals" };
  const area = first.filter ? undefined : findArea(word);
  if (area) return { kind: "help", topic: area };
  const hint =
    didYouMean(suggest(word, TOPIC_WORDS)) || ` — topics are an area, ${listWords(["metrics", "alerts"])}`;
  throw commandError("unknown_help_topic", `Unknown help topic ${echo(first.text)}${hint}`);
}

function unknownArea(token: Token): UserError {
  const word = token.text.toLowerCase();
  if (!token.quoted && (token.filter || looksLikePeriod(word) || word === "vs")) {
    if (suggest(word, AREA_WORDS).length === 0) {
      return commandError(
        "missing_area",
        `Start with an area before ${echo(token.text)} — e.g. /kpi campaigns last-30d.`,
      );
    }
  }
  const hint = didYouMean(suggest(word, [...AREA_WORDS, ...HELP_WORDS, ...ADMIN_VERBS, "explain"]));
  return commandError(
    "unknown_area",
    `Unknown area ${echo(token.text)}${hint || ` — areas are ${AREA_NAMES.join(", ")}`}`,
  );
}

/**
 * A query that arrives as data (a button's payload, a stored subscription) checked as the
 * parser checks typed words: a known area (aliases resolved), a valid period, filters the
 * area accepts. Throws the same one-line UserErrors.
 */
export function checkQuery(query: Query): Query<Area> {
  const area = findArea(query.area);
  if (!area) throw unknownArea({ text: query.area, quoted: false });
  if (!isComparisonMode(query.comparison)) {
    throw commandError("unknown_comparison", `Unknown comparison ${echo(String(query.comparison))}.`);
  }
  return {
    area,
    period: validatePeriodSpec(query.period),
    comparison: query.comparison,
    filters: checkFilters(area, query.filters),
    ...(query.explain ? { explain: checkExplain(area, query.explain) } : {}),
    ...(query.rank && !query.explain ? { rank: checkRanking(area, query.rank) } : {}),
  };
}

/** The command the exact grammar reads in the text, or undefined where it reads none. */
export function tryParseCommand(input: string): ParsedCommand | undefined {
  try {
    return parseCommand(input);
  } catch (error) {
    if (isUserError(error)) return undefined;
    throw error;
  }
}

/** Parses one command; throws only UserError (see module comment). */
export function parseCommand(input: string): ParsedCommand {
  const tokens = tokenize(guardCommandText(input));
  const start = tokens[0];
  if (start && !start.quoted && !start.filter && /^\/?kpi$/iu.test(start.text)) tokens.shift();
  const [first, ...rest] = tokens;
  if (!first) throw emptyCommandError();
  const head = first.filter ? "" : first.text.toLowerCase();

  if (HELP_WORDS.includes(head)) return parseHelp(rest);
  if (head === "explain" || head === "why") return { kind: "query", query: parseExplain(rest) };
  const verb = ADMIN_VERBS.find((candidate) => candidate === head);
  if (verb) return { kind: "admin", verb, args: rest.map((token) => token.text) };
  const area = head === "" ? undefined : findArea(head);
  if (!area) throw unknownArea(first);

  const words = parseQueryWords(area, rest);
  if (words === "help") return { kind: "help", topic: area };
  return {
    kind: "query",
    query: {
      area,
      period: words.period ?? DEFAULT_PERIOD,
      comparison: words.comparison ?? "previous",
      filters: words.filters,
      ...(words.rank ? { rank: words.rank } : {}),
    },
  };
}
