/**
 * An answer's actions (src/answer/actions.ts) as Block Kit buttons: the current period
 * highlighted, each button's value the action's payload (src/commands/action-payload.ts) and
 * its action id `kpi_<action id>`. A press is decoded by decodeButton, on Slack as on Teams.
 */
import { type AnswerAction, isExplainAction } from "../../answer/actions.js";
import {
  type DecodedAction,
  decodeAction,
  decodeLegacyAction,
  encodeAction,
} from "../../commands/action-payload.js";
import {
  MAX_ACTIONS_ELEMENTS,
  MAX_BUTTON_TEXT_CHARS,
  MAX_BUTTON_VALUE_CHARS,
  truncate,
} from "./block-kit-limits.js";
import type { SlackBlock, SlackButton } from "./block-types.js";

export const ACTION_PREFIX = "kpi_";
export const ACTIONS_BLOCK_ID = "kpi_answer_actions";
/** The Explain buttons of an answer's KPIs (or an explanation's "By …" buttons) get a row of their own. */
export const EXPLAIN_BLOCK_ID = "kpi_explain_actions";

function button(action: AnswerAction): SlackButton | undefined {
  const value = encodeAction(action);
  if (value.length > MAX_BUTTON_VALUE_CHARS) return undefined;
  return {
    type: "button",
    text: { type: "plain_text", text: truncate(action.label, MAX_BUTTON_TEXT_CHARS) },
    action_id: `${ACTION_PREFIX}${action.id}`,
    value,
    ...(action.current ? { style: "primary" as const } : {}),
  };
}

/** The actions block for an answer, or undefined when it has no actions (or they would not fit). */
export function answerButtons(
  actions: readonly AnswerAction[],
  blockId = ACTIONS_BLOCK_ID,
): SlackBlock | undefined {
  const elements = actions.slice(0, MAX_ACTIONS_ELEMENTS).map(button);
  if (elements.length === 0 || elements.some((e) => e === undefined)) return undefined;
  return { type: "actions", block_id: blockId, elements: elements as SlackButton[] };
}

/** The answer's buttons: period, comparison and CSV in one row, Explain buttons in the next. */
export function answerButtonBlocks(actions: readonly AnswerAction[]): SlackBlock[] {
  return [
    answerButtons(actions.filter((a) => !isExplainAction(a))),
    answerButtons(actions.filter(isExplainAction), EXPLAIN_BLOCK_ID),
  ].filter((b): b is SlackBlock => b !== undefined);
}

/** What a pressed button asks for: its payload, or (buttons posted before payloads) its command text. */
export function decodeButton(actionId: string, value: string): DecodedAction {
  if (value.startsWith("{")) return decodeAction(value);
  return decodeLegacyAction(actionId.slice(ACTION_PREFIX.length), value);
}
