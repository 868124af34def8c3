/**
 * The buttons under every answer: switch the period (7d / 30d / 90d / MTD), toggle
 * "vs last year", and "Download CSV". Each button's value is the answer's canonical
 * command text; its action id says what to change (see button-rerun.ts).
 */
import type { QueryCommand } from "../../commands/parse.js";
import type { PeriodWord } from "../../commands/period-spec.js";
import { MAX_BUTTON_VALUE_CHARS } from "./block-kit-limits.js";
import type { SlackBlock, SlackButton } from "./block-types.js";

export const ACTION_PREFIX = "kpi_";
export const COMPARE_ACTION = "kpi_compare";
export const CSV_ACTION = "kpi_csv";
export const ACTIONS_BLOCK_ID = "kpi_answer_actions";

/** Button label → period word, in the order shown. */
export const PERIOD_BUTTONS: readonly { readonly label: string; readonly word: PeriodWord }[] = [
  { label: "7d", word: "last-7d" },
  { label: "30d", word: "last-30d" },
  { label: "90d", word: "last-90d" },
  { label: "MTD", word: "mtd" },
];

export function periodActionId(word: PeriodWord): string {
  return `${ACTION_PREFIX}period_${word}`;
}

/** Areas whose answer does not depend on the period (stock is "as of now"). */
const PERIODLESS_AREAS = new Set(["stock"]);

function button(text: string, actionId: string, value: string, primary = false): SlackButton {
  return {
    type: "button",
    text: { type: "plain_text", text },
    action_id: actionId,
    value,
    ...(primary ? { style: "primary" as const } : {}),
  };
}

/** The actions block for an answer to `query`, or undefined when the command is too long for a button value. */
export function answerButtons(query: QueryCommand, hasTables: boolean): SlackBlock | undefined {
  const value = query.text;
  if (value.length > MAX_BUTTON_VALUE_CHARS) return undefined;
  const elements: SlackButton[] = [];
  if (!PERIODLESS_AREAS.has(query.area)) {
    const current = query.period.kind === "relative" ? query.period.word : undefined;
    for (const { label, word } of PERIOD_BUTTONS) {
      elements.push(button(label, periodActionId(word), value, word === current));
    }
    const lastYear = query.comparison === "last-year";
    elements.push(button(lastYear ? "vs previous period" : "vs last year", COMPARE_ACTION, value));
  }
  if (hasTables) elements.push(button("Download CSV", CSV_ACTION, value));
  if (elements.length === 0) return undefined;
  return { type: "actions", block_id: ACTIONS_BLOCK_ID, elements };
}
