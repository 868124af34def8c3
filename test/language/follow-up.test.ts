/**
 * Follow-ups (src/language/follow-up-reader.ts, src/commands/follow-up.ts): which texts are
 * follow-ups (plain words and the exact grammar's), and how
 * a follow-up changes the thread's query — period and comparison replace, a filter replaces its
 * own key and joins the others, `only` replaces them all, `why` explains the named, the already
 * explained or the headline KPI, and a follow-up that does not fit the area is a one-line error.
 */
import { describe, expect, it } from "vitest";
import type { Query } from "../../src/answer/query.js";
import type { Area } from "../../src/areas/registry.js";
import { queryToText } from "../../src/commands/command-text.js";
import { applyFollowUp } from "../../src/commands/follow-up.js";
import { parseCommand } from "../../src/commands/parse.js";
import { isUserError } from "../../src/errors.js";
import { readFollowUp } from "../../src/language/follow-up-reader.js";
import { TEST_VOCABULARY } from "./test-vocabulary.js";

const read = (text: string, area: Area = "campaigns") => readFollowUp(text, TEST_VOCABULARY, area)?.parts;

function queryOf(text: string): Query<Area> {
  const command = parseCommand(text);
  if (command.kind !== "query") throw new Error(`${text} is not a query`);
  return command.query;
}

/** The thread's query (as typed) after the follow-up (as typed), as canonical text. */
function follow(previous: string, text: string, headline?: string): string {
  const query = queryOf(previous);
  const parts = read(text, query.area);
  if (!parts) throw new Error(`${text} was not read as a follow-up`);
  return queryToText(applyFollowUp(query, parts, headline));
}

describe("which texts are follow-ups", () => {
  it.each([
    "vs last-year",
    "vs last year?",
    "last-90d instead",
    "and platform=tiktok?",
    "only city=Berlin",
    "why?",
    "why roas",
    "explain ctr by=platform",
    "as a chart",
    "2026-10 vs previous",
    "what about berlin",
    '"Black Friday"',
    "top 10",
  ])("%s is a follow-up", (text) => {
    expect(read(text)).toBeDefined();
  });

  it.each([
    ["campaigns last-90d", "names an area: a new question"],
    ["orders", "names an area"],
    ["roas platform=meta", "an area alias first"],
    ["last-7d orders", "an area later in the text"],
    ["help", "a command"],
    ["subscribe campaigns daily 09:00", "a command"],
    ["", "nothing"],
    ["and please", "names nothing"],
    ["last-7d last-30d", "two periods"],
    ["platform=meta platform=google", "one key twice"],
    ["meta or google", "two values of one filter"],
    ["what about the moon", "words the reader does not know"],
    ["ctr?", "a KPI alone: the ctr area"],
    ["and roas?", "a KPI without why or a ranking"],
  ])("%s is not (%s)", (text) => {
    expect(read(text)).toBeUndefined();
  });
});

describe("follow-ups in plain words", () => {
  it.each([
    ["campaigns last-7d platform=meta", "and for tiktok?", "campaigns last-7d platform=tiktok"],
    ["campaigns last-7d", "vs last year", "campaigns last-7d vs last-year"],
    ["orders mtd vs last-year", "last 90 days instead", "orders last-90d vs last-year"],
    ["orders last-7d city=Hamburg source=seo", "only Berlin", "orders last-7d city=Berlin"],
    ["orders last-7d city=Hamburg", "what about munich?", "orders last-7d city=Munich"],
    ["campaigns last-30d platform=meta", "why?", "explain campaigns spend last-30d platform=meta"],
    ["campaigns last-30d", "why did roas drop?", "explain campaigns roas last-30d"],
    ["campaigns last-30d", "top 10", "campaigns last-30d top=10 by=profit"],
    ["campaigns last-30d", "top 5 by roas", "campaigns last-30d top=5 by=roas"],
    ["campaigns last-30d top=5 by=roas", "top 10", "campaigns last-30d top=10 by=roas"],
    ["campaigns last-30d top=5 by=roas", "worst 3 by cpa", "campaigns last-30d top=3 by=cpa"],
    ["campaigns last-30d top=5 by=roas", "why?", "explain campaigns spend last-30d"],
    ["traffic last-7d", "as a chart", "traffic last-7d"],
    ["campaigns last-30d", "last week yoy", "campaigns last-7d vs last-year"],
  ])("after %s, %s asks %s", (previous, text, expected) => {
    expect(follow(previous, text, "spend")).toBe(expected);
  });

  // README "Follow-ups in a thread": its table, as written there.
  const BF = 'campaigns last-30d platform=meta campaign="Black Friday"';
  it.each([
    ["and for tiktok?", 'campaigns last-30d platform=tiktok campaign="Black Friday"'],
    ["platform=tiktok", 'campaigns last-30d platform=tiktok campaign="Black Friday"'],
    ["vs last year", 'campaigns last-30d vs last-year platform=meta campaign="Black Friday"'],
    ["last 90 days instead", 'campaigns last-90d platform=meta campaign="Black Friday"'],
    ["only tiktok", "campaigns last-30d platform=tiktok"],
    ["why?", 'explain campaigns spend last-30d platform=meta campaign="Black Friday"'],
    ["why did roas drop?", 'explain campaigns roas last-30d platform=meta campaign="Black Friday"'],
    ["top 10", 'campaigns last-30d platform=meta campaign="Black Friday" top=10 by=profit'],
    ["as a chart", BF],
  ])("README: %s → %s", (text, expected) => {
    expect(follow(BF, text, "spend")).toBe(expected);
  });

  it("a misspelling is corrected and said", () => {
    expect(readFollowUp("only hamburgg", TEST_VOCABULARY, "orders")?.guesses).toEqual([
      "read `hamburgg` as `hamburg`",
    ]);
  });
});

describe("how a follow-up changes the thread's query", () => {
  it("a period replaces the period and keeps the comparison", () => {
    expect(follow("campaigns last-30d vs last-year platform=meta", "last-90d instead")).toBe(
      "campaigns last-90d vs last-year platform=meta",
    );
  });

  it("a comparison replaces the comparison and keeps the period", () => {
    expect(follow("orders mtd city=Berlin", "vs last-year")).toBe("orders mtd vs last-year city=Berlin");
    expect(follow("orders mtd vs last-year", "vs previous")).toBe("orders mtd");
  });

  it("a filter replaces the filter of its key and joins those of other keys", () => {
    expect(follow("campaigns last-7d platform=meta", "and platform=tiktok?")).toBe(
      "campaigns last-7d platform=tiktok",
    );
    expect(follow('campaigns last-7d platform=meta campaign="Black Friday"', "platform=google")).toBe(
      'campaigns last-7d platform=google campaign="Black Friday"',
    );
    expect(follow("orders last-7d source=seo", "city=Berlin")).toBe("orders last-7d city=Berlin source=seo");
  });

  it("`only` replaces every filter with the ones it names", () => {
    expect(follow("orders last-7d city=Hamburg source=seo", "only city=Berlin")).toBe(
      "orders last-7d city=Berlin",
    );
  });

  it("why explains the KPI named, else the one already explained, else the headline KPI", () => {
    expect(follow("campaigns last-7d platform=meta", "why roas")).toBe(
      "explain campaigns roas last-7d platform=meta",
    );
    expect(follow("campaigns last-7d", "why?", "spend")).toBe("explain campaigns spend last-7d");
    expect(follow("explain campaigns ctr last-7d by=platform", "why")).toBe(
      "explain campaigns ctr last-7d by=platform",
    );
    expect(follow("explain campaigns ctr last-7d by=platform", "why roas")).toBe(
      "explain campaigns roas last-7d",
    );
  });

  it("once explaining, later follow-ups keep explaining with what they change", () => {
    expect(follow("explain campaigns revenue last-30d", "vs last-year platform=meta")).toBe(
      "explain campaigns revenue last-30d vs last-year platform=meta",
    );
  });

  it("`chart` asks the same query again", () => {
    expect(follow("traffic last-7d source=seo", "as a chart")).toBe("traffic last-7d source=seo");
  });

  it.each([
    ["campaigns last-7d", "city=Berlin", "filter_not_allowed"],
    ["users last-7d", "why?", "missing_kpi"],
    ["orders last-7d", "why roas", "not_explainable"],
  ])("after %s, %s is one line (%s), not a guess", (previous, text, code) => {
    const query = queryOf(previous);
    const parts = read(text, query.area);
    expect(parts).toBeDefined();
    let thrown: unknown;
    try {
      applyFollowUp(query, parts ?? {});
    } catch (error) {
      thrown = error;
    }
    expect(isUserError(thrown) && thrown.code).toBe(code);
    expect(String((thrown as Error).message)).not.toContain("\n");
  });
});
