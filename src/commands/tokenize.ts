/**
 * Splits guarded command text (single spaces, see text-guard.ts) into words. A word is
 * either bare (`last-30d`, `city=Berlin`), wholly quoted (`"Black Friday"`), or a filter
 * whose value is quoted (`campaign="Black Friday"`). Quotes open only at the start of a
 * word or right after the first `=`, so apostrophes inside words (`city=O'Fallon`) are
 * plain characters. "…", “…” and '…', ‘…’ are accepted; a closing quote must end the word.
 */
import { commandError, echo } from "./messages.js";

export interface Token {
  /** The word without its quotes (`campaign=Black Friday`). */
  readonly text: string;
  /** Present when the word has an unquoted `=`: the part before it and the part after. */
  readonly filter?: { readonly key: string; readonly value: string };
  readonly quoted: boolean;
}

const DOUBLE = new Set(['"', "\u201C", "\u201D"]);
const SINGLE = new Set(["'", "\u2018", "\u2019"]);

function quoteFamily(char: string | undefined): Set<string> | undefined {
  if (char === undefined) return undefined;
  if (DOUBLE.has(char)) return DOUBLE;
  return SINGLE.has(char) ? SINGLE : undefined;
}

/**
 * Reads the quoted text opening at `open`: it closes at the first quote of the same kind
 * that ends the word (followed by a space or the end), so `'Mother's Day'` keeps its
 * apostrophe. Returns the text and the index after the closing quote.
 */
function readQuoted(text: string, open: number, wordStart: number): [string, number] {
  const family = quoteFamily(text[open]);
  for (let close = open + 1; close < text.length; close++) {
    const after = text[close + 1];
    if (family?.has(text[close] ?? "") && (after === undefined || after === " ")) {
      return [text.slice(open + 1, close), close + 1];
    }
  }
  throw commandError(
    "unclosed_quote",
    `Unclosed quote in ${echo(text.slice(wordStart))} — end the quoted value with a matching quote and a space.`,
  );
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === " ") {
      i++;
      continue;
    }
    if (quoteFamily(text[i])) {
      const [content, next] = readQuoted(text, i, i);
      tokens.push({ text: content, quoted: true });
      i = next;
      continue;
    }
    let j = i;
    while (j < text.length && text[j] !== " " && text[j] !== "=") j++;
    if (text[j] !== "=") {
      tokens.push({ text: text.slice(i, j), quoted: false });
      i = j;
      continue;
    }
    const key = text.slice(i, j);
    if (quoteFamily(text[j + 1])) {
      const [value, next] = readQuoted(text, j + 1, i);
      tokens.push({ text: `${key}=${value}`, filter: { key, value }, quoted: true });
      i = next;
      continue;
    }
    let k = j + 1;
    while (k < text.length && text[k] !== " ") k++;
    tokens.push({ text: text.slice(i, k), filter: { key, value: text.slice(j + 1, k) }, quoted: false });
    i = k;
  }
  return tokens;
}
