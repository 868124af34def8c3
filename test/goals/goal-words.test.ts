/** `/kpi goal …` words: amounts, cadences, filters and the area they go with; bad words are one line. */
import { describe, expect, it } from "vitest";
import { parseAmount, parseGoalWords } from "../../src/goals/goal-words.js";

describe("parseAmount", () => {
  it.each([
    ["250000", 250_000],
    ["250,000", 250_000],
    ["250_000", 250_000],
    ["250k", 250_000],
    ["1.5m", 1_500_000],
    ["€40000", 40_000],
    ["99.95", 99.95],
  ])("%s → %s", (word, value) => expect(parseAmount(word)).toBe(value));

  it.each(["", "0", "lots", "25,00", "-5", "1e5", "12kk"])("%s is no amount", (word) => {
    expect(parseAmount(word)).toBeUndefined();
  });
});

describe("parseGoalWords", () => {
  it("finds the amount and cadence in any order; the area is the KPI's home for its filters", () => {
    expect(parseGoalWords(["revenue", "250000", "month"])).toEqual({
      kpi: "revenue",
      area: "orders",
      amount: 250_000,
      cadence: "month",
      filters: {},
    });
    expect(parseGoalWords(["spend", "month", "40k", "platform=google"])).toMatchObject({
      area: "campaigns",
      cadence: "month",
      filters: { platform: "google" },
    });
    expect(parseGoalWords(["revenue", "1m", "quarter", "platform=meta"]).area).toBe("campaigns");
    expect(parseGoalWords(["sessions", "5000", "week", "source=email"]).area).toBe("traffic");
  });

  it.each([
    [["roas", "4", "month"], /No goal for `roas`/u],
    [["revenue", "month"], /How much\?/u],
    [["revenue", "5000"], /Per week, month or quarter\?/u],
    [["revenue", "5000", "month", "soon"], /Unknown word `soon`/u],
    [["sessions", "5000", "week", "city=Berlin"], /cannot be filtered by `city`/u],
  ])("%j → %s", (words, message) => {
    expect(() => parseGoalWords(words)).toThrow(message);
  });
});
