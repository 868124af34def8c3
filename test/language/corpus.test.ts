/**
 * The labelled corpus (corpus.ts) through the plain reader: at least 95% read exactly as
 * labelled; every miss asks back ("did you mean …" with readings) or refuses; none is a wrong
 * query presented as right. The figures are printed.
 */
import { describe, expect, it } from "vitest";
import { queryToText } from "../../src/commands/command-text.js";
import { parseCommand } from "../../src/commands/parse.js";
import { readPlainQuestion } from "../../src/language/read-question.js";
import { CORPUS, SUGGEST } from "./corpus.js";
import { HELD_OUT } from "./held-out.js";
import { TEST_VOCABULARY } from "./test-vocabulary.js";

function expectedQuery(text: string) {
  const parsed = parseCommand(text);
  if (parsed.kind !== "query") throw new Error(`not a query: ${text}`);
  return parsed.query;
}

describe("the plain-question corpus", () => {
  it("has at least 300 phrasings, each labelled with a query the exact grammar parses (or SUGGEST)", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
    for (const [, expected] of CORPUS) if (expected !== SUGGEST) expectedQuery(expected);
  });

  it("reads ≥ 95% exactly, asks back or refuses the rest, and gives no wrong answer", () => {
    let exact = 0;
    let askedBack = 0;
    const wrong: string[] = [];
    const misses: string[] = [];
    for (const [question, expected] of CORPUS) {
      const reading = readPlainQuestion(question, TEST_VOCABULARY);
      if (expected === SUGGEST) {
        if (reading.kind === "query") wrong.push(`${question} → ${reading.echo} (expected to ask back)`);
        else exact += 1;
        continue;
      }
      if (reading.kind === "query") {
        if (JSON.stringify(reading.query) === JSON.stringify(expectedQuery(expected))) exact += 1;
        else wrong.push(`${question} → ${reading.echo} (expected ${expected})`);
      } else {
        askedBack += 1;
        const shown =
          reading.kind === "suggest" ? reading.readings.map((q) => queryToText(q)).join(" | ") : "refused";
        misses.push(`${question} → ${shown} (expected ${expected})`);
      }
    }
    const share = exact / CORPUS.length;
    console.log(
      `plain corpus: ${CORPUS.length} phrasings · ${exact} read exactly (${(share * 100).toFixed(1)}%) · ${askedBack} asked back or refused · ${wrong.length} wrong`,
    );
    if (misses.length > 0) console.log(`asked back:\n  ${misses.join("\n  ")}`);
    expect(wrong).toEqual([]);
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it("on phrasings it was never tuned on, gives no wrong answer either (figures printed)", () => {
    let exact = 0;
    const wrong: string[] = [];
    for (const [question, expected] of HELD_OUT) {
      const reading = readPlainQuestion(question, TEST_VOCABULARY);
      if (expected === SUGGEST) {
        if (reading.kind === "query") wrong.push(`${question} → ${reading.echo}`);
        else exact += 1;
      } else if (reading.kind === "query") {
        if (JSON.stringify(reading.query) === JSON.stringify(expectedQuery(expected))) exact += 1;
        else wrong.push(`${question} → ${reading.echo} (expected ${expected})`);
      }
    }
    console.log(
      `held out: ${HELD_OUT.length} phrasings · ${exact} read exactly (${((exact / HELD_OUT.length) * 100).toFixed(1)}%) · ${HELD_OUT.length - exact - wrong.length} asked back · ${wrong.length} wrong`,
    );
    expect(wrong).toEqual([]);
  });

  it("offers readings with every ask-back: one or two queries, each asked with one press", () => {
    for (const [question] of CORPUS) {
      const reading = readPlainQuestion(question, TEST_VOCABULARY);
      if (reading.kind !== "suggest") continue;
      expect(reading.readings.length).toBeGreaterThanOrEqual(1);
      expect(reading.readings.length).toBeLessThanOrEqual(2);
      expect(reading.message).not.toMatch(/\n/u);
    }
  });
});
