/**
 * Category label formatting: ISO dates ("2026-11-01" → "Nov 1"), ISO months
 * ("2026-11" → "Nov 2026") and truncation of long labels with "…". Pure string work:
 * no Date, no time zone, no locale data.
 */
import { shortMonth } from "../calendar/date-format.js";

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const isMonth = (text: string | undefined): boolean => Number(text) >= 1 && Number(text) <= 12;

/** Cuts a label to at most maxChars characters (code points), ending in "…" when cut. */
export function truncateLabel(label: string, maxChars: number): string {
  const chars = Array.from(label.replace(/\s+/g, " ").trim());
  if (chars.length <= maxChars) return chars.join("");
  return `${chars
    .slice(0, Math.max(1, maxChars - 1))
    .join("")
    .trimEnd()}…`;
}

/**
 * Formats category labels for display. When every label is an ISO day they become
 * "Nov 1" (with the year, "Nov 1, 2026", if the labels span several years); when every
 * label is an ISO month they become "Nov 2026". Other labels are shortened: to at most
 * `shorten` characters, or by `shorten` itself (a cut by measured width).
 */
export function formatCategoryLabels(
  labels: readonly string[],
  shorten: number | ((label: string) => string),
): string[] {
  if (labels.length > 0 && labels.every((label) => ISO_DAY.test(label))) {
    const years = new Set(labels.map((label) => label.slice(0, 4)));
    return labels.map((label) => formatIsoDay(label, years.size > 1));
  }
  if (labels.length > 0 && labels.every((label) => ISO_MONTH.test(label))) {
    return labels.map(formatIsoMonth);
  }
  return labels.map((label) =>
    typeof shorten === "number" ? truncateLabel(label, shorten) : shorten(label),
  );
}

export function formatIsoDay(label: string, withYear = false): string {
  const match = ISO_DAY.exec(label);
  if (!match || !isMonth(match[2])) return label;
  const day = `${shortMonth(Number(match[2]))} ${Number(match[3])}`;
  return withYear ? `${day}, ${match[1]}` : day;
}

export function formatIsoMonth(label: string): string {
  const match = ISO_MONTH.exec(label);
  return match && isMonth(match[2]) ? `${shortMonth(Number(match[2]))} ${match[1]}` : label;
}
