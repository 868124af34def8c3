/**
 * How a refresh runs. Routine mode: `CALL sp_refresh_all(full)`, the procedures the migrator
 * built from db/refresh/. Portable mode (a database migrated with DB_ROUTINES=off, or on a
 * server that refuses CREATE PROCEDURE): the application runs the same statement files, in the
 * same order, on one connection, under the same lock the procedure takes. Which mode a database
 * is in is what it holds: sp_refresh_all present or not.
 */
import type { RowDataPacket } from "mysql2/promise";
import type { Connection } from "./connect.js";
import { type RefreshStep, readRefreshSteps, runsIn } from "./refresh-steps.js";

export type RefreshMode = "routines" | "portable";

/** The lock sp_refresh_rollups takes; portable mode takes it for the whole refresh. */
export function refreshLockName(database: string): string {
  return `kpi_refresh_rollups:${database}`.slice(0, 64);
}

/** Seconds a refresh waits for another one to finish (as sp_refresh_rollups does). */
const LOCK_WAIT_SECONDS = 600;

export async function refreshModeOf(connection: Pick<Connection, "query">): Promise<RefreshMode> {
  const [rows] = await connection.query<RowDataPacket[]>(
    `SELECT COUNT(*) AS n FROM information_schema.ROUTINES
     WHERE ROUTINE_SCHEMA = DATABASE() AND ROUTINE_NAME = 'sp_refresh_all' AND ROUTINE_TYPE = 'PROCEDURE'`,
  );
  return Number(rows[0]?.n ?? 0) > 0 ? "routines" : "portable";
}

export interface RunOptions {
  readonly full: boolean;
  /** Told each statement's step and duration (portable mode), for profiling. */
  readonly onStatement?: (step: string, index: number, ms: number) => void;
  /** Stops between statements once aborted (the running one is killed by the caller). */
  readonly signal?: AbortSignal;
}

/** Runs the whole refresh in the database's mode; returns the mode it ran in. */
export async function runRefresh(connection: Connection, options: RunOptions): Promise<RefreshMode> {
  const mode = await refreshModeOf(connection);
  if (mode === "routines") {
    await connection.query("CALL sp_refresh_all(?)", [options.full ? 1 : 0]);
  } else {
    await runPortableRefresh(connection, await readRefreshSteps(), options);
  }
  return mode;
}

/** The statements of every step in order, under the refresh lock. */
export async function runPortableRefresh(
  connection: Connection,
  steps: readonly RefreshStep[],
  options: RunOptions,
): Promise<void> {
  const [[database]] = await connection.query<RowDataPacket[]>("SELECT DATABASE() AS name");
  const lock = refreshLockName(String(database?.name ?? ""));
  const [[got]] = await connection.query<RowDataPacket[]>("SELECT GET_LOCK(?, ?) AS got", [
    lock,
    LOCK_WAIT_SECONDS,
  ]);
  if (Number(got?.got ?? 0) !== 1) throw new Error("another rollup refresh is still running");
  try {
    await connection.query("SET @refresh_full = ?", [options.full ? 1 : 0]);
    for (const step of steps) {
      for (const [index, statement] of step.statements.entries()) {
        if (options.signal?.aborted) throw options.signal.reason;
        if (!runsIn(statement, options.full)) continue;
        const started = performance.now();
        try {
          await connection.query(statement);
        } catch (error) {
          // The driver's error (its code is what callers map) with the statement's place in front.
          if (error instanceof Error)
            error.message = `${step.displayPath} statement ${index + 1}: ${error.message}`;
          throw error;
        }
        options.onStatement?.(step.name, index, performance.now() - started);
      }
    }
  } finally {
    await connection.query("SET @refresh_full = NULL").catch(() => undefined);
    await connection.query("DO RELEASE_LOCK(?)", [lock]).catch(() => undefined);
  }
}
