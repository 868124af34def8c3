/**
 * A message in a thread that has a context: read as a follow-up of the thread's last query
 * when it names only what changes (src/language/follow-up-reader.ts reads it, src/commands/
 * follow-up.ts has the merge rules), otherwise left to be read as a question of its own. What a
 * thread remembers after an answer is made here too.
 */
import type { Answer, Reading } from "../../answer/answer.js";
import type { Query } from "../../answer/query.js";
import { canExplain } from "../../areas/explain-families.js";
import type { Area } from "../../areas/registry.js";
import { queryToText } from "../../commands/command-text.js";
import { applyFollowUp } from "../../commands/follow-up.js";
import { readFollowUp } from "../../language/follow-up-reader.js";
import { heardLine } from "../../language/heard-line.js";
import type { Vocabulary } from "../../language/vocabulary.js";
import type { ThreadContext, ThreadContexts } from "./thread-context-store.js";

export interface FollowUp {
  readonly query: Query<Area>;
  /** Misspellings the reader corrected. */
  readonly guesses: readonly string[];
}

/**
 * The query a follow-up asks for, or undefined when `text` is a question of its own or the
 * thread has no live context. Throws the one-line UserError of a follow-up that does not fit the
 * thread's query (a filter its area does not have, a KPI it cannot explain).
 */
export async function followUpQuery(
  text: string,
  thread: string,
  contexts: ThreadContexts,
  vocabulary: () => Promise<Vocabulary>,
): Promise<FollowUp | undefined> {
  const context = await contexts.recall(thread);
  if (!context) return undefined;
  const reading = readFollowUp(text, await vocabulary(), context.query.area);
  if (!reading) return undefined;
  return {
    query: applyFollowUp(context.query, reading.parts, context.headlineKpi),
    guesses: reading.guesses,
  };
}

/** What the thread keeps of an answer: its query, and the first KPI with a change that `why` can explain. */
export function contextOfAnswer(answer: Answer, query: Query, userId: string): ThreadContext {
  const explainable = answer.kpis.filter((kpi) => canExplain(query.area, kpi.key));
  const headline =
    query.explain?.kpi ?? (explainable.find((kpi) => kpi.change !== null) ?? explainable[0])?.key;
  return { query, userId, ...(headline ? { headlineKpi: headline } : {}) };
}

/** How a follow-up was read, as plain questions' readings are (the answer shows it first, with the echo). */
export function readingOf(followUp: FollowUp, vocabulary: Vocabulary): Reading {
  return {
    heard: heardLine(followUp.query, vocabulary),
    echo: queryToText(followUp.query),
    guesses: followUp.guesses,
  };
}
