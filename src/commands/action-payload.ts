/**
 * An answer's action as a button payload, and back: the same on every platform. The payload
 * is the action's kind and query as compact JSON (a Slack button value, a Teams submit);
 * decoding checks it as typed text is checked, since it comes back from outside. Buttons
 * posted before this format carried the canonical command text; those still decode.
 */
import { z } from "zod";
import { ACTION_KINDS, type AnswerAction, COMPARE_ACTION_ID, CSV_ACTION_ID } from "../answer/actions.js";
import { querySchema } from "../answer/answer-schema.js";
import { isComparisonMode, isPeriodWord, type Query } from "../answer/query.js";
import type { Area } from "../areas/registry.js";
import { UserError } from "../errors.js";
import { checkQuery, parseCommand } from "./parse.js";

/** Slack's limit on a button value; our payloads are far shorter (filter values are short). */
export const MAX_PAYLOAD_CHARS = 2000;

export const STALE_ACTION_TEXT = "That button no longer works — ask again, e.g. `campaigns last-30d`.";

export interface DecodedAction {
  readonly kind: AnswerAction["kind"];
  readonly query: Query<Area>;
}

const payloadSchema = z.strictObject({ v: z.literal(1), do: z.enum(ACTION_KINDS), q: querySchema });

export function encodeAction(action: AnswerAction): string {
  return JSON.stringify({ v: 1, do: action.kind, q: action.query });
}

const stale = () => new UserError("stale_action", STALE_ACTION_TEXT);

/** The action a payload asks for; a UserError (one line, for the presser) when it is not one of ours. */
export function decodeAction(payload: string): DecodedAction {
  if (payload.length > MAX_PAYLOAD_CHARS) throw stale();
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    throw stale();
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) throw stale();
  return { kind: parsed.data.do, query: checkQuery(parsed.data.q) };
}

/**
 * A button of the earlier format: the answer's canonical command text, and what to change
 * (`period_<word>`, `compare`, `csv`). Bad text gets the parser's own one-line error.
 */
export function decodeLegacyAction(
  actionId: string,
  commandText: string,
  change: { readonly period?: string; readonly comparison?: string } = {},
): DecodedAction {
  const parsed = parseCommand(commandText);
  if (parsed.kind !== "query") throw stale();
  const { query } = parsed;
  if (actionId === CSV_ACTION_ID) return { kind: "csv", query };
  if (actionId === COMPARE_ACTION_ID) {
    const comparison =
      change.comparison !== undefined && isComparisonMode(change.comparison)
        ? change.comparison
        : query.comparison === "last-year"
          ? "previous"
          : "last-year";
    return { kind: "rerun", query: { ...query, comparison } };
  }
  const word = change.period ?? actionId.replace(/^period_/u, "");
  if (actionId.startsWith("period_") && isPeriodWord(word)) {
    return { kind: "rerun", query: { ...query, period: { kind: "relative", word } } };
  }
  throw stale();
}
