/**
 * Follow-ups (src/commands/follow-up.ts, follow-up-words.ts): which texts are follow-ups, and how
 * a follow-up changes the thread's query — period and comparison replace, a filter replaces its
 * own key and joins the others, `only` replaces them all, `why` explains the named, the already
 * explained or the headline KPI, and a follow-up that does not fit the area is a one-line error.
 */
import { describe, expect, it } from "vitest";
import type { Query } from "../../src/answer/query.js";
import type { Area } from "../../src/areas/registry.js";
import { queryToText } from "../../src/commands/command-text.js";
import { applyFollowUp } from "../../src/commands/follow-up.js";
import { readFollowUpWords } from "../../src/commands/follow-up-words.js";
import { parseCommand } from "../../src/commands/parse.js";
import { isUserError } from "../../src/errors.js";

function queryOf(text: string): Query<Area> {
  const command = parseCommand(text);
  if (command.kind !== "query") throw new Error(`${text} is not a query`);
  return command.query;
}

/** The thread's query (as typed) after the follow-up (as typed), as canonical text. */
function follow(previous: string, text: string, headline?: string): string {
  const parts = readFollowUpWords(text);
  if (!parts) throw new Error(`${text} was not read as a follow-up`);
  return queryToText(applyFollowUp(queryOf(previous), parts, headline));
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
  ])("%s is a follow-up", (text) => {
    expect(readFollowUpWords(text)).toBeDefined();
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
    ["vs yesterday", "not a comparison"],
    ["what about berlin", "words outside the grammar"],
    ['"Black Friday"', "a quoted value without its key"],
  ])("%s is not (%s)", (text) => {
    expect(readFollowUpWords(text)).toBeUndefined();
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
    const parts = readFollowUpWords(text);
    expect(parts).toBeDefined();
    let thrown: unknown;
    try {
      applyFollowUp(queryOf(previous), parts ?? {});
    } catch (error) {
      thrown = error;
    }
    expect(isUserError(thrown) && thrown.code).toBe(code);
    expect(String((thrown as Error).message)).not.toContain("\n");
  });
});
