/**
 * Which parts of a query a follow-up names, read with the exact grammar's own words: a period
 * word (`last-90d`, `2026-10`), `vs previous|last-year`, `key=value` filters, `only`, `why` or
 * `explain` (with a KPI and `by=`), `chart`, and the joining words `and`, `as`, `a`, `instead`,
 * `please`; a trailing `?` or `!` is ignored. Undefined when the text is not a follow-up: it
 * names an area, starts with a command (help, subscribe, …), names nothing, or has any other word
 * — then it is read as a question of its own, with that reader's errors.
 */
import { type ComparisonMode, isComparisonMode, isFilterKey } from "../answer/query.js";
import { EXPLAINABLE_KPIS } from "../areas/explain-families.js";
import { findArea } from "../areas/registry.js";
import { type FollowUpParts, namesNothing } from "./follow-up.js";
import { ADMIN_VERBS } from "./parse.js";
import { parsePeriod } from "./period-spec.js";
import { guardCommandText } from "./text-guard.js";
import { type Token, tokenize } from "./tokenize.js";

const JOINING = new Set(["and", "as", "a", "instead", "please"]);
const COMMANDS = new Set<string>(["help", "kpi", "/kpi", ...ADMIN_VERBS]);

interface Reading {
  period?: FollowUpParts["period"];
  comparison?: FollowUpParts["comparison"];
  filters: Record<string, string>;
  only?: boolean;
  why?: { kpi?: string; by?: string };
  chart?: boolean;
}

/** `vs <mode>` at tokens[index]: the mode and how many words it used, or undefined. */
function readComparison(tokens: readonly Token[], index: number): [ComparisonMode, number] | undefined {
  const mode = tokens[index + 1]?.text.toLowerCase() ?? "";
  if (isComparisonMode(mode)) return [mode, 2];
  if (mode === "last" && tokens[index + 2]?.text.toLowerCase() === "year") return ["last-year", 3];
  return undefined;
}

function readFilter(token: Token, reading: Reading): boolean {
  const key = token.filter?.key.toLowerCase() ?? "";
  const value = token.filter?.value ?? "";
  if (key === "by" && reading.why) {
    reading.why.by = value;
    return true;
  }
  if (!isFilterKey(key) || reading.filters[key] !== undefined) return false;
  reading.filters[key] = value;
  return true;
}

/** Reads one word (and what it takes after it); returns how many words it used, 0 when it is not a follow-up's. */
function readWord(tokens: readonly Token[], index: number, reading: Reading): number {
  const token = tokens[index] as Token;
  const word = token.text.toLowerCase();
  if (token.filter) return readFilter(token, reading) ? 1 : 0;
  if (token.quoted) return 0;
  if (word === "vs") {
    const comparison = readComparison(tokens, index);
    if (!comparison || reading.comparison) return 0;
    reading.comparison = comparison[0];
    return comparison[1];
  }
  if (word === "why" || word === "explain") {
    const kpi = tokens[index + 1]?.text.toLowerCase();
    const named = kpi !== undefined && EXPLAINABLE_KPIS.includes(kpi);
    reading.why = named ? { kpi } : {};
    return named ? 2 : 1;
  }
  if (word === "only") reading.only = true;
  else if (word === "chart") reading.chart = true;
  else if (!JOINING.has(word)) {
    const period = reading.period || findArea(word) ? undefined : parsePeriod(word);
    if (!period) return 0;
    reading.period = period;
  }
  return 1;
}

/** The parts a follow-up names, or undefined when the text is not one (see the module comment). */
export function readFollowUpWords(text: string): FollowUpParts | undefined {
  let tokens: Token[];
  try {
    tokens = tokenize(guardCommandText(text.replace(/[?!.]+\s*$/u, "")));
  } catch {
    return undefined;
  }
  const head = tokens[0];
  if (!head || (!head.filter && (COMMANDS.has(head.text.toLowerCase()) || findArea(head.text)))) {
    return undefined;
  }
  const reading: Reading = { filters: {} };
  for (let index = 0; index < tokens.length; ) {
    const used = readWord(tokens, index, reading);
    if (used === 0) return undefined;
    index += used;
  }
  const parts: FollowUpParts = {
    ...(reading.period ? { period: reading.period } : {}),
    ...(reading.comparison ? { comparison: reading.comparison } : {}),
    ...(Object.keys(reading.filters).length > 0 ? { filters: reading.filters } : {}),
    ...(reading.only ? { only: true } : {}),
    ...(reading.why ? { why: reading.why } : {}),
    ...(reading.chart ? { chart: true } : {}),
  };
  return namesNothing(parts) ? undefined : parts;
}
