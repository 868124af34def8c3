/**
 * The KPI engine's one entry point: command text in, an Answer (or help text) out.
 * Parse → resolve the period in the report time zone → match filters against what exists
 * → the area's queries → the Answer. Used alike by Slack, Teams, the scheduler and the CLI.
 */
import type { Answer } from "../answer/answer.js";
import { AREA_BUILDERS } from "../areas/area-answers.js";
import type { AreaContext } from "../areas/area-context.js";
import type { ReportingSource } from "../areas/reporting-source.js";
import { UserError } from "../errors.js";
import { resolveFilters } from "./filter-match.js";
import { helpText } from "./help.js";
import { parseCommand, type QueryCommand } from "./parse.js";
import { comparisonPeriod, resolvePeriodWithNotes } from "./period.js";

export interface EngineDeps {
  readonly source: ReportingSource;
  /** The clock: what "today" is. */
  readonly now: () => Date;
  /** IANA zone in which periods resolve. */
  readonly timeZone: string;
}

export type CommandOutcome =
  | { readonly kind: "answer"; readonly answer: Answer; readonly query: QueryCommand }
  | { readonly kind: "help"; readonly text: string };

export async function runCommand(text: string, deps: EngineDeps): Promise<CommandOutcome> {
  const command = parseCommand(text);
  if (command.kind === "help") return { kind: "help", text: helpText(command.topic) };
  if (command.kind === "admin") {
    throw new UserError(
      "chat_only",
      `\`${command.verb}\` works in Slack and Teams, for the channel it is typed in; from a terminal use npx kpi subscriptions.`,
    );
  }
  return { kind: "answer", answer: await answerQuery(command, deps), query: command };
}

export async function answerQuery(query: QueryCommand, deps: EngineDeps): Promise<Answer> {
  const { period, notes } = resolvePeriodWithNotes(query.period, {
    now: deps.now(),
    timeZone: deps.timeZone,
  });
  const comparison = query.area === "stock" ? null : comparisonPeriod(period, query.comparison);
  const filters = await resolveFilters(query.filters, (key) => deps.source.filterOptions(key));
  const context: AreaContext = {
    area: query.area,
    period,
    comparison: comparison ? { from: comparison.from, to: comparison.to } : null,
    filters,
    notes,
  };
  return AREA_BUILDERS[query.area](context, deps.source);
}
