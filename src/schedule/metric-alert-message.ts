/**
 * What an alert on a KPI says, platform-neutral: a heading, the facts (value, threshold or
 * comparison, window), a small chart of the last 14 windows with the threshold line(s), and
 * its actions (Snooze 24 h, Mute, Open as question, and Explain where the KPI can be split).
 * Resolved, reminder and "no data" messages are text. Slack and Teams lay it out
 * (bot/slack/metric-alert-blocks.ts, bot/teams/teams-senders.ts).
 */
import { type AnswerAction, EXPLAIN_ACTION_PREFIX } from "../answer/actions.js";
import type { ChartSeries, ChartSpec } from "../answer/answer.js";
import type { Query } from "../answer/query.js";
import type { DateRange } from "../areas/area-module.js";
import { canExplain } from "../areas/explain-families.js";
import { formatDateRange } from "../calendar/date-format.js";
import { formatNumber } from "../metrics/format.js";
import { kpiLabelOf, unitOf } from "../metrics/measures.js";
import type { AlertEvaluation } from "./alert-evaluation.js";
import type { AlertSpec } from "./alert-spec.js";
import type { MetricAlertEvent } from "./alert-transitions.js";
import { NO_DATA_WINDOWS } from "./alert-transitions.js";
import { metricAlertText } from "./metric-alert-store.js";

export interface MetricAlertFact {
  readonly label: string;
  readonly value: string;
}

export interface MetricAlertMessage {
  readonly alertId: number;
  readonly event: MetricAlertEvent;
  /** The window checked, and the zone its days are in. */
  readonly window: DateRange;
  readonly timeZone: string;
  /** One line: "🔔 ROAS 0.82× is below 1.00× (yesterday, platform Meta)". */
  readonly heading: string;
  /** The whole message as plain text (fallback text, notifications, logs). */
  readonly text: string;
  readonly facts: readonly MetricAlertFact[];
  /** The last 14 windows with the threshold line(s); on the firing message only. */
  readonly chart?: ChartSpec;
  /** Open as question: the KPI's area over the window, with the alert's filters. */
  readonly question?: AnswerAction;
  /** Explain: the KPI's change over the window split by its area's dimensions, where it can be split. */
  readonly explain?: AnswerAction;
  /** The firing message (its thread, or the message a Teams reply answers); resolved only. */
  readonly threadId?: string;
}

export interface MetricAlertContext {
  readonly alertId: number;
  readonly spec: AlertSpec;
  readonly evaluation: AlertEvaluation;
  readonly currency: string;
  readonly timeZone: string;
  readonly threadId?: string;
}

const WINDOW_WORDS: Readonly<Record<AlertSpec["window"], string>> = {
  yesterday: "yesterday",
  today: "today so far",
  "last-7d": "the last 7 days",
  week: "last week",
  month: "last month",
};

function whereText(spec: AlertSpec): string {
  const filters = Object.entries(spec.filters).map(([k, v]) => `${k} ${v}`);
  return filters.length > 0 ? `, ${filters.join(", ")}` : "";
}

/** The query "Open as question" runs: the KPI's area over the window (yesterday for a day), the alert's filters. */
export function alertQuestion(spec: AlertSpec, area: string, evaluation: AlertEvaluation): Query {
  const { from, to } = evaluation.window;
  const period =
    spec.window === "today" || spec.window === "yesterday" || spec.window === "last-7d"
      ? ({ kind: "relative", word: spec.window } as const)
      : ({ kind: "range", from, to } as const);
  return { area, period, comparison: "previous", filters: spec.filters };
}

function comparisonFacts(context: MetricAlertContext, fmt: (v: number | null) => string): MetricAlertFact[] {
  const { spec, evaluation } = context;
  const ref = evaluation.reference;
  if (ref.kind === "threshold")
    return [{ label: "Threshold", value: `${conditionWords(spec)} ${fmt(ref.value)}` }];
  if (ref.kind === "change") {
    const change =
      ref.change === null ? "—" : `${ref.change >= 0 ? "+" : "−"}${Math.abs(ref.change * 100).toFixed(1)}%`;
    return [
      {
        label: "Compared with",
        value: `${fmt(ref.base)} (${formatDateRange(ref.baseRange.from, ref.baseRange.to)})`,
      },
      { label: "Change", value: `${change} (alert at ${conditionWords(spec)})` },
    ];
  }
  const range = ref.range;
  return [
    {
      label: "Normal range",
      value: range
        ? `${fmt(range.low)} – ${fmt(range.high)} (median ${fmt(range.median)} ± 3 MAD of ${ref.windows} earlier windows)`
        : "—",
    },
  ];
}

function conditionWords(spec: AlertSpec): string {
  const c = spec.condition;
  if (c.kind === "threshold")
    return { "<": "below", "<=": "at or below", ">": "above", ">=": "at or above" }[c.op];
  if (c.kind === "change")
    return `${c.direction === "drops" ? "a drop" : "a rise"} of ${Number((c.fraction * 100).toFixed(2))}% vs ${c.versus}`;
  return "outside the normal range";
}

/** "is below €5,000.00", "rose 142.9% vs previous-week (alert at 50%)", "is outside its normal range 80 – 120". */
function firingWords(
  spec: AlertSpec,
  evaluation: AlertEvaluation,
  fmt: (v: number | null) => string,
): string {
  const c = spec.condition;
  const ref = evaluation.reference;
  if (c.kind === "threshold") return `is ${conditionWords(spec)} ${fmt(c.value)}`;
  if (c.kind === "change" && ref.kind === "change") {
    const moved = `${c.direction === "drops" ? "dropped" : "rose"} ${Math.abs((ref.change ?? 0) * 100).toFixed(1)}%`;
    return `${moved} vs ${c.versus} (${fmt(ref.base)}; alert at ${conditionWords(spec)})`;
  }
  if (ref.kind === "range" && ref.range)
    return `is outside its normal range ${fmt(ref.range.low)} – ${fmt(ref.range.high)}`;
  return conditionWords(spec);
}

function chartOf(context: MetricAlertContext, label: string): ChartSpec {
  const { evaluation, spec } = context;
  const history = evaluation.history;
  const series: ChartSeries[] = [{ name: label, values: history.map((h) => h.value) }];
  const flat = (name: string, value: number | null | undefined) => {
    if (value !== null && value !== undefined) series.push({ name, values: history.map(() => value) });
  };
  const ref = evaluation.reference;
  if (ref.kind === "threshold") flat("Threshold", ref.value);
  else if (ref.kind === "change") flat("Alert level", ref.trigger);
  else {
    flat("Normal low", ref.range?.low);
    flat("Normal high", ref.range?.high);
  }
  return {
    key: `alert_${context.alertId}`,
    kind: "line",
    title: `${label}${whereText(spec)} · last ${history.length} windows`,
    labels: history.map((h) => h.range.to),
    series,
    unit: unitOf(spec.kpi),
  };
}

export function metricAlertMessage(
  event: MetricAlertEvent,
  context: MetricAlertContext,
  area: string,
): MetricAlertMessage {
  const { spec, evaluation, alertId } = context;
  const unit = unitOf(spec.kpi);
  const fmt = (v: number | null) => formatNumber(v, unit, { currency: context.currency });
  const label = kpiLabelOf(spec.kpi);
  const when = `${WINDOW_WORDS[spec.window]}, ${formatDateRange(evaluation.window.from, evaluation.window.to)}`;
  const name = `#${alertId} \`${metricAlertText(spec)}\``;
  const value = fmt(evaluation.value);
  const facts: MetricAlertFact[] = [
    { label, value: `${value} (${when}${whereText(spec)})` },
    ...comparisonFacts(context, fmt),
  ];
  const question: AnswerAction = {
    id: "alert_question",
    kind: "rerun",
    label: "Open as question",
    query: alertQuestion(spec, area, evaluation),
  };
  const explain: AnswerAction | undefined = canExplain(area, spec.kpi)
    ? {
        id: `${EXPLAIN_ACTION_PREFIX}${spec.kpi}`,
        kind: "explain",
        label: "Explain",
        query: { ...question.query, explain: { kpi: spec.kpi } },
      }
    : undefined;
  const actions = { question, ...(explain ? { explain } : {}) };
  const where = `(${when}${whereText(spec)})`;
  let heading: string;
  switch (event) {
    case "firing":
      heading = `🔔 ${label} ${value} ${firingWords(spec, evaluation, fmt)} ${where}`;
      break;
    case "reminder":
      heading = `🔔 Still firing: ${label} ${value} ${firingWords(spec, evaluation, fmt)} ${where}`;
      break;
    case "resolved":
      heading = `✅ Resolved: ${label} is back at ${value} ${where}`;
      break;
    case "no_data":
      heading = `⚪ No data: ${label}${whereText(spec)} has had no value for ${NO_DATA_WINDOWS} windows in a row (last: ${when})`;
      break;
  }
  const footer = `Alert ${name}`;
  const text = [heading, ...facts.map((f) => `${f.label}: ${f.value}`), footer].join("\n");
  return {
    alertId,
    event,
    window: evaluation.window,
    timeZone: context.timeZone,
    heading,
    text: event === "firing" ? text : `${heading}\n${footer}`,
    facts: event === "firing" || event === "reminder" ? facts : [],
    ...(event === "firing" ? { chart: chartOf(context, label), ...actions } : {}),
    ...(event === "reminder" ? actions : {}),
    ...(context.threadId ? { threadId: context.threadId } : {}),
  };
}
