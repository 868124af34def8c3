/**
 * An answer's charts as PNG files ready for upload, each with alt text that reads the
 * chart out (title and the first values), so the image is not the only way to get it.
 */
import type { Answer, ChartSpec } from "../../answer/answer.js";
import type { ChartRenderer } from "../../charts/chart-renderer.js";
import { formatChartValue } from "../../metrics/format.js";
import { MAX_ALT_TEXT_CHARS, truncate } from "./block-kit-limits.js";
import type { OutgoingFile } from "./upload-files.js";

/** Values read out in the alt text before "and N more". */
export const ALT_TEXT_VALUES = 12;

export function chartAltText(chart: ChartSpec, currency: string): string {
  const unit = chart.unit ?? "count";
  const series = chart.series[0];
  const values = chart.labels.slice(0, ALT_TEXT_VALUES).map((label, i) => {
    const value = series?.values[i] ?? null;
    return `${label} ${formatChartValue(value, unit, currency)}`;
  });
  const more =
    chart.labels.length > ALT_TEXT_VALUES ? `, and ${chart.labels.length - ALT_TEXT_VALUES} more` : "";
  const kind = chart.kind.replace("-", " ");
  const body = values.length > 0 ? `: ${values.join(", ")}${more}` : ": no data";
  return truncate(`${kind} chart, ${chart.title}${body}`, MAX_ALT_TEXT_CHARS);
}

export function chartFileName(answer: Answer, chart: ChartSpec): string {
  const safe = (text: string) => text.replace(/[^a-z0-9_-]+/giu, "-");
  return `${safe(answer.area)}-${safe(chart.key)}-${answer.period.from}_${answer.period.to}.png`;
}

/** Renders the charts (side by side, off the main thread); rejects if one cannot be drawn. */
export function chartFiles(
  answer: Answer,
  currency: string,
  renderer: ChartRenderer,
): Promise<OutgoingFile[]> {
  return Promise.all(
    answer.charts.map((chart) => chartFile(chart, chartFileName(answer, chart), currency, renderer)),
  );
}

/** One chart as a PNG file with its alt text. */
export async function chartFile(
  chart: ChartSpec,
  filename: string,
  currency: string,
  renderer: ChartRenderer,
): Promise<OutgoingFile> {
  return {
    filename,
    title: chart.title,
    bytes: await renderer.render(chart, { currency }),
    altText: chartAltText(chart, currency),
  };
}
