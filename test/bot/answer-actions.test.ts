/**
 * An answer's actions are defined once and rendered per platform: Slack's buttons and Teams'
 * card buttons, decoded back, ask for the same queries in the same order, for every area
 * (stock, which is "as of now", offers no period or comparison on either).
 */
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { AREA_NAMES } from "../../src/areas/registry.js";
import { answerButtons, decodeButton } from "../../src/bot/slack/answer-buttons.js";
import type { SlackButton } from "../../src/bot/slack/block-types.js";
import { cardActions, decodeSubmit } from "../../src/bot/teams/card/card-actions.js";
import { answering, CAMPAIGNS } from "../slack/answer-fixtures.js";

/** Every button of each platform, decoded: what a press would run. */
function slackPresses(answer: Answer) {
  const block = answerButtons(answer.actions) as { elements: SlackButton[] } | undefined;
  return (block?.elements ?? []).map((button) => ({
    label: button.text.text,
    ...decodeButton(button.action_id ?? "", button.value ?? ""),
  }));
}

function teamsPresses(answer: Answer) {
  return cardActions(answer.actions).map((action) => ({ label: action.title, ...decodeSubmit(action.data) }));
}

const texts = [
  ...AREA_NAMES.map((area) => `${area} last-30d`),
  'campaigns 2026-10 vs last-year platform=meta campaign="Black Friday"',
  "orders mtd city='Bad Homburg' source=paid_social",
  "funnel 2026-10-01..2026-10-31",
  "low-stock category=shoes",
];

describe("the same actions on Slack and Teams", () => {
  it.each(texts.map((text) => [text]))("%s: the same buttons decode to the same queries", (text) => {
    const answer = answering(CAMPAIGNS, text);
    const slack = slackPresses(answer);
    const teams = teamsPresses(answer);
    expect(slack.length).toBeGreaterThan(0);
    expect(teams).toEqual(slack);
    expect(slack.map((p) => ({ kind: p.kind, query: p.query }))).toEqual(
      answer.actions.map((a) => ({ kind: a.kind, query: a.query })),
    );
  });

  it("stock, as of now, hides the period and comparison buttons on both", () => {
    const answer = answering(CAMPAIGNS, "stock");
    expect(slackPresses(answer).map((p) => p.label)).toEqual(["Download CSV"]);
    expect(teamsPresses(answer).map((p) => p.label)).toEqual(["Download CSV"]);
  });

  it("highlights the current period on both", () => {
    const answer = answering(CAMPAIGNS, "campaigns last-7d");
    const block = answerButtons(answer.actions) as { elements: SlackButton[] };
    expect(block.elements.filter((b) => b.style === "primary").map((b) => b.text.text)).toEqual(["7 days"]);
    expect(
      cardActions(answer.actions)
        .filter((a) => a.style === "positive")
        .map((a) => a.title),
    ).toEqual(["7 days"]);
  });
});
