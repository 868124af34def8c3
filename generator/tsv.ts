/**
 * Rows as LOAD DATA text: tab-separated fields, newline-terminated lines, backslash escapes,
 * \N for NULL. The small dimension tables are written as text lines; the big fact tables
 * are written byte by byte (see row-buffer.ts).
 */

export const NULL_FIELD = "\\N";

/** The LOAD DATA clauses matching this format. */
export const TSV_FORMAT_SQL =
  "CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'";

/** Escapes free text (names, headlines) for a field. */
export function tsvText(text: string): string {
  return /[\t\n\r\\]/.test(text)
    ? text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : text;
}

/** Integer cents as a DECIMAL literal: 4999 -> "49.99". */
export function money(cents: number): string {
  const whole = Math.floor(cents / 100);
  const fraction = cents - whole * 100;
  return fraction < 10 ? `${whole}.0${fraction}` : `${whole}.${fraction}`;
}
