/**
 * Pure pieces behind the buttons and files: what a pressed button re-runs (its payload
 * decodes to the action's query; buttons of the earlier format, which carried the command
 * text, still work; tampered values are refused), and answer tables as CSV (RFC 4180
 * quoting, raw numbers, spreadsheet formulas neutralised).
 */
import { describe, expect, it } from "vitest";
import { decodeButton } from "../../src/bot/slack/answer-buttons.js";
import { queryToText } from "../../src/commands/command-text.js";
import { isUserError } from "../../src/errors.js";
import { csvCell, csvFileName, tableToCsv } from "../../src/render/answer-csv.js";
import { answering, CAMPAIGNS } from "./answer-fixtures.js";

const rerunText = (actionId: string, value: string) => {
  const decoded = decodeButton(actionId, value);
  return { kind: decoded.kind, text: queryToText(decoded.query) };
};

describe("decodeButton: payloads", () => {
  const answer = answering(CAMPAIGNS, 'campaigns 2026-10 platform=meta campaign="Black Friday"');
  const payloadOf = (id: string) => {
    const action = answer.actions.find((a) => a.id === id);
    if (!action) throw new Error(`no action ${id}`);
    return { actionId: `kpi_${id}`, value: JSON.stringify({ v: 1, do: action.kind, q: action.query }) };
  };

  it.each([
    ["period_last-7d", 'campaigns last-7d platform=meta campaign="Black Friday"'],
    ["period_last-90d", 'campaigns last-90d platform=meta campaign="Black Friday"'],
    ["period_mtd", 'campaigns mtd platform=meta campaign="Black Friday"'],
    ["compare", 'campaigns 2026-10 vs last-year platform=meta campaign="Black Friday"'],
  ])("%s re-runs %s", (id, text) => {
    const { actionId, value } = payloadOf(id);
    expect(rerunText(actionId, value)).toEqual({ kind: "rerun", text });
  });

  it("Download CSV carries the answer's own query", () => {
    const { actionId, value } = payloadOf("csv");
    expect(rerunText(actionId, value)).toEqual({
      kind: "csv",
      text: 'campaigns 2026-10 platform=meta campaign="Black Friday"',
    });
  });

  it.each([
    [
      "a payload naming an unknown area",
      '{"v":1,"do":"rerun","q":{"area":"campains","period":{"kind":"relative","word":"last-7d"},"comparison":"previous","filters":{}}}',
      /did you mean `campaigns`/,
    ],
    [
      "a filter the area does not take",
      '{"v":1,"do":"rerun","q":{"area":"orders","period":{"kind":"relative","word":"last-7d"},"comparison":"previous","filters":{"platform":"meta"}}}',
      /has no `platform` filter/,
    ],
    [
      "a period that does not exist",
      '{"v":1,"do":"rerun","q":{"area":"orders","period":{"kind":"month","year":2026,"month":13},"comparison":"previous","filters":{}}}',
      /no longer works|Invalid month/,
    ],
    ["not our payload", '{"v":2}', /no longer works/],
    ["not JSON", "{oops", /no longer works/],
  ])("refuses %s with a one-line user error", (_, value, message) => {
    let thrown: unknown;
    try {
      decodeButton("kpi_period_last-7d", value);
    } catch (error) {
      thrown = error;
    }
    expect(isUserError(thrown)).toBe(true);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toMatch(/\n/);
  });
});

describe("decodeButton: buttons posted before payloads (command text)", () => {
  const value = 'campaigns 2026-10 platform=meta campaign="Black Friday"';

  it.each([
    ["kpi_period_last-7d", 'campaigns last-7d platform=meta campaign="Black Friday"'],
    ["kpi_period_last-90d", 'campaigns last-90d platform=meta campaign="Black Friday"'],
    ["kpi_period_mtd", 'campaigns mtd platform=meta campaign="Black Friday"'],
    ["kpi_compare", 'campaigns 2026-10 vs last-year platform=meta campaign="Black Friday"'],
  ])("%s re-runs %s", (actionId, text) => {
    expect(rerunText(actionId, value)).toEqual({ kind: "rerun", text });
  });

  it("toggles vs last-year back to the previous period", () => {
    expect(rerunText("kpi_compare", "orders ytd vs last-year")).toEqual({
      kind: "rerun",
      text: "orders ytd",
    });
  });

  it("Download CSV runs the command as it is", () => {
    expect(rerunText("kpi_csv", "FUNNEL last-30d")).toEqual({ kind: "csv", text: "ad-performance last-30d" });
  });

  it.each([
    ["kpi_period_last-7d", "help"],
    ["kpi_period_fortnight", "orders"],
    ["kpi_unknown", "orders"],
    ["kpi_period_last-7d", "campains"],
  ])("refuses %s with value %s as a user error", (actionId, text) => {
    let thrown: unknown;
    try {
      decodeButton(actionId, text);
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
      "Campaign,Spend,Revenue,ROAS\r\nAutumn Sale,37,390,10.54\r\nBrand & <Friends>,0,,\r\n",
    );
    expect(csvFileName(CAMPAIGNS, table)).toBe("campaigns-by_campaign-2026-10-27_2026-11-25.csv");
  });
});
