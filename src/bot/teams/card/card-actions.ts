/**
 * The card's buttons: switch the period (7 d, 30 d, 90 d, month to date) and toggle the
 * comparison (previous period ↔ last year). Each is an Action.Submit whose data carries the
 * canonical command text and the change; Teams posts that data back as the `value` of a
 * message activity, and submittedCommand turns it into the command text to run.
 */
import { z } from "zod";
import { queryToText } from "../../../commands/command-text.js";
import { parseCommand, type QueryCommand } from "../../../commands/parse.js";
import type { PeriodWord } from "../../../commands/period-spec.js";
import type { SubmitAction } from "./adaptive-card-types.js";

/** Marks our buttons' data, so that other submits are recognised as foreign. */
export const CARD_ACTION_KIND = "kpi-rerun";
/** Longest command text a button may carry (commands are short; this bounds what we parse). */
const MAX_COMMAND_LENGTH = 500;

const BUTTON_PERIODS = ["last-7d", "last-30d", "last-90d", "mtd"] as const satisfies readonly PeriodWord[];
type ButtonPeriod = (typeof BUTTON_PERIODS)[number];

export const PERIOD_BUTTONS: readonly { readonly word: ButtonPeriod; readonly title: string }[] = [
  { word: "last-7d", title: "7 days" },
  { word: "last-30d", title: "30 days" },
  { word: "last-90d", title: "90 days" },
  { word: "mtd", title: "Month to date" },
];

const submitSchema = z.object({
  kind: z.literal(CARD_ACTION_KIND),
  command: z.string().min(1).max(MAX_COMMAND_LENGTH),
  period: z.enum(BUTTON_PERIODS).optional(),
  comparison: z.enum(["previous", "last-year"]).optional(),
});

export type CardSubmit = z.infer<typeof submitSchema>;

const currentWord = (query: QueryCommand): string | undefined =>
  query.period.kind === "relative" ? query.period.word : undefined;

/** The buttons for a card that answers `query`; areas without a comparison get no toggle. */
export function cardActionsFor(query: QueryCommand, options: { hasComparison: boolean }): SubmitAction[] {
  const actions: SubmitAction[] = PERIOD_BUTTONS.filter((b) => b.word !== currentWord(query)).map((b) => ({
    type: "Action.Submit",
    title: b.title,
    data: { kind: CARD_ACTION_KIND, command: query.text, period: b.word } satisfies CardSubmit,
  }));
  if (options.hasComparison) {
    const toLastYear = query.comparison !== "last-year";
    actions.push({
      type: "Action.Submit",
      title: toLastYear ? "vs last year" : "vs previous period",
      data: {
        kind: CARD_ACTION_KIND,
        command: query.text,
        comparison: toLastYear ? "last-year" : "previous",
      } satisfies CardSubmit,
    });
  }
  return actions;
}

/** Whether a submitted `value` is one of our buttons (it may still carry a bad command). */
export function isCardSubmit(value: unknown): boolean {
  return submitSchema.safeParse(value).success;
}

/**
 * The command text a button asks for, or undefined when the value is not one of our buttons.
 * Throws the parser's UserError when the carried command no longer parses.
 */
export function submittedCommand(value: unknown): string | undefined {
  const parsed = submitSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const query = parseCommand(parsed.data.command);
  if (query.kind !== "query") return undefined;
  return queryToText({
    area: query.area,
    period: parsed.data.period ? { kind: "relative", word: parsed.data.period } : query.period,
    comparison: parsed.data.comparison ?? query.comparison,
    filters: query.filters,
  });
}
