import { describe, expect, it } from "vitest";
import { isUserError } from "../../src/errors.js";
import { unitOf } from "../../src/metrics/measures.js";
import { alertSpecToText } from "../../src/schedule/alert-spec.js";
import { parseAlertText, parseAlertValue } from "../../src/schedule/alert-words.js";

const errorOf = (text: string): string => {
  try {
    parseAlertText(text);
  } catch (error) {
    if (isUserError(error)) return error.message;
    throw error;
  }
  throw new Error(`parsed: ${text}`);
};

describe("the alert language", () => {
  it("reads the issue's examples", () => {
    expect(parseAlertText("roas < 1 platform=meta")).toEqual({
      kpi: "roas",
      condition: { kind: "threshold", op: "<", value: 1 },
      window: "yesterday",
      at: undefined,
      timeZone: undefined,
      filters: { platform: "meta" },
    });
    expect(parseAlertText('ctr drops 20% vs previous-week campaign="Black Friday"')).toMatchObject({
      kpi: "ctr",
      condition: { kind: "change", direction: "drops", fraction: 0.2, versus: "previous-week" },
      filters: { campaign: "Black Friday" },
    });
    expect(parseAlertText("revenue today < 5000 at 14:00 tz=europe/berlin")).toMatchObject({
      window: "today",
      at: "14:00",
      timeZone: "Europe/Berlin",
      condition: { kind: "threshold", op: "<", value: 5000 },
    });
    expect(parseAlertText("orders unusual")).toMatchObject({
      condition: { kind: "unusual" },
      window: "yesterday",
    });
    expect(parseAlertText("spend > 1200 daily platform=tiktok")).toMatchObject({
      window: "yesterday",
      condition: { op: ">", value: 1200 },
    });
  });

  it("reads values in the KPI's unit", () => {
    expect(parseAlertValue("2.5%", "percent")).toBeCloseTo(0.025, 10);
    expect(parseAlertValue("€5,000", "money")).toBe(5000);
    expect(parseAlertValue("5k", "money")).toBe(5000);
    expect(parseAlertValue("1.5x", "multiple")).toBe(1.5);
    expect(parseAlertText("ctr<=1.5%").condition).toEqual({ kind: "threshold", op: "<=", value: 0.015 });
    expect(parseAlertText("cpa >= 12.50").condition).toEqual({ kind: "threshold", op: ">=", value: 12.5 });
  });

  it("writes an alert back as text that parses to the same alert", () => {
    for (const text of [
      "roas < 1 yesterday platform=meta",
      'ctr drops 20% vs previous-week yesterday campaign="Black Friday"',
      "revenue < 5000 today at 14:00 tz=Europe/Berlin",
      "conversion_rate > 2.5% last-7d source=paid_social",
      "new_users unusual month city=Berlin",
    ]) {
      const spec = parseAlertText(text);
      expect(parseAlertText(alertSpecToText(spec, unitOf(spec.kpi)))).toEqual(spec);
    }
  });

  it("answers every mistake in one line with the nearest valid word", () => {
    expect(errorOf("roas < abc")).toMatch(/^`abc` is not a number; try `roas < 1`\./);
    expect(errorOf("rosa < 1")).toMatch(/^Unknown KPI `rosa` — did you mean `roas`/);
    expect(errorOf("roas drpos 20%")).toMatch(/did you mean `drops`/);
    expect(errorOf("ctr < 2")).toMatch(/`ctr` is a percentage: write `2` with %; try `ctr < 1.5%`/);
    expect(errorOf("roas < 1 yesterdy")).toMatch(/did you mean `yesterday`/);
    expect(errorOf("orders unusual today at 10:00")).toMatch(/`today` is not over yet/);
    expect(errorOf("revenue today < 5")).toMatch(/Say when to check today's `revenue`/);
    expect(errorOf("roas < 1 city=Berlin")).toMatch(/`campaigns` has no `city` filter/);
    expect(errorOf("roas < 1 tz=Mars/Base")).toMatch(/Unknown time zone/);
    expect(errorOf("users > 10")).toMatch(/`users` cannot be followed day by day; use new_users/);
    for (const text of ["roas < abc", "rosa < 1", "ctr < 2", "users > 10"])
      expect(errorOf(text)).not.toContain("\n");
  });
});
