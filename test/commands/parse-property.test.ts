/**
 * Property: whatever the text, parseCommand returns a well-formed result or throws a
 * UserError whose message is one short line with no stack frames and no SQL. The inputs
 * are described in command-arbitraries.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AREA_NAMES, areaModule } from "../../src/areas/registry.js";
import { queryToText } from "../../src/commands/command-text.js";
import { ADMIN_VERBS, type ParsedCommand, parseCommand } from "../../src/commands/parse.js";
import { validatePeriodSpec } from "../../src/commands/period-spec.js";
import { UserError } from "../../src/errors.js";
import { commandInput } from "./command-arbitraries.js";

const SQL = [
  /SELECT\s/iu,
  /DROP\s+TABLE/iu,
  /FROM\s+`/iu,
  /UNION\s+SELECT/iu,
  /INSERT\s+INTO/iu,
  /OR\s+1=1/iu,
];

function checkResult(result: ParsedCommand): void {
  if (result.kind === "help") {
    if (result.topic !== undefined) expect(["metrics", ...AREA_NAMES]).toContain(result.topic);
    return;
  }
  if (result.kind === "admin") {
    expect(ADMIN_VERBS).toContain(result.verb);
    return;
  }
  const { query } = result;
  expect(AREA_NAMES).toContain(query.area);
  expect(["previous", "last-year"]).toContain(query.comparison);
  expect(validatePeriodSpec(query.period)).toBe(query.period);
  for (const [key, value] of Object.entries(query.filters)) {
    expect(areaModule(query.area).filters).toContain(key);
    expect(value.trim()).toBe(value);
    expect(value).not.toBe("");
  }
  expect(parseCommand(queryToText(query))).toEqual(result);
}

function checkError(error: unknown): void {
  expect(error).toBeInstanceOf(UserError);
  const { message } = error as UserError;
  expect(message).not.toMatch(/[\r\n\u2028\u2029]/u);
  expect(message.length).toBeLessThanOrEqual(300);
  expect(message).toContain("Usage: /kpi <area>");
  expect(message).not.toMatch(/\bat\s+\S+\s+\(|\bat\s+\S+:\d+:\d+/u);
  for (const pattern of SQL) expect(message).not.toMatch(pattern);
  expect(message).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}]/u);
}

/** Parses `text` and checks the outcome; says which branch was taken. */
function check(text: string): "parsed" | "rejected" {
  let result: ParsedCommand;
  try {
    result = parseCommand(text);
  } catch (error) {
    checkError(error);
    return "rejected";
  }
  checkResult(result);
  return "parsed";
}

describe("parseCommand property", () => {
  it("returns a valid command or throws a one-line UserError, over 12,000 inputs", () => {
    const seen = { parsed: 0, rejected: 0 };
    fc.assert(
      fc.property(commandInput, (text) => {
        seen[check(text)] += 1;
      }),
      { numRuns: 12_000, seed: 20261126 },
    );
    // Both branches must be well exercised for the property to mean something.
    expect(seen.parsed).toBeGreaterThan(2000);
    expect(seen.rejected).toBeGreaterThan(1000);
  });

  it("also holds for fresh random seeds", () => {
    fc.assert(
      fc.property(commandInput, (text) => {
        check(text);
      }),
      { numRuns: 2000 },
    );
  });
});
