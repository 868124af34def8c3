/**
 * answerToBlocks: an Answer as a Block Kit message — header, period line, KPI fields,
 * tables, notes, a line naming the charts that follow as images, data freshness with the
 * metric definitions pointer, and the answer's buttons. The main table (the first with
 * rows) is a native `table` block in the message's one attachment, where Slack shows tables
 * (native-table.ts); Slack allows one table per message, so any further table is drawn as
 * aligned text in a code block (table-block.ts). Pure and deterministic; whatever the
 * Answer holds, the message stays within every Block Kit limit (block-kit-limits.ts): what
 * does not fit is counted in an "and N more" line and the tables that were cut are named
 * in `cutTables`, for the caller to send as CSV.
 */
import type { Answer } from "../../answer/answer.js";
import { formatDateRange, formatPeriod } from "../../calendar/date-format.js";
import type { Freshness } from "../../engine/freshness.js";
import { formatNumber } from "../../metrics/format.js";
import { periodLine } from "../../render/answer-text.js";
import { leadLines } from "../../render/lead-text.js";
import { answerButtonBlocks } from "./answer-buttons.js";
import {
  MAX_BLOCKS_PER_MESSAGE,
  MAX_CONTEXT_ELEMENTS,
  MAX_CONTEXT_TEXT_CHARS,
  MAX_HEADER_CHARS,
  MAX_MESSAGE_TEXT_CHARS,
  MAX_SECTION_TEXT_CHARS,
  mrkdwn,
  truncate,
} from "./block-kit-limits.js";
import type { SlackAttachment, SlackBlock } from "./block-types.js";
import { kpiSections } from "./kpi-fields.js";
import { fitsNativeTable, nativeTable } from "./native-table.js";
import { tableBlock } from "./table-block.js";

/** At most this many KPI sections (10 KPIs each) before "and N more KPIs". */
export const MAX_KPI_SECTIONS = 4;

export interface AnswerBlocksOptions {
  readonly currency: string;
  readonly freshness?: Freshness;
  /** Delivery notes shown first among the notes (e.g. "the charts could not be uploaded"). */
  readonly warnings?: readonly string[];
}

export interface SlackAnswerMessage {
  /** Notification and fallback text. */
  readonly text: string;
  readonly blocks: SlackBlock[];
  /** The main table as a native table block ([] when the answer has no table with rows). */
  readonly attachments: SlackAttachment[];
  /** Keys of the tables not shown in full (rows, columns or whole tables left out). */
  readonly cutTables: string[];
}

const plural = (n: number, word: string) => `${n} more ${n === 1 ? word : `${word}s`}`;

function context(texts: readonly string[]): SlackBlock {
  const elements =
    texts.length <= MAX_CONTEXT_ELEMENTS
      ? texts
      : [
          ...texts.slice(0, MAX_CONTEXT_ELEMENTS - 1),
          plural(texts.length - MAX_CONTEXT_ELEMENTS + 1, "note"),
        ];
  return {
    type: "context",
    elements: elements.map((text) => ({ type: "mrkdwn", text: truncate(text, MAX_CONTEXT_TEXT_CHARS) })),
  };
}

export function freshnessLine(freshness: Freshness | undefined): string {
  const parts: string[] = [];
  if (freshness?.lastDay) parts.push(`Data through ${formatDateRange(freshness.lastDay, freshness.lastDay)}`);
  if (freshness?.lastRefreshAt) parts.push(`refreshed ${freshness.lastRefreshAt.slice(0, 16)}`);
  parts.push("Metric definitions: `/kpi help metrics`");
  return parts.join(" · ");
}

function chartsLine(answer: Answer): string | undefined {
  if (answer.charts.length === 0) return undefined;
  const titles = answer.charts.map((chart) => chart.title).join(", ");
  const count = answer.charts.length === 1 ? "Chart" : `${answer.charts.length} charts`;
  return `:bar_chart: ${count} below: ${mrkdwn(titles, MAX_CONTEXT_TEXT_CHARS - 40)}`;
}

/** KPIs named in the notification text (what a phone or a screen reader says first). */
export const FALLBACK_KPIS = 3;

/** The notification and fallback text: title, period and the first KPIs' values. */
function fallbackText(answer: Answer, currency: string): string {
  const kpis = answer.kpis
    .slice(0, FALLBACK_KPIS)
    .map((kpi) => `${kpi.label} ${formatNumber(kpi.value, kpi.unit, { currency })}`);
  const head = `${answer.title} — ${formatPeriod(answer.period)}`;
  return truncate(kpis.length > 0 ? `${head}: ${kpis.join(", ")}` : head, MAX_MESSAGE_TEXT_CHARS);
}

export function answerToBlocks(answer: Answer, options: AnswerBlocksOptions): SlackAnswerMessage {
  const head: SlackBlock[] = [
    {
      type: "header",
      text: { type: "plain_text", text: truncate(answer.title.trim() || answer.area, MAX_HEADER_CHARS) },
    },
    context([periodLine(answer)]),
    ...leadLines(answer, options.currency).map(
      (line): SlackBlock => ({
        type: "section",
        text: { type: "mrkdwn", text: mrkdwn(line, MAX_SECTION_TEXT_CHARS) },
      }),
    ),
  ];
  const notes = [
    ...(options.warnings ?? []).map((w) => `:warning: ${mrkdwn(w, MAX_CONTEXT_TEXT_CHARS - 12)}`),
    ...answer.notes.filter((n) => n.trim() !== "").map((n) => mrkdwn(n, MAX_CONTEXT_TEXT_CHARS)),
  ];
  const charts = chartsLine(answer);
  const buttons = answerButtonBlocks(answer.actions);
  const tail: SlackBlock[] = [
    ...(notes.length > 0 ? [context(notes)] : []),
    ...(charts ? [context([charts])] : []),
    context([freshnessLine(options.freshness)]),
    ...buttons,
  ];

  // One block stays in reserve for the "and N more" line.
  let budget = MAX_BLOCKS_PER_MESSAGE - head.length - tail.length - 1;
  const kpis = kpiSections(
    answer.kpis,
    options.currency,
    Math.min(MAX_KPI_SECTIONS, budget),
    answer.comparison !== null,
  );
  budget -= kpis.blocks.length;
  const main = answer.tables.find(fitsNativeTable);
  const native = main ? nativeTable(main, options.currency) : undefined;
  const others = answer.tables.filter((t) => t !== main);
  const tables = others.slice(0, Math.max(0, budget)).map((t) => ({ t, ...tableBlock(t, options.currency) }));
  const hiddenTables = others.length - tables.length;
  const cutTables = [
    ...(main && native?.cut ? [main.key] : []),
    ...tables.filter((entry) => entry.cut).map((entry) => entry.t.key),
    ...others.slice(tables.length).map((t) => t.key),
  ];

  const more: string[] = [];
  if (kpis.hidden > 0) more.push(plural(kpis.hidden, "KPI"));
  if (hiddenTables > 0) more.push(`${plural(hiddenTables, "table")} (in the CSV files)`);
  const overflow = more.length > 0 ? [context([`… and ${more.join(" and ")} not shown here`])] : [];

  return {
    text: fallbackText(answer, options.currency),
    blocks: [...head, ...kpis.blocks, ...tables.map((entry) => entry.block), ...overflow, ...tail],
    attachments: native ? [native.attachment] : [],
    cutTables,
  };
}
