/** Turns an area's definition into a module: its Answer's frame (title, period, query, actions) around what it builds. */

import { answerActions } from "../answer/actions.js";
import type { Answer } from "../answer/answer.js";
import { coverageNote, coverParts } from "../answer/coverage.js";
import { formatDateRange } from "../calendar/date-format.js";
import { headingOf } from "../metrics/measures.js";
import type { AnswerParts, AreaContext, AreaDefinition, AreaModule } from "./area-module.js";
import { canExplain, familyOfArea } from "./explain-families.js";
import { describeFilters, filterSetNotes } from "./filters/filter-types.js";
import { rankParts } from "./rank-parts.js";

/** An answer's frame (title, period, notes, query, actions, coverage) around what was built for it. */
export function frameAnswer(
  definition: Pick<AreaDefinition<unknown>, "name" | "title" | "asOfNow">,
  context: AreaContext,
  built: AnswerParts,
): Answer {
  const covered = context.coverage ? { ...built, ...coverParts(built, context.coverage) } : built;
  const parts = context.query.rank ? rankParts(covered, context.query.rank) : covered;
  const subtitle = chartSubtitle(definition, context);
  const title = [definition.title, context.period.label, describeFilters(context.filters)]
    .filter((part) => part !== "")
    .join(" · ");
  return {
    area: definition.name,
    title,
    period: context.period,
    comparison: context.comparison ? { from: context.comparison.from, to: context.comparison.to } : null,
    kpis: parts.kpis,
    tables: parts.tables,
    charts: parts.charts.map((chart) => ({ ...chart, subtitle })),
    notes: [
      ...context.notes,
      ...coverageLine(context),
      ...filterSetNotes(context.filters),
      ...(parts.notes ?? []),
    ],
    query: context.query,
    actions: answerActions(context.query, {
      asOfNow: definition.asOfNow === true,
      hasTables: parts.tables.length > 0,
      explainable: context.comparison
        ? parts.kpis
            .filter((k) => canExplain(definition.name, k.key))
            .map((k) => ({ key: k.key, label: k.label }))
        : [],
      dimensions: (familyOfArea(definition.name)?.dimensions ?? []).map((d) => ({
        key: d,
        label: headingOf(d).toLowerCase(),
      })),
    }),
    coverage: context.coverage ?? null,
  };
}

/** What a chart shows, under its title: the period's dates (or "as of" day) and the filters. */
function chartSubtitle(definition: Pick<AreaDefinition<unknown>, "asOfNow">, context: AreaContext): string {
  const { from, to } = context.period;
  const when = definition.asOfNow === true ? `as of ${formatDateRange(to, to)}` : formatDateRange(from, to);
  return [when, describeFilters(context.filters)].filter((part) => part !== "").join(" · ");
}

function coverageLine(context: AreaContext): string[] {
  const note = coverageNote({ ...context, coverage: context.coverage ?? null });
  return note ? [note] : [];
}

export function defineArea<Data extends Prior, Name extends string, Prior = Data>(
  definition: AreaDefinition<Data, Name, Prior>,
): AreaModule<Data, Name, Prior> {
  const answerFrom = (context: AreaContext, current: Data, previous: Prior | null) =>
    frameAnswer(definition, context, definition.build(context, current, previous));
  const loadPrior = definition.loadPrior ?? definition.load;
  return {
    ...definition,
    answerFrom,
    async answer(context, read) {
      const { comparison, filters } = context;
      const [current, previous] = await Promise.all([
        read((db) => definition.load(db, context.period, filters)),
        comparison ? read((db) => loadPrior(db, comparison, filters)) : Promise.resolve(null),
      ]);
      return answerFrom(context, current, previous);
    },
  };
}
