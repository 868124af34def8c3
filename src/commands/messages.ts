/**
 * How command errors read: one line, the offending word (shortened), the nearest valid
 * word when there is one, then the usage line. Never a newline, stack or SQL text.
 */
import { UserError } from "../errors.js";

export const USAGE = "Usage: /kpi <area> [period] [vs previous|vs last-year] [key=value ...] — try /kpi help";

/** Longest piece of user input a message repeats. */
export const MAX_ECHO_CHARS = 40;

/**
 * The user's word as a message may show it, in backticks: only its first whitespace-free
 * run, at most 40 characters (then …), without control characters or backticks. Showing
 * one run only is what keeps quoted input such as "x; DROP TABLE y" out of messages.
 */
export function echo(input: string): string {
  const cleaned = input.replace(/\p{C}/gu, "").replace(/`/gu, "'").trim();
  const [first = ""] = cleaned.split(/\s+/u);
  const chars = Array.from(first);
  const cut = chars.length > MAX_ECHO_CHARS || first.length < cleaned.length;
  const shown = chars.slice(0, cut ? MAX_ECHO_CHARS - 1 : MAX_ECHO_CHARS).join("");
  return `\`${shown}${cut ? "…" : ""}\``;
}

/**
 * A typed value (a filter value, which may be quoted and have spaces) as a message shows
 * it, whole: control characters removed, backticks made quotes, spaces collapsed, at most
 * 40 characters (then …).
 */
export function echoValue(input: string): string {
  const cleaned = input.replace(/\s+/gu, " ").replace(/\p{C}/gu, "").replace(/`/gu, "'").trim();
  const chars = Array.from(cleaned);
  const cut = chars.length > MAX_ECHO_CHARS;
  return `\`${chars.slice(0, cut ? MAX_ECHO_CHARS - 1 : MAX_ECHO_CHARS).join("")}${cut ? "…" : ""}\``;
}

/** "`a`", "`a` or `b`", "`a`, `b` or `c`". */
export function listWords(words: readonly string[], conjunction = "or"): string {
  const quoted = words.map((word) => `\`${word}\``);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/** " — did you mean `a` or `b`?" or "" when there is nothing to suggest. */
export function didYouMean(suggestions: readonly string[]): string {
  return suggestions.length === 0 ? "" : ` — did you mean ${listWords(suggestions)}?`;
}

/** A UserError for bad command text: the message plus the usage line, on one line. */
export function commandError(code: string, message: string): UserError {
  const line = message.replace(/\s+/gu, " ").trim();
  const ended = /[.?!]$/u.test(line) ? line : `${line}.`;
  return new UserError(code, `${ended} ${USAGE}`);
}
