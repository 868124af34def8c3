/**
 * The first gate for command text: not empty, not too long, no invisible or control
 * characters. Returns the text trimmed, with every kind of space as " " and in NFC, so
 * `city=München` typed with a combining umlaut equals the precomposed one.
 */
import type { UserError } from "../errors.js";
import { commandError, listWords } from "./messages.js";

export const MAX_COMMAND_CHARS = 500;

/**
 * Rejected anywhere in a command: control characters other than tab/newline/CR (Cc),
 * format characters such as zero-width spaces, joiners, bidi overrides and the BOM (Cf),
 * private-use (Co) and lone surrogates (Cs; with the u flag a proper pair is one code
 * point and does not match), line/paragraph separators, noncharacters, and letters that
 * render as nothing (Hangul fillers, combining grapheme joiner, Khmer inherent vowels).
 */
const ODD_CHARACTER =
  /[\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}\uFFFE\uFFFF\u115F\u3164\uFFA0]|\u034F|\u1160|\u17B4|\u17B5/u;
const CONTROL_CHARACTER = /[^\P{Cc}\t\n\r]/u;
const ANY_SPACE = /[\s\p{Zs}]+/gu;

export function emptyCommandError(): UserError {
  return commandError("empty_command", `Empty command — ask e.g. ${listWords(["/kpi campaigns last-30d"])}.`);
}

function codePointCount(text: string, stopAfter: number): number {
  let count = 0;
  for (const _ of text) {
    count += 1;
    if (count > stopAfter) break;
  }
  return count;
}

export function guardCommandText(input: unknown): string {
  if (typeof input !== "string") throw emptyCommandError();
  if (
    input.length > MAX_COMMAND_CHARS &&
    codePointCount(input.trim(), MAX_COMMAND_CHARS) > MAX_COMMAND_CHARS
  ) {
    throw commandError(
      "command_too_long",
      `Command too long (more than ${MAX_COMMAND_CHARS} characters) — shorten it.`,
    );
  }
  const odd = CONTROL_CHARACTER.exec(input) ?? ODD_CHARACTER.exec(input);
  if (odd) {
    const codePoint = (odd[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    throw commandError(
      "invalid_character",
      `The command contains an invisible or control character (U+${codePoint}) — retype it without that character.`,
    );
  }
  const text = input.normalize("NFC").replace(ANY_SPACE, " ").trim();
  if (text === "") throw emptyCommandError();
  return text;
}
