/**
 * The words of a plain question, normalized once: lower case, accents and punctuation
 * gone (the filter matcher's normalization, so "München!" reads "munchen"), emoji dropped,
 * "the" left out. Words of the exact grammar (`platform=meta`, `last-30d`, `2026-10`,
 * `2026-10-01..2026-10-31`, `top=5`) and quoted text are kept whole.
 */
import { normalizeValue } from "../commands/filter-match.js";

export interface PlainWord {
  /** Normalized ("campaigns", "30", "munchen"); for a grammar word, the word lower-cased. */
  readonly text: string;
  /** `key=value` of the exact grammar, as typed. */
  readonly filter?: { readonly key: string; readonly value: string };
  /** A period word of the exact grammar (`last-30d`, `2026-10`, a range). */
  readonly grammar?: boolean;
  /** Text that was in quotes, as typed. */
  readonly quoted?: string;
}

const GRAMMAR_WORD =
  /^(?:last-\d+d|mtd|qtd|ytd|last-month|last-quarter|last-year|\d{4}-\d{2}(?:-\d{2})?(?:\.\.\d{4}-\d{2}-\d{2})?)$/u;
const FILTER_WORD = /^([a-z_]+)=(.+)$/iu;
const QUOTED = /["\u201C\u201D]([^"\u201C\u201D]+)["\u201C\u201D]/gu;
/** Words that never carry meaning in a question (removed before anything is read). */
const DROPPED = new Set(["the"]);

function plainWords(text: string): PlainWord[] {
  return normalizeValue(text)
    .split(" ")
    .filter((w) => w !== "" && !DROPPED.has(w))
    .map((w) => ({ text: w }));
}

/** The words of a question, in order. */
export function splitWords(text: string): PlainWord[] {
  const words: PlainWord[] = [];
  let last = 0;
  const pieces: { text: string; quoted?: string }[] = [];
  for (const match of text.matchAll(QUOTED)) {
    pieces.push({ text: text.slice(last, match.index) });
    pieces.push({ text: "", quoted: (match[1] ?? "").trim() });
    last = (match.index ?? 0) + match[0].length;
  }
  pieces.push({ text: text.slice(last) });
  for (const piece of pieces) {
    if (piece.quoted !== undefined) {
      if (piece.quoted !== "") words.push({ text: normalizeValue(piece.quoted), quoted: piece.quoted });
      continue;
    }
    for (const raw of piece.text.split(/\s+/u)) {
      const bare = raw.replace(/^[([{]+|[)\]},;:!?.]+$/gu, "");
      const filter = FILTER_WORD.exec(bare);
      if (filter) {
        words.push({
          text: bare.toLowerCase(),
          filter: { key: (filter[1] ?? "").toLowerCase(), value: filter[2] ?? "" },
        });
      } else if (GRAMMAR_WORD.test(bare.toLowerCase())) {
        words.push({ text: bare.toLowerCase(), grammar: true });
      } else {
        words.push(...plainWords(raw));
      }
    }
  }
  return words;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};

/** 5 for "5" or "five"; undefined otherwise. */
export function numberOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (/^\d{1,3}$/u.test(word)) return Number(word);
  return NUMBER_WORDS[word];
}

export const NUMBER_WORD_LIST: readonly string[] = Object.keys(NUMBER_WORDS);

/** Whether `phrase` stands in `words` from index i. */
export function startsWithPhrase(words: readonly string[], i: number, phrase: readonly string[]): boolean {
  return phrase.every((word, k) => words[i + k] === word);
}

/** The longest run of words from i (at most `max`) that `lookup` knows: its length and entry. */
export function longestPhrase<T>(
  words: readonly string[],
  i: number,
  lookup: (phrase: string) => T | undefined,
  max: number,
): [number, T] | undefined {
  for (let n = Math.min(max, words.length - i); n >= 1; n--) {
    const found = lookup(words.slice(i, i + n).join(" "));
    if (found !== undefined) return [n, found];
  }
  return undefined;
}
