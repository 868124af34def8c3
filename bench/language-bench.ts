/**
 * Section `language`: how long reading one plain question takes (issue 18: p95 under 5 ms),
 * over the labelled corpus (test/language/corpus.ts), each question read `rounds` times after a
 * warm-up, in this process (no database: the vocabulary is the test one, 5 campaigns, 30 cities).
 */
import { readPlainQuestion } from "../src/language/read-question.js";
import { CORPUS } from "../test/language/corpus.js";
import { TEST_VOCABULARY } from "../test/language/test-vocabulary.js";
import type { ResultRow } from "./report-table.js";
import { summarize } from "./stats.js";
import { TARGETS } from "./targets.js";

export function measurePlainReading(rounds: number): ResultRow[] {
  const questions = CORPUS.map(([question]) => question);
  for (const question of questions) readPlainQuestion(question, TEST_VOCABULARY);
  const timings: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const question of questions) {
      const started = performance.now();
      readPlainQuestion(question, TEST_VOCABULARY);
      timings.push(performance.now() - started);
    }
  }
  const summary = summarize(timings);
  const measured = `${summary.samples} reads (${questions.length} corpus questions × ${rounds})`;
  return [
    {
      section: "language",
      figure: "read a plain question, p95",
      value: summary.p95,
      unit: "ms",
      measured,
      target: { op: "<", limit: TARGETS.plainReadP95Ms },
    },
    { section: "language", figure: "read a plain question, p99", value: summary.p99, unit: "ms", measured },
  ];
}
