/** The ranking words of the exact grammar: `top=N|bottom=N by=<kpi>`, best/worst by the KPI's direction, checked per area. */
import { describe, expect, it } from "vitest";
import { queryToText } from "../../src/commands/command-text.js";
import { checkQuery, parseCommand } from "../../src/commands/parse.js";

const queryOf = (text: string) => {
  const parsed = parseCommand(text);
  if (parsed.kind !== "query") throw new Error(text);
  return parsed.query;
};

describe("ranking words", () => {
  it.each([
    ["campaigns last-30d top=5 by=roas", { by: "roas", order: "top", limit: 5 }],
    ["campaigns bottom=3 by=cpa", { by: "cpa", order: "bottom", limit: 3 }],
    ["campaigns by=ctr", { by: "ctr", order: "top" }],
    ["campaigns top=all by=ctr", { by: "ctr", order: "top" }],
    ["campaigns bottom=all by=roas", { by: "roas", order: "bottom" }],
    ["campaigns top=5", { by: "profit", order: "top", limit: 5 }],
    ["campaigns best=3 by=cpa", { by: "cpa", order: "bottom", limit: 3 }],
    ["campaigns worst=3 by=cpa", { by: "cpa", order: "top", limit: 3 }],
    ["campaigns best=2 by=roas", { by: "roas", order: "top", limit: 2 }],
    ["orders TOP=10 BY=revenue", { by: "revenue", order: "top", limit: 10 }],
  ])("%s ranks %j, and its canonical text parses back", (text, rank) => {
    const query = queryOf(text);
    expect(query.rank).toEqual(rank);
    expect(queryOf(queryToText(query))).toEqual(query);
  });

  it.each([
    ["campaigns top=0 by=roas", /needs a number of rows from 1 to 50/],
    ["campaigns top=51", /needs a number of rows from 1 to 50/],
    ["campaigns top=five", /needs a number of rows/],
    ["campaigns top=3 bottom=3", /Rank once/],
    ["campaigns by=roas by=cpa", /Give `by=` once/],
    ["campaigns top=3 by=aov", /`campaigns` cannot rank by `aov`/],
    ["orders by=roas", /`orders` cannot rank by `roas`/],
    ["explain roas top=3", /does not rank/],
  ])("%s is a one-line error", (text, message) => {
    expect(() => parseCommand(text)).toThrow(message);
  });

  it("a ranking carried as data is checked like typed words", () => {
    const query = queryOf("campaigns last-7d");
    expect(checkQuery({ ...query, rank: { by: "cpa", order: "bottom", limit: 3 } }).rank).toEqual({
      by: "cpa",
      order: "bottom",
      limit: 3,
    });
    expect(() => checkQuery({ ...query, rank: { by: "aov", order: "top" } })).toThrow(/cannot rank by/);
  });
});
