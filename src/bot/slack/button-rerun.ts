/**
 * What a pressed answer button asks for: the command text to run again (with the period
 * or the comparison changed), or the CSV of the answer. Button values come back from
 * Slack, so they are parsed like any typed command; anything odd is a UserError.
 */
import { queryToText } from "../../commands/command-text.js";
import { parseCommand, type QueryCommand } from "../../commands/parse.js";
import { PERIOD_WORDS, type PeriodWord } from "../../commands/period-spec.js";
import { UserError } from "../../errors.js";
import { ACTION_PREFIX, COMPARE_ACTION, CSV_ACTION } from "./answer-buttons.js";

export type ButtonRequest =
  | { readonly kind: "rerun"; readonly text: string }
  | { readonly kind: "csv"; readonly text: string };

function parseQuery(value: string): QueryCommand {
  const parsed = parseCommand(value);
  if (parsed.kind !== "query") {
    throw new UserError("bad_button", "That button no longer works — ask again with /kpi.");
  }
  return parsed;
}

export function buttonRequest(actionId: string, value: string): ButtonRequest {
  if (actionId === CSV_ACTION) return { kind: "csv", text: parseQuery(value).text };
  const query = parseQuery(value);
  if (actionId === COMPARE_ACTION) {
    const comparison = query.comparison === "last-year" ? "previous" : "last-year";
    return { kind: "rerun", text: queryToText({ ...query, comparison }) };
  }
  const word = actionId.slice(`${ACTION_PREFIX}period_`.length);
  if (actionId.startsWith(`${ACTION_PREFIX}period_`) && isPeriodWord(word)) {
    return { kind: "rerun", text: queryToText({ ...query, period: { kind: "relative", word } }) };
  }
  throw new UserError("bad_button", "That button no longer works — ask again with /kpi.");
}

function isPeriodWord(word: string): word is PeriodWord {
  return (PERIOD_WORDS as readonly string[]).includes(word);
}
