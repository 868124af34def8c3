/**
 * A message of an alert on a KPI in Teams. The firing message is laid out as an answer card
 * (heading, window, the facts, the chart of the last windows inline or linked, Open as
 * question) plus the alert's own buttons, Snooze 24 h and Mute, whose data names the alert
 * (decodeAlertSubmit reads it back). Other messages are text; a resolved note replies to the
 * firing message.
 */
import { z } from "zod";
import type { Answer } from "../../../answer/answer.js";
import { formatDateRange } from "../../../calendar/date-format.js";
import type { MetricAlertMessage } from "../../../schedule/metric-alert-message.js";
import type { AlertPress } from "../../chat-platform.js";
import type { ExecuteAction } from "./adaptive-card-types.js";
import type { CardMessage } from "./answer-message.js";

/** Marks the alert buttons' data (answer buttons carry CARD_ACTION_KIND); also their verb. */
export const ALERT_SUBMIT_KIND = "kpi-alert";
export const ALERT_VERB = ALERT_SUBMIT_KIND;

const alertSubmitSchema = z.object({
  kind: z.literal(ALERT_SUBMIT_KIND),
  action: z.enum(["snooze", "mute"]),
  alertId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

/** The alert button pressed, or undefined when `value` is not one. */
export function decodeAlertSubmit(value: unknown): Pick<AlertPress, "action" | "alertId"> | undefined {
  const parsed = alertSubmitSchema.safeParse(value);
  return parsed.success ? { action: parsed.data.action, alertId: parsed.data.alertId } : undefined;
}

/** Marks the answer buttons of an alert's card (Open as question): they answer in a new message. */
const ON_ALERT = "onAlert";

/** Whether a submitted answer button was on an alert's card. */
export function isAlertCardAction(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as Record<string, unknown>)[ON_ALERT] === true;
}

/** The firing message as an Answer, for the answer card renderer (its chart, its question button). */
export function metricAlertAnswer(message: MetricAlertMessage): Answer {
  const { window } = message;
  const question = message.question;
  return {
    area: question?.query.area ?? "alert",
    title: message.heading,
    period: {
      from: window.from,
      to: window.to,
      timezone: message.timeZone,
      label: formatDateRange(window.from, window.to),
    },
    comparison: null,
    kpis: [],
    tables: [],
    charts: message.chart ? [message.chart] : [],
    notes: [...message.facts.map((f) => `${f.label}: ${f.value}`), message.text.split("\n").at(-1) ?? ""],
    query: question?.query ?? {
      area: "alert",
      period: { kind: "relative", word: "yesterday" },
      comparison: "previous",
      filters: {},
    },
    actions: [question, message.explain].filter((a) => a !== undefined),
    coverage: null,
  };
}

/**
 * The answer card with the alert's Snooze 24 h and Mute buttons first; its own buttons answer
 * in a new message. No refresh: the card records what fired; it is not an answer to re-run.
 */
export function withAlertButtons(card: CardMessage, alertId: number): CardMessage {
  const [attachment] = card.attachments;
  const button = (title: string, action: "snooze" | "mute"): ExecuteAction => ({
    type: "Action.Execute",
    title,
    verb: ALERT_VERB,
    data: { kind: ALERT_SUBMIT_KIND, action, alertId },
  });
  const own = [button("Snooze 24 h", "snooze"), button("Mute", "mute")];
  const { refresh: _answerRefresh, ...content } = attachment.content;
  return {
    ...card,
    attachments: [
      {
        ...attachment,
        content: {
          ...content,
          actions: [
            ...own,
            ...(attachment.content.actions ?? []).map((a) => ({
              ...a,
              data: { ...a.data, [ON_ALERT]: true },
            })),
          ],
        },
      },
    ],
  };
}
