/**
 * KPIs as Block Kit section fields: label, value, the change with its arrow and whether it
 * is good news (green) or bad news (red) for that metric, and the previous value.
 */
import type { Kpi } from "../../answer/answer.js";
import { formatNumber } from "../../metrics/format.js";
import { changeText, trendOf } from "../../metrics/trend.js";
import { MAX_SECTION_FIELDS, mrkdwn } from "./block-kit-limits.js";
import type { SlackBlock } from "./block-types.js";

/** Labels longer than this are cut (a KPI label is a word or two; this only guards odd data). */
export const MAX_KPI_LABEL_CHARS = 100;

export const GOOD_NEWS = ":large_green_circle:";
export const BAD_NEWS = ":red_circle:";

/** The meaning marker after the change: green when the move is good for this metric, red when bad. */
export function trendMarker(kpi: Kpi): string {
  const trend = trendOf(kpi);
  if (trend === "up-good" || trend === "down-good") return GOOD_NEWS;
  if (trend === "up-bad" || trend === "down-bad") return BAD_NEWS;
  return "";
}

/** `compared`: the answer has a comparison, so a KPI without a change shows "—". */
export function kpiFieldText(kpi: Kpi, currency: string, compared: boolean): string {
  const format = (value: number | null) => formatNumber(value, kpi.unit, { currency });
  const change = changeText(kpi, compared, currency);
  const first = [format(kpi.value), change, trendMarker(kpi)].filter(Boolean).join("  ");
  const lines = [`*${mrkdwn(kpi.label, MAX_KPI_LABEL_CHARS)}*`, first];
  if (kpi.previous !== null) lines.push(`_prev ${format(kpi.previous)}_`);
  return lines.join("\n");
}

/** Sections of at most 10 fields each, at most `maxSections` of them; `hidden` counts KPIs left out. */
export function kpiSections(
  kpis: readonly Kpi[],
  currency: string,
  maxSections: number,
  compared: boolean,
): { blocks: SlackBlock[]; hidden: number } {
  const shown = kpis.slice(0, Math.max(0, maxSections) * MAX_SECTION_FIELDS);
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < shown.length; i += MAX_SECTION_FIELDS) {
    blocks.push({
      type: "section",
      fields: shown
        .slice(i, i + MAX_SECTION_FIELDS)
        .map((kpi) => ({ type: "mrkdwn", text: kpiFieldText(kpi, currency, compared) })),
    });
  }
  return { blocks, hidden: kpis.length - shown.length };
}
