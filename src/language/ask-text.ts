/**
 * Chat and terminal text → the command it asks, the one entry point for every surface: the
 * exact grammar first (anything it parses is answered exactly as before), then the plain
 * reader. A plain question read with confidence becomes the query plus how it was read (the
 * answer shows it, with the exact-grammar echo); a doubtful one becomes "did you mean …" with
 * the closest readings as actions (buttons); what cannot be read is a one-line UserError —
 * the exact grammar's own error when the text began like a command (`campaigns last-3d`).
 */
import type { AnswerAction } from "../answer/actions.js";
import type { Reading } from "../answer/answer.js";
import { PERIOD_WORDS } from "../answer/query.js";
import { AREA_WORDS } from "../areas/registry.js";
import { queryToText } from "../commands/command-text.js";
import { ADMIN_VERBS, type ParsedCommand, parseCommand, tryParseCommand } from "../commands/parse.js";
import { guardCommandText } from "../commands/text-guard.js";
import { isUserError, UserError } from "../errors.js";
import { readPlainQuestion } from "./read-question.js";
import type { Vocabulary } from "./vocabulary.js";

export type ReadText =
  | { readonly kind: "command"; readonly command: ParsedCommand; readonly reading?: Reading }
  | { readonly kind: "suggest"; readonly message: string; readonly actions: readonly AnswerAction[] };

const COMMAND_HEADS = new Set<string>([...ADMIN_VERBS, "help", "?", "explain", "why", "kpi", "/kpi"]);
const GRAMMAR_WORD = /=|^last-\d+d$|^\d{4}-\d{2}/u;
const EXACT_WORDS = new Set<string>([...PERIOD_WORDS, "vs", "previous", "last-year"]);

/** Text that reads as an attempt at the exact grammar: a command word first and a grammar word (`x=y`, `last-30d`). */
function looksLikeCommand(text: string): boolean {
  const words = text.trim().toLowerCase().split(/\s+/u);
  const head = words[0] ?? "";
  if (COMMAND_HEADS.has(head) && !AREA_WORDS.includes(head)) return true;
  return AREA_WORDS.includes(head) && words.slice(1).some((w) => GRAMMAR_WORD.test(w));
}

/** Every word after the first is one of the exact grammar's (`campagns last-30d`, a lone `campains`). */
function exactShaped(text: string): boolean {
  return text
    .trim()
    .toLowerCase()
    .split(/\s+/u)
    .slice(1)
    .every((w) => EXACT_WORDS.has(w) || GRAMMAR_WORD.test(w));
}

/** The label of a reading's button: its exact-grammar text, short. */
const readingLabel = (text: string): string => (text.length > 70 ? `${text.slice(0, 69)}…` : text);

/** Whether the exact grammar reads the text on its own (a whole command: no thread context needed). */
export function parsesExactly(text: string): boolean {
  return tryParseCommand(text) !== undefined;
}

export async function readCommandText(
  text: string,
  vocabulary: () => Promise<Vocabulary>,
): Promise<ReadText> {
  let exactError: UserError;
  try {
    return { kind: "command", command: parseCommand(text) };
  } catch (error) {
    if (!isUserError(error)) throw error;
    exactError = error;
  }
  try {
    guardCommandText(text);
  } catch {
    throw exactError;
  }
  // A misspelt command keeps the exact grammar's "did you mean …" (the nearest word is the lesson).
  if (exactShaped(text) && exactError.message.includes("did you mean")) throw exactError;
  const reading = readPlainQuestion(text, await vocabulary());
  if (reading.kind === "query") {
    return {
      kind: "command",
      command: { kind: "query", query: reading.query },
      reading: { heard: reading.heard, echo: reading.echo, guesses: reading.guesses },
    };
  }
  if (looksLikeCommand(text)) throw exactError;
  if (reading.kind === "refuse") throw new UserError("not_understood", reading.message);
  return {
    kind: "suggest",
    message: reading.message,
    actions: reading.readings.map((query, i) => ({
      id: `reading_${i + 1}`,
      kind: "rerun",
      label: readingLabel(reading.echoes[i] ?? queryToText(query)),
      query,
    })),
  };
}
