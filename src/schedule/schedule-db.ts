/**
 * The bot's own state tables (bot_subscriptions, bot_deliveries, bot_alert_state) through
 * a small mysql2 pool on the owner account (DATABASE_URL). Times are DATETIME(3) in UTC,
 * always written from the caller's clock, never from the server's NOW().
 */
import mysql from "mysql2/promise";
import { connectionOptions, parseDatabaseUrl } from "../db/database-url.js";

export type ScheduleDb = mysql.Pool;
export type Row = mysql.RowDataPacket;
export type WriteResult = mysql.ResultSetHeader;

export function createScheduleDb(databaseUrl: string, connectionLimit = 4): ScheduleDb {
  return mysql.createPool({
    ...connectionOptions(parseDatabaseUrl(databaseUrl)),
    connectionLimit,
    waitForConnections: true,
    enableKeepAlive: true,
  });
}

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC, for DATETIME(3). */
export function toSqlTime(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/** A DATETIME(3) string (connections use dateStrings) read as UTC. */
export function fromSqlTime(value: unknown): Date {
  const text = String(value);
  return new Date(`${text.replace(" ", "T")}${text.includes(".") ? "" : ".000"}Z`);
}

export function fromSqlTimeOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : fromSqlTime(value);
}

export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: string }).code === "ER_DUP_ENTRY";
}

export function isMissingParent(error: unknown): boolean {
  return (error as { code?: string }).code === "ER_NO_REFERENCED_ROW_2";
}
