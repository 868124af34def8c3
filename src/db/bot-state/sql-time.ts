/**
 * DATETIME(3) values of the bot-state tables: written as UTC strings from the caller's
 * clock, read back as UTC (connections use dateStrings, so no driver time-zone shifts).
 */
import type { SqlTime } from "./bot-tables.js";

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC, for DATETIME(3). */
export function toSqlTime(date: Date): SqlTime {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/** A DATETIME(3) string read as UTC. */
export function fromSqlTime(value: unknown): Date {
  const text = String(value);
  return new Date(`${text.replace(" ", "T")}${text.includes(".") ? "" : ".000"}Z`);
}

export function fromSqlTimeOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : fromSqlTime(value);
}
