/** The plain reader on the common cases: what it reads, what it echoes, when it asks back or refuses. */
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/commands/parse.js";
import { readPlainParts } from "../../src/language/read-parts.js";
import { readPlainQuestion } from "../../src/language/read-question.js";
import { TEST_VOCABULARY } from "./test-vocabulary.js";

const read = (text: string) => readPlainQuestion(text, TEST_VOCABULARY);

describe("readPlainQuestion", () => {
  it.each([
    ["how did meta do last week vs last year?", "campaigns last-7d vs last-year platform=meta"],
    ["which products are about to run out", "stock last-30d"],
    ["top 5 campaigns by roas in october", "campaigns 2026-10 top=5 by=roas"],
    ["revenue in München this month please 🙏", "orders mtd city=Munich"],
    ["worst 3 campaigns by cpa", "campaigns last-30d top=3 by=cpa"],
    ["best 3 campaigns by cpa", "campaigns last-30d bottom=3 by=cpa"],
    ["which platform has the best ctr", "ctr last-30d by=ctr"],
    ["why did roas drop last week", "explain campaigns roas last-7d"],
    ["campains last 30 days", "campaigns last-30d"],
    ["signups yesterday vs the day before", "users yesterday"],
    ["Q3 revenue yoy", "orders 2026-07-01..2026-09-30 vs last-year"],
    ["how is the black friday campaign doing", 'campaigns last-30d campaign="black friday"'],
    ["sessions from email since monday", "traffic 2026-11-23..2026-11-26 source=email"],
    ["whats our roas on fb", "roas last-30d platform=meta"],
  ])("reads %j as `%s`", (text, echo) => {
    const reading = read(text);
    expect(reading.kind).toBe("query");
    if (reading.kind !== "query") return;
    expect(reading.echo).toBe(echo);
    const parsed = parseCommand(reading.echo);
    expect(parsed).toEqual({ kind: "query", query: reading.query });
  });

  it("says how it heard the question, in words, and what it guessed", () => {
    const reading = read("how did meta do yesterdy vs last year?");
    expect(reading).toMatchObject({
      kind: "query",
      heard: "Campaigns · yesterday vs same dates last year · platform Meta",
      guesses: ["read `yesterdy` as `yesterday`"],
    });
  });

  it("offers the two closest readings when two values of one filter clash", () => {
    const reading = read("meta vs tiktok roas");
    expect(reading.kind).toBe("suggest");
    if (reading.kind !== "suggest") return;
    expect(reading.readings.map((q) => q.filters.platform)).toEqual(["meta", "tiktok"]);
    expect(reading.message).toContain("`roas last-30d platform=meta`");
  });

  it("asks back when only a period is named, and refuses what is no KPI question", () => {
    expect(read("last week").kind).toBe("suggest");
    expect(read("hello there")).toMatchObject({ kind: "refuse" });
    expect(read("what's the weather in berlin").kind).toBe("suggest");
  });

  it("refuses control characters in one line, as the exact grammar does", () => {
    const reading = read("roas\u0000 last week");
    expect(reading.kind).toBe("refuse");
  });
});

describe("readPlainParts (follow-ups)", () => {
  it("names only what the text says", () => {
    const parts = readPlainParts("and for tiktok?", TEST_VOCABULARY);
    expect(parts.filters).toEqual([[{ key: "platform", value: "tiktok" }]]);
    expect(parts.period).toBeUndefined();
    expect(parts.comparison).toBeUndefined();
    expect(parts.unknown).toEqual([]);
  });

  it("reads a comparison, a period, a city, a ranking and intents", () => {
    expect(readPlainParts("vs last year", TEST_VOCABULARY).comparison).toBe("last-year");
    expect(readPlainParts("last 90 days instead", TEST_VOCABULARY).period).toEqual({
      kind: "relative",
      word: "last-90d",
    });
    expect(readPlainParts("only Köln", TEST_VOCABULARY).filters).toEqual([
      [{ key: "city", value: "Cologne" }],
    ]);
    expect(readPlainParts("top 10", TEST_VOCABULARY).rank).toMatchObject({ order: "top", limit: 10 });
    expect(readPlainParts("why?", TEST_VOCABULARY).intents).toEqual(["why"]);
    expect(readPlainParts("as a chart", TEST_VOCABULARY).intents).toEqual(["chart"]);
  });
});
