/** The sentence an explanation leads with, written from its data on every surface. */
import { describe, expect, it } from "vitest";
import type { Explanation } from "../../src/answer/answer.js";
import { explanationSentence } from "../../src/render/explanation-text.js";

const base: Explanation = {
  kpi: "roas",
  label: "ROAS",
  unit: "multiple",
  kind: "ratio",
  previous: 4.1,
  current: 3.4,
  change: -0.7,
  dimension: "platform",
  weight: "spend",
  drivers: [
    { label: "Meta", contribution: -0.49, rate: -0.4, mix: -0.09, previous: 5.2, current: 2.6 },
    { label: "TikTok", contribution: -0.28, rate: 0, mix: -0.28, previous: 1.2, current: 1.2 },
    { label: "Google", contribution: 0.07, rate: 0.07, mix: 0, previous: 3, current: 3.2 },
  ],
  members: 3,
  rate: -0.33,
  mix: -0.37,
};

describe("explanationSentence", () => {
  it("names the move, the largest driver with its own ratio when its rate effect dominates, the next one and the split", () => {
    expect(explanationSentence(base, "EUR")).toBe(
      "ROAS fell from 4.10× to 3.40× (▼ 17.1%); by platform, 70% of the fall is Meta, whose own ROAS went from 5.20× to 2.60×, then TikTok (40%); overall 47% is each platform's own ROAS and 53% spend moving between them.",
    );
  });

  it("says when the rate and mix effects pull in opposite directions", () => {
    const text = explanationSentence({ ...base, rate: 0.2, mix: -0.9 }, "EUR");
    expect(text).toContain(
      "overall spend moving between them accounts for 129% of it, offset by each platform's own ROAS (−29%)",
    );
  });

  it("a driver whose contribution is mostly mix is described by its weight", () => {
    const text = explanationSentence(
      { ...base, drivers: [base.drivers[1] as Explanation["drivers"][number]] },
      "EUR",
    );
    expect(text).toContain("40% of the fall is TikTok, through spend moving to or from it (mix)");
  });

  it("sums name each driver's own values, a new member as new", () => {
    const revenue: Explanation = {
      ...base,
      kpi: "revenue",
      label: "Revenue",
      unit: "money",
      kind: "additive",
      previous: 1000,
      current: 1500,
      change: 500,
      dimension: "city",
      weight: null,
      drivers: [{ label: "Bonn", contribution: 400, rate: null, mix: null, previous: null, current: 400 }],
      rate: null,
      mix: null,
    };
    expect(explanationSentence(revenue, "EUR")).toBe(
      "Revenue rose from €1,000.00 to €1,500.00 (▲ 50.0%); by city, 80% of the rise is Bonn (new in this period).",
    );
  });

  it("without a value in a period, or without a move, says so", () => {
    expect(explanationSentence({ ...base, previous: null, change: null }, "EUR")).toBe(
      "ROAS has no value in one of the two periods, so its change cannot be split.",
    );
    expect(explanationSentence({ ...base, previous: 3.4, change: 0, dimension: null }, "EUR")).toBe(
      "ROAS did not change: 3.40×.",
    );
  });
});
