/**
 * Properties of the plain reader over generated questions: (1) a question built from known
 * phrases — an area or KPI, a period, a comparison, a filter value, a ranking, in any order,
 * with filler words, punctuation, emoji, case and "please" — is read as exactly the query its
 * phrases mean; (2) whatever the text, a reading's echo (exact grammar) parses back to the same
 * query, and the reader never throws.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ComparisonMode, PeriodSpec, Query } from "../../src/answer/query.js";
import { parseCommand } from "../../src/commands/parse.js";
import { readPlainQuestion } from "../../src/language/read-question.js";
import { TEST_VOCABULARY } from "./test-vocabulary.js";

const rel = (word: string): PeriodSpec => ({ kind: "relative", word }) as PeriodSpec;

const AREAS = [
  {
    words: ["campaigns", "campaign results", "ad spend", "cpa"],
    area: "campaigns",
    filter: [
      "platform",
      [
        ["meta", "meta"],
        ["facebook", "meta"],
        ["tiktok", "tiktok"],
        ["google ads", "google"],
        ["bing", "microsoft"],
      ],
    ],
  },
  {
    words: ["revenue", "sales", "turnover", "orders", "aov"],
    area: "orders",
    filter: [
      "city",
      [
        ["berlin", "Berlin"],
        ["München", "Munich"],
        ["köln", "Cologne"],
        ["Wien", "Vienna"],
        ["zurich", "Zurich"],
      ],
    ],
  },
  {
    words: ["traffic", "sessions", "visits", "conversion rate"],
    area: "traffic",
    filter: [
      "source",
      [
        ["email", "email"],
        ["newsletter", "email"],
        ["seo", "organic_search"],
        ["paid social", "paid_social"],
      ],
    ],
  },
  {
    words: ["signups", "new users", "users"],
    area: "users",
    filter: [
      "city",
      [
        ["hamburg", "Hamburg"],
        ["Nürnberg", "Nuremberg"],
        ["hannover", "Hanover"],
      ],
    ],
  },
] as const;

const PERIODS: readonly (readonly [string, PeriodSpec])[] = [
  ["last week", rel("last-7d")],
  ["past 30 days", rel("last-30d")],
  ["last 90 days", rel("last-90d")],
  ["this month", rel("mtd")],
  ["month to date", rel("mtd")],
  ["this quarter", rel("qtd")],
  ["ytd", rel("ytd")],
  ["last month", rel("last-month")],
  ["last quarter", rel("last-quarter")],
  ["yesterday", rel("yesterday")],
  ["today", rel("today")],
  ["in october", { kind: "month", year: 2026, month: 10 }],
  ["in september 2025", { kind: "month", year: 2025, month: 9 }],
  ["q2", { kind: "range", from: "2026-04-01", to: "2026-06-30" }],
  ["since monday", { kind: "range", from: "2026-11-23", to: "2026-11-26" }],
  ["last 14 days", { kind: "range", from: "2026-11-12", to: "2026-11-25" }],
];

const COMPARISONS: readonly (readonly [string, ComparisonMode])[] = [
  ["", "previous"],
  ["vs last year", "last-year"],
  ["compared to last year", "last-year"],
  ["yoy", "last-year"],
  ["year over year", "last-year"],
  ["vs the previous period", "previous"],
  ["versus the period before", "previous"],
];

const FILLERS = ["", "how did", "show me", "what was our", "hey, can you pull up", "quick one:"];
const ENDINGS = ["", "?", " please", " pls 🙏", "!!", " 📈", " thanks"];

const question = fc
  .record({
    area: fc.constantFrom(...AREAS),
    word: fc.nat(),
    period: fc.option(fc.constantFrom(...PERIODS), { nil: undefined }),
    comparison: fc.constantFrom(...COMPARISONS),
    filter: fc.option(fc.nat(), { nil: undefined }),
    filler: fc.constantFrom(...FILLERS),
    ending: fc.constantFrom(...ENDINGS),
    order: fc.boolean(),
    upper: fc.boolean(),
  })
  .map((g) => {
    const word = g.area.words[g.word % g.area.words.length] as string;
    const [key, values] = g.area.filter;
    const value = g.filter === undefined ? undefined : values[g.filter % values.length];
    const filterWords = value ? `in ${value[0]}` : "";
    const parts = g.order
      ? [g.filler, word, filterWords, g.period?.[0] ?? "", g.comparison[0]]
      : [g.filler, g.period?.[0] ?? "", word, g.comparison[0], filterWords];
    let text = `${parts.filter((p) => p !== "").join(" ")}${g.ending}`;
    if (g.upper) text = text.charAt(0).toUpperCase() + text.slice(1);
    const expected: Query = {
      area: g.area.area,
      period: g.period?.[1] ?? rel("last-30d"),
      comparison: g.comparison[1],
      filters: value ? { [key]: value[1] } : {},
    };
    return { text, expected };
  });

describe("plain questions built from known phrases", () => {
  it("are read as the query their phrases mean, and the echo asks exactly that", () => {
    fc.assert(
      fc.property(question, ({ text, expected }) => {
        const reading = readPlainQuestion(text, TEST_VOCABULARY);
        expect(reading.kind, text).toBe("query");
        if (reading.kind !== "query") return;
        expect(reading.query, text).toEqual(expected);
        expect(parseCommand(reading.echo)).toEqual({ kind: "query", query: reading.query });
      }),
      { numRuns: 1500, seed: 18 },
    );
  });
});

describe("any text", () => {
  it("never throws; a reading's echo parses back to the same query; ask-backs offer 1–2 readings", () => {
    const words = fc.constantFrom(
      ...[
        "top",
        "5",
        "best",
        "worst",
        "by",
        "roas",
        "cpa",
        "campaigns",
        "meta",
        "tiktok",
        "berlin",
        "last",
        "week",
      ],
      ...[
        "vs",
        "year",
        "why",
        "revenue",
        "sessions",
        "email",
        "q3",
        "since",
        "monday",
        "black",
        "friday",
        "campaign",
      ],
      ...[
        "products",
        "stock",
        "running",
        "out",
        "platform",
        "ctr",
        "please",
        "🙏",
        "?",
        "top=3",
        "by=roas",
        '"x"',
      ],
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string({ maxLength: 8 })), { maxLength: 9 }), (list) => {
        const reading = readPlainQuestion(list.join(" "), TEST_VOCABULARY);
        if (reading.kind === "query") {
          expect(parseCommand(reading.echo)).toEqual({ kind: "query", query: reading.query });
        } else if (reading.kind === "suggest") {
          expect(reading.readings.length).toBeGreaterThanOrEqual(1);
          expect(reading.readings.length).toBeLessThanOrEqual(2);
          reading.readings.forEach((q, i) => {
            expect(parseCommand(reading.echoes[i] ?? "")).toEqual({ kind: "query", query: q });
          });
        } else {
          expect(reading.message).not.toMatch(/\n/u);
        }
      }),
      { numRuns: 3000, seed: 19 },
    );
  });
});
