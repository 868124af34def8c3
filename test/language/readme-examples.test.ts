/** The README's "Just ask" table stays true: each question there is read as the exact text beside it. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readPlainQuestion } from "../../src/language/read-question.js";
import { TEST_VOCABULARY } from "./test-vocabulary.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const section = readme.slice(readme.indexOf("## Just ask"), readme.indexOf("### Follow-ups in a thread"));
const examples = [...section.matchAll(/^\| (.+?) \| `([^`]+)`/gmu)].map(
  (m) => [m[1] ?? "", m[2] ?? ""] as const,
);

describe("README: Just ask", () => {
  it("has ten examples", () => {
    expect(examples.length).toBe(10);
  });

  it.each(examples)("%s → `%s`", (question, echo) => {
    const reading = readPlainQuestion(question, TEST_VOCABULARY);
    expect(reading.kind === "query" ? reading.echo : reading.kind).toBe(echo);
  });
});
