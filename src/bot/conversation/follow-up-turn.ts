/**
 * A message in a thread that has a context: read as a follow-up of the thread's last query
 * when it names only what changes (src/commands/follow-up.ts has the merge rules), otherwise left
 * to be read as a question of its own. What a thread remembers after an answer is made here too.
 */
import type { Answer } from "../../answer/answer.js";
import type { Query } from "../../answer/query.js";
import { canExplain } from "../../areas/explain-families.js";
import type { Area } from "../../areas/registry.js";
import { queryToText } from "../../commands/command-text.js";
import { applyFollowUp } from "../../commands/follow-up.js";
import { readFollowUpWords } from "../../commands/follow-up-words.js";
import type { ThreadContext, ThreadContexts } from "./thread-context-store.js";

/**
 * The query a follow-up asks for, or undefined when `text` is a question of its own (it names an
 * area or a command, or words a follow-up does not have) or the thread has no live context.
 * Throws the one-line UserError of a follow-up that does not fit the thread's query.
 */
export async function followUpQuery(
  text: string,
  thread: string,
  contexts: ThreadContexts,
): Promise<Query<Area> | undefined> {
  const parts = readFollowUpWords(text);
  if (!parts) return undefined;
  const context = await contexts.recall(thread);
  if (!context) return undefined;
  return applyFollowUp(context.query, parts, context.headlineKpi);
}

/** What the thread keeps of an answer: its query, and the first KPI with a change that `why` can explain. */
export function contextOfAnswer(answer: Answer, query: Query, userId: string): ThreadContext {
  const explainable = answer.kpis.filter((kpi) => canExplain(query.area, kpi.key));
  const headline =
    query.explain?.kpi ?? (explainable.find((kpi) => kpi.change !== null) ?? explainable[0])?.key;
  return { query, userId, ...(headline ? { headlineKpi: headline } : {}) };
}

/** A follow-up's answer says first how it was read, in the exact grammar (what to type next time). */
export function withReading(answer: Answer, query: Query<Area>): Answer {
  return { ...answer, notes: [`Read as \`${queryToText(query)}\``, ...answer.notes] };
}
