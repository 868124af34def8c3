/**
 * The canonical text of a query: lower-case area and period, `vs last-year` only when
 * asked, filters in a fixed order, values quoted only when needed. Parsing it gives the
 * same query back, so it can be logged, stored (subscriptions) and shown.
 */
import { FILTER_KEYS, type Filters, periodSpecToText, type Query } from "../answer/query.js";
import { rankToText } from "./rank-words.js";

const QUOTE_START = /^["'\u2018\u2019\u201C\u201D]/u;
const DOUBLE_QUOTE = /["\u201C\u201D]/u;
const SINGLE_QUOTE_ENDING_WORD = /['\u2018\u2019] /u;

/**
 * A filter value as a command word: bare, or in quotes that nothing inside would close
 * (a quote closes only when a space follows it; see tokenize.ts): double quotes unless
 * the value has some. A value the tokenizer produced never has both a `" ` and a `' `
 * inside, so one of the two always fits.
 */
export function quoteValue(value: string): string {
  if (!/\s/u.test(value) && !QUOTE_START.test(value)) return value;
  if (!DOUBLE_QUOTE.test(value) || SINGLE_QUOTE_ENDING_WORD.test(value)) return `"${value}"`;
  return `'${value}'`;
}

/** `campaigns mtd vs last-year platform=meta campaign="Black Friday"` (`explain campaigns roas … by=platform`): parses back to the same query. */
export function queryToText(query: Query): string {
  const words: string[] = query.explain
    ? ["explain", query.area, query.explain.kpi, periodSpecToText(query.period)]
    : [query.area, periodSpecToText(query.period)];
  if (query.comparison === "last-year") words.push("vs last-year");
  const filters = filtersToText(query.filters);
  if (filters !== "") words.push(filters);
  if (query.explain?.by) words.push(`by=${query.explain.by}`);
  if (query.rank && !query.explain) words.push(rankToText(query.rank));
  return words.join(" ");
}

/** `platform=meta city="Bad Homburg"`, in the fixed key order ("" without filters). */
export function filtersToText(filters: Filters): string {
  const words: string[] = [];
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined) words.push(`${key}=${quoteValue(value)}`);
  }
  return words.join(" ");
}
