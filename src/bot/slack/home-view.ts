/**
 * The App Home tab: a short guide to asking — the command shape, periods, comparison and
 * filters, and examples for every area (from the area registry, so it never drifts
 * from what the parser accepts), and the "New digest" and "New alert" buttons that open
 * their forms (home-forms.ts).
 */
import { PERIOD_WORDS } from "../../answer/query.js";
import { AREA_NAMES, type Area, areaModule } from "../../areas/registry.js";
import { escapeMrkdwn, MAX_SECTION_TEXT_CHARS, truncate } from "./block-kit-limits.js";
import type { SlackBlock, SlackHomeView } from "./block-types.js";
import { NEW_ALERT_ACTION, NEW_DIGEST_ACTION } from "./home-forms.js";

const formButtons: SlackBlock = {
  type: "actions",
  block_id: "home_forms",
  elements: [
    {
      type: "button",
      action_id: NEW_DIGEST_ACTION,
      text: { type: "plain_text", text: "New digest" },
      style: "primary",
    },
    { type: "button", action_id: NEW_ALERT_ACTION, text: { type: "plain_text", text: "New alert" } },
  ],
};

const section = (text: string): SlackBlock => ({
  type: "section",
  text: { type: "mrkdwn", text: truncate(text, MAX_SECTION_TEXT_CHARS) },
});

/** Which areas the Home tab shows, and the channels an area is limited to (access policy). */
export type HomeAreas = ReadonlyMap<Area, readonly string[] | undefined>;

function areaGuide(areas: HomeAreas | undefined): SlackBlock[] {
  return AREA_NAMES.filter((name) => !areas || areas.has(name)).map((name) => {
    const area = areaModule(name);
    const only = areas?.get(name);
    const where = only ? ` _(only in ${only.map((c) => `<#${c}>`).join(", ")})_` : "";
    const aliases = area.aliases.length > 0 ? ` (also \`${area.aliases.join("`, `")}\`)` : "";
    const examples = area.examples.map((example) => `• \`${escapeMrkdwn(example)}\``).join("\n");
    return section(`*${name}*${aliases} — ${escapeMrkdwn(area.description)}${where}\n${examples}`);
  });
}

/** `areas`: what the person opening the tab may ask about (all areas when undefined). */
export function homeView(areas?: HomeAreas): SlackHomeView {
  const periods = PERIOD_WORDS.map((word) => `\`${word}\``).join(" ");
  return {
    type: "home",
    blocks: [
      { type: "header", text: { type: "plain_text", text: "Marketing KPIs, right here" } },
      formButtons,
      section(
        [
          "Ask with `/kpi &lt;area&gt; [period] [vs last-year] [filters]` in any channel I am in, or mention me: `@kpi campaigns last-30d` answers in a thread.",
          "Answers are posted in the channel so the team sees the same numbers; errors and help only reach you.",
        ].join("\n"),
      ),
      section(
        [
          `*Periods* ${periods} \`2026-11\` \`2026-10-01..2026-10-31\` (default \`last-30d\`)`,
          "*Compare* `vs previous` (default) or `vs last-year`",
          '*Filters* `platform=meta` `campaign="Black Friday"` `city=Berlin` `category=shoes` `source=paid_social`',
          "Buttons under each answer switch the period, toggle *vs last year* and download the tables as CSV.",
        ].join("\n"),
      ),
      { type: "divider" },
      ...(areas?.size === 0
        ? [section("No KPI areas are open to you yet. Ask your kpi-bot admin for access.")]
        : areaGuide(areas)),
      { type: "divider" },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: "`/kpi help` · `/kpi help &lt;area&gt;` · `/kpi help metrics`" }],
      },
    ],
  };
}
