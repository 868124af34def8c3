/** From a Teams message or button to command text: mention stripping, button data, period switch, toggle. */
import { Activity } from "@microsoft/agents-activity";
import { describe, expect, it } from "vitest";
import { cardActions, decodeSubmit, isCardSubmit } from "../../src/bot/teams/card/card-actions.js";
import { baseConversationId, commandTextOf } from "../../src/bot/teams/message-text.js";
import { queryToText } from "../../src/commands/command-text.js";
import { ANSWER_BUTTONS } from "../helpers/answer-buttons.js";
import { BOT, messageActivity } from "../helpers/teams-activities.js";
import { answering } from "../slack/answer-fixtures.js";
import { sampleAnswer } from "./sample-answer.js";

const serviceUrl = "http://127.0.0.1:1/";
const textOf = (raw: object) => commandTextOf(Activity.fromObject(raw));
/** The card buttons of an answer to `text`. */
const buttonsFor = (text: string) => cardActions(answering(sampleAnswer(), text).actions);
const submitted = (data: unknown) => {
  const decoded = decodeSubmit(data);
  return decoded && { kind: decoded.kind, text: queryToText(decoded.query) };
};

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
  it("offer every period (the current one highlighted), the comparison toggle and CSV", () => {
    const actions = buttonsFor("kpi Campaigns LAST-30D platform=meta");
    expect(actions.map((a) => a.title)).toEqual(ANSWER_BUTTONS);
    expect(actions.filter((a) => a.style === "positive").map((a) => a.title)).toEqual(["30 days"]);
    expect(submitted(actions[0]?.data)).toEqual({ kind: "rerun", text: "campaigns last-7d platform=meta" });
    expect(submitted(actions[4]?.data)).toEqual({
      kind: "rerun",
      text: "campaigns last-30d vs last-year platform=meta",
    });
    expect(submitted(actions[5]?.data)).toEqual({ kind: "csv", text: "campaigns last-30d platform=meta" });
  });

  it("toggle back to the previous period; stock (as of now) has neither periods nor a toggle", () => {
    const lastYear = buttonsFor("orders 2026-11 vs last-year");
    expect(lastYear.map((a) => a.title)).toEqual([
      "7 days",
      "30 days",
      "90 days",
      "Month to date",
      "vs previous period",
      "Download CSV",
    ]);
    expect(buttonsFor("stock").map((a) => a.title)).toEqual(["Download CSV"]);
  });

  it("re-run the query with the new period or comparison, keeping the filters", () => {
    const [sevenDays, , , , toggle] = buttonsFor('campaigns last-30d campaign="Black Friday"');
    expect(submitted(sevenDays?.data)?.text).toBe('campaigns last-7d campaign="Black Friday"');
    expect(submitted(toggle?.data)?.text).toBe('campaigns last-30d vs last-year campaign="Black Friday"');
  });

  it("still run the buttons of cards posted before payloads (command text and the change)", () => {
    expect(submitted({ kind: "kpi-rerun", command: "orders mtd", period: "last-7d" })?.text).toBe(
      "orders last-7d",
    );
    expect(submitted({ kind: "kpi-rerun", command: "orders mtd", comparison: "last-year" })?.text).toBe(
      "orders mtd vs last-year",
    );
  });

  it("tell foreign or tampered data apart", () => {
    expect(isCardSubmit({ kind: "kpi-rerun", command: "orders mtd", period: "last-7d" })).toBe(true);
    expect(isCardSubmit({ command: "orders mtd" })).toBe(false);
    expect(isCardSubmit({ kind: "kpi-rerun", command: "orders mtd", period: "ytd" })).toBe(false);
    expect(isCardSubmit({ kind: "kpi-rerun", command: "x".repeat(501) })).toBe(false);
    expect(isCardSubmit({ kind: "kpi-action", payload: "x".repeat(2001) })).toBe(false);
    expect(decodeSubmit("just a string")).toBeUndefined();
    expect(() => decodeSubmit({ kind: "kpi-rerun", command: "help" })).toThrow(/no longer works/);
    expect(() => decodeSubmit({ kind: "kpi-rerun", command: "campagns last-30d" })).toThrow(/did you mean/);
    expect(() => decodeSubmit({ kind: "kpi-action", payload: "{}" })).toThrow(/no longer works/);
  });
});
