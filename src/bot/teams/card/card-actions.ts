/**
 * An answer's actions (src/answer/actions.ts) as Adaptive Card buttons: each an
 * Action.Execute (verb ANSWER_VERB) whose data carries the action's payload
 * (src/commands/action-payload.ts), the current period highlighted; and the card's refresh,
 * which runs the answer's own query again (verb REFRESH_VERB). Teams posts the data back in an
 * `adaptiveCard/action` invoke (cards posted before Universal Actions: as the `value` of a
 * message activity); decodeSubmit turns it back into the same query as on Slack.
 */
import { z } from "zod";
import { type AnswerAction, PERIOD_ACTIONS } from "../../../answer/actions.js";
import { COMPARISON_MODES, type Query } from "../../../answer/query.js";
import {
  type DecodedAction,
  decodeAction,
  decodeLegacyAction,
  encodeAction,
  MAX_PAYLOAD_CHARS,
} from "../../../commands/action-payload.js";
import type { ExecuteAction, Refresh } from "./adaptive-card-types.js";

/** Marks our buttons' data, so that other submits are recognised as foreign. */
export const CARD_ACTION_KIND = "kpi-action";
/** The verb of an answer's buttons (Action.Execute). */
export const ANSWER_VERB = "kpi-action";
/** The verb of an answer card's refresh: the card's own query, answered again for the viewer. */
export const REFRESH_VERB = "kpi-refresh";
/** The data of buttons posted before payloads (the canonical command and what to change). */
const LEGACY_KIND = "kpi-rerun";

const submitSchema = z.object({
  kind: z.literal(CARD_ACTION_KIND),
  payload: z.string().min(1).max(MAX_PAYLOAD_CHARS),
});
const legacySchema = z.object({
  kind: z.literal(LEGACY_KIND),
  command: z.string().min(1).max(500),
  period: z.enum(PERIOD_ACTIONS.map((p) => p.word)).optional(),
  comparison: z.enum(COMPARISON_MODES).optional(),
});

/** The card's buttons for these actions. */
export function cardActions(actions: readonly AnswerAction[]): ExecuteAction[] {
  return actions.map((action) => ({
    type: "Action.Execute",
    title: action.label,
    verb: ANSWER_VERB,
    data: { kind: CARD_ACTION_KIND, payload: encodeAction(action) },
    ...(action.current ? { style: "positive" as const } : {}),
  }));
}

/**
 * The refresh of an answer card: its query answered again (as re-run). No userIds: Teams
 * refreshes the card for everyone in a conversation of at most 60 members, and offers
 * "Refresh card" in larger ones.
 */
export function answerRefresh(query: Query): Refresh {
  const payload = encodeAction({ id: "refresh", kind: "rerun", label: "Refresh", query });
  return {
    action: { type: "Action.Execute", verb: REFRESH_VERB, data: { kind: CARD_ACTION_KIND, payload } },
  };
}

/** Whether a submitted `value` is one of our buttons (it may still carry a bad query). */
export function isCardSubmit(value: unknown): boolean {
  return submitSchema.safeParse(value).success || legacySchema.safeParse(value).success;
}

/**
 * What a button asks for, or undefined when the value is not one of our buttons. Throws a
 * UserError (for the presser) when the query it carries no longer holds.
 */
export function decodeSubmit(value: unknown): DecodedAction | undefined {
  const current = submitSchema.safeParse(value);
  if (current.success) return decodeAction(current.data.payload);
  const legacy = legacySchema.safeParse(value);
  if (!legacy.success) return undefined;
  const { command, period, comparison } = legacy.data;
  const actionId = period ? `period_${period}` : "compare";
  return decodeLegacyAction(actionId, command, {
    ...(period ? { period } : {}),
    ...(comparison ? { comparison } : {}),
  });
}
