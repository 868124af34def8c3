/**
 * A message of an alert on a KPI as Block Kit: its heading, its facts as fields, and on the
 * firing message the buttons Snooze 24 h and Mute (this module's action ids, value = the
 * alert id) and Open as question (an answer button: the existing action listener answers it).
 * The chart goes into the message's thread (slack-senders.ts). Pure.
 */
import type { MetricAlertMessage } from "../../schedule/metric-alert-message.js";
import { answerButtons } from "./answer-buttons.js";
import {
  MAX_FIELD_TEXT_CHARS,
  MAX_MESSAGE_TEXT_CHARS,
  MAX_SECTION_FIELDS,
  MAX_SECTION_TEXT_CHARS,
  mrkdwn,
  truncate,
} from "./block-kit-limits.js";
import type { SlackBlock, SlackButton } from "./block-types.js";

/** Outside the answer buttons' `kpi_` prefix: only the alert-button listener sees them. */
export const METRIC_ALERT_SNOOZE_ID = "metric_alert_snooze";
export const METRIC_ALERT_MUTE_ID = "metric_alert_mute";

/** The alert id a button carries, or undefined. */
export function alertIdOfValue(value: string | undefined): number | undefined {
  const match = /^\d{1,15}$/u.exec(value ?? "");
  return match ? Number(match[0]) : undefined;
}

export function metricAlertToBlocks(message: MetricAlertMessage): { text: string; blocks: SlackBlock[] } {
  const blocks: SlackBlock[] = [
    {
      type: "section",
      text: { type: "mrkdwn", text: `*${mrkdwn(message.heading, MAX_SECTION_TEXT_CHARS - 2)}*` },
    },
  ];
  if (message.facts.length > 0) {
    blocks.push({
      type: "section",
      fields: message.facts.slice(0, MAX_SECTION_FIELDS).map((f) => ({
        type: "mrkdwn" as const,
        text: `*${mrkdwn(f.label, 100)}*\n${mrkdwn(f.value, MAX_FIELD_TEXT_CHARS - 110)}`,
      })),
    });
  }
  blocks.push({
    type: "context",
    elements: [{ type: "mrkdwn", text: mrkdwn(message.text.split("\n").at(-1) ?? "", 300) }],
  });
  if (message.event === "firing" || message.event === "reminder") {
    const id = String(message.alertId);
    const own: SlackButton[] = [
      {
        type: "button",
        action_id: METRIC_ALERT_SNOOZE_ID,
        text: { type: "plain_text", text: "Snooze 24 h" },
        value: id,
      },
      {
        type: "button",
        action_id: METRIC_ALERT_MUTE_ID,
        text: { type: "plain_text", text: "Mute" },
        value: id,
      },
    ];
    const asked = answerButtons([message.question, message.explain].filter((a) => a !== undefined));
    const more = asked?.type === "actions" ? (asked.elements as SlackButton[]) : [];
    blocks.push({ type: "actions", block_id: `metric_alert_${id}`, elements: [...own, ...more] });
  }
  return { text: truncate(message.text, MAX_MESSAGE_TEXT_CHARS), blocks };
}
