/** From a Teams message or button to command text: mention stripping, button data, period switch, toggle. */
import { Activity } from "@microsoft/agents-activity";
import { describe, expect, it } from "vitest";
import { cardActionsFor, isCardSubmit, submittedCommand } from "../../src/bot/teams/card/card-actions.js";
import { baseConversationId, commandTextOf } from "../../src/bot/teams/message-text.js";
import { parseCommand, type QueryCommand } from "../../src/commands/parse.js";
import { BOT, messageActivity } from "../helpers/teams-activities.js";

const serviceUrl = "http://127.0.0.1:1/";
const textOf = (raw: object) => commandTextOf(Activity.fromObject(raw));
const query = (text: string) => parseCommand(text) as QueryCommand;

describe("commandTextOf", () => {
  it.each([
    ["kpi campaigns last-30d", "kpi campaigns last-30d"],
    ["  campaigns   last-30d \n", "campaigns last-30d"],
    ["campaigns&nbsp;last-30d city=&quot;Bad Homburg&quot;", 'campaigns last-30d city="Bad Homburg"'],
    ["<p>orders mtd</p>", "orders mtd"],
  ])("reads %j as %j", (text, expected) => {
    expect(textOf(messageActivity(text, { serviceUrl }))).toBe(expected);
  });

  it("removes the bot's @mention with the SDK helper (entity present)", () => {
    expect(textOf(messageActivity("campaigns last-30d", { serviceUrl, mention: true }))).toBe(
      "campaigns last-30d",
    );
  });

  it("drops <at> tags even without mention entities, wherever they are", () => {
    const raw = {
      ...messageActivity("", { serviceUrl }),
      text: `<at>${BOT.name}</at> kpi ctr last-7d <at>Bob</at>`,
    };
    expect(textOf(raw)).toBe("kpi ctr last-7d");
  });

  it("gives the channel id of a channel thread", () => {
    expect(baseConversationId("19:abc@thread.tacv2;messageid=1712345")).toBe("19:abc@thread.tacv2");
    expect(baseConversationId("a:1personal")).toBe("a:1personal");
  });
});

describe("card buttons", () => {
  it("offer the other periods and the comparison toggle, carrying the canonical command", () => {
    const actions = cardActionsFor(query("kpi Campaigns LAST-30D platform=meta"), { hasComparison: true });
    expect(actions.map((a) => a.title)).toEqual(["7 days", "90 days", "Month to date", "vs last year"]);
    expect(actions[0]?.data).toEqual({
      kind: "kpi-rerun",
      command: "campaigns last-30d platform=meta",
      period: "last-7d",
    });
    expect(actions[3]?.data).toEqual({
      kind: "kpi-rerun",
      command: "campaigns last-30d platform=meta",
      comparison: "last-year",
    });
  });

  it("toggle back to the previous period, and have no toggle where the area has no comparison", () => {
    const lastYear = cardActionsFor(query("orders 2026-11 vs last-year"), { hasComparison: true });
    expect(lastYear.map((a) => a.title)).toEqual([
      "7 days",
      "30 days",
      "90 days",
      "Month to date",
      "vs previous period",
    ]);
    expect(cardActionsFor(query("stock"), { hasComparison: false }).map((a) => a.title)).not.toContain(
      "vs last year",
    );
  });

  it("re-run the command with the new period or comparison, keeping the filters", () => {
    const [sevenDays, , , toggle] = cardActionsFor(query('campaigns last-30d campaign="Black Friday"'), {
      hasComparison: true,
    });
    expect(submittedCommand(sevenDays?.data)).toBe('campaigns last-7d campaign="Black Friday"');
    expect(submittedCommand(toggle?.data)).toBe('campaigns last-30d vs last-year campaign="Black Friday"');
  });

  it("tell foreign or tampered data apart", () => {
    expect(isCardSubmit({ kind: "kpi-rerun", command: "orders mtd", period: "last-7d" })).toBe(true);
    expect(isCardSubmit({ command: "orders mtd" })).toBe(false);
    expect(isCardSubmit({ kind: "kpi-rerun", command: "orders mtd", period: "ytd" })).toBe(false);
    expect(isCardSubmit({ kind: "kpi-rerun", command: "x".repeat(501) })).toBe(false);
    expect(submittedCommand("just a string")).toBeUndefined();
    expect(submittedCommand({ kind: "kpi-rerun", command: "help" })).toBeUndefined();
    expect(() => submittedCommand({ kind: "kpi-rerun", command: "campagns last-30d" })).toThrow(
      /did you mean/,
    );
  });
});
