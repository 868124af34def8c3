/**
 * Pure pieces behind the buttons and files: what a pressed button re-runs (period and
 * comparison changed, everything else kept, tampered values refused), and answer tables
 * as CSV (RFC 4180 quoting, raw numbers, spreadsheet formulas neutralised).
 */
import { describe, expect, it } from "vitest";
import { csvCell, csvFileName, tableToCsv } from "../../src/bot/slack/answer-csv.js";
import { buttonRequest } from "../../src/bot/slack/button-rerun.js";
import { isUserError } from "../../src/errors.js";
import { CAMPAIGNS } from "./answer-fixtures.js";

describe("buttonRequest", () => {
  const value = 'campaigns 2026-10 platform=meta campaign="Black Friday"';

  it.each([
    ["kpi_period_last-7d", 'campaigns last-7d platform=meta campaign="Black Friday"'],
    ["kpi_period_last-90d", 'campaigns last-90d platform=meta campaign="Black Friday"'],
    ["kpi_period_mtd", 'campaigns mtd platform=meta campaign="Black Friday"'],
    ["kpi_compare", 'campaigns 2026-10 vs last-year platform=meta campaign="Black Friday"'],
  ])("%s re-runs %s", (actionId, text) => {
    expect(buttonRequest(actionId, value)).toEqual({ kind: "rerun", text });
  });

  it("toggles vs last-year back to the previous period", () => {
    expect(buttonRequest("kpi_compare", "orders ytd vs last-year")).toEqual({
      kind: "rerun",
      text: "orders ytd",
    });
  });

  it("Download CSV runs the command as it is", () => {
    expect(buttonRequest("kpi_csv", "FUNNEL last-30d")).toEqual({
      kind: "csv",
      text: "ad-performance last-30d",
    });
  });

  it.each([
    ["kpi_period_last-7d", "help"],
    ["kpi_period_fortnight", "orders"],
    ["kpi_unknown", "orders"],
    ["kpi_period_last-7d", "campains"],
  ])("refuses %s with value %s as a user error", (actionId, text) => {
    let thrown: unknown;
    try {
      buttonRequest(actionId, text);
    } catch (error) {
      thrown = error;
    }
    expect(isUserError(thrown)).toBe(true);
  });
});

describe("CSV", () => {
  it("quotes what needs quoting, keeps numbers raw, leaves null cells empty", () => {
    expect(csvCell(1234567.891)).toBe("1234567.891");
    expect(csvCell(null)).toBe("");
    expect(csvCell('Say "hi", then\nleave')).toBe('"Say ""hi"", then\nleave"');
    expect(csvCell("plain")).toBe("plain");
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@me")).toBe("'@me");
    expect(csvCell(-2)).toBe("-2");
  });

  it("writes header and rows with CRLF line ends, named by area, table and period", () => {
    const [table] = CAMPAIGNS.tables;
    if (!table) throw new Error("fixture has a table");
    expect(tableToCsv(table)).toBe(
      "campaign,spend,revenue,roas\r\nAutumn Sale,37,390,10.54\r\nBrand & <Friends>,0,,\r\n",
    );
    expect(csvFileName(CAMPAIGNS, table)).toBe("campaigns-by_campaign-2026-10-27_2026-11-25.csv");
  });
});
