/**
 * How a refresh runs. Routine mode: `CALL sp_refresh_all(full)`, the procedures the migrator
 * built from db/refresh/. Portable mode (a database migrated with DB_ROUTINES=off, or on a
 * server that refuses CREATE PROCEDURE): the application runs the same statement files, in the
 * same order, under the same lock the procedure takes. Which mode a database is in is what it
 * holds: sp_refresh_all present or not.
 *
 * A procedure runs on one server thread. When the caller can open more connections
 * (`openConnection`, `concurrency` > 1), the files of one stage (refresh-steps.ts) run side by
 * side, one connection each: every refresh in portable mode, and a full rebuild on
 * MySQL/MariaDB too, where it is the statements sp_refresh_all(1) would run, with
 * `@kpi_bulk_load` set as that procedure sets it (every day is rebuilt, so the triggers need not
 * mark the days of the refresh's own writes).
 */
import type { ResultSetHeader, RowDataPacket } from "mysql2/promise";
import { type Connection, killQueries } from "./connect.js";
import {
  emptyTableLoads,
  REFRESH_VARIABLES,
  type RefreshStep,
  readRefreshSteps,
  refreshStages,
  runsIn,
} from "./refresh-steps.js";

export type RefreshMode = "routines" | "portable";

/** The lock sp_refresh_rollups takes; the application takes it for the whole refresh. */
export function refreshLockName(database: string): string {
  return `kpi_refresh_rollups:${database}`.slice(0, 64);
}

/** Seconds a refresh waits for another one to finish (as sp_refresh_rollups does). */
const LOCK_WAIT_SECONDS = 600;

/**
 * Session limit for the refresh's in-memory temporary tables: the full rebuild groups every
 * session and order once, and with the server default (16 MB) those groups spill to disk
 * (sp_refresh_all(1) ran 2-3x slower at scale 3: 96 s vs 36 s for the rollup inserts).
 */
export const REFRESH_TMP_TABLE_BYTES = 512 * 1024 * 1024;

/**
 * Session sort buffer of a refresh connection: the statements that group by sorting
 * (SQL_BIG_RESULT) sort the interactions or sessions in memory instead of merging runs on disk.
 * Allocated as a sort needs it, up to this.
 */
export const REFRESH_SORT_BUFFER_BYTES = 256 * 1024 * 1024;

/**
 * A refresh connection's session settings (see the two limits above); the server's own
 * configuration is left as it is. A variable the engine does not have is left out (TiDB has
 * its own memory limits), any other refusal is an error.
 */
export async function allowLargeTempTables(connection: Pick<Connection, "query">): Promise<void> {
  const settings = [
    ["tmp_table_size", REFRESH_TMP_TABLE_BYTES],
    ["max_heap_table_size", REFRESH_TMP_TABLE_BYTES],
    ["sort_buffer_size", REFRESH_SORT_BUFFER_BYTES],
  ] as const;
  for (const [name, bytes] of settings) {
    await connection.query(`SET SESSION ${name} = ?`, [bytes]).catch(skipUnknownVariable);
  }
}

/** Passes over a session variable the engine does not have (undefined); rethrows anything else. */
function skipUnknownVariable(error: { code?: string }): undefined {
  if (error.code !== "ER_UNKNOWN_SYSTEM_VARIABLE") throw error;
  return undefined;
}

export async function refreshModeOf(connection: Pick<Connection, "query">): Promise<RefreshMode> {
  const [rows] = await connection.query<RowDataPacket[]>(
    `SELECT COUNT(*) AS n FROM information_schema.ROUTINES
     WHERE ROUTINE_SCHEMA = DATABASE() AND ROUTINE_NAME = 'sp_refresh_all' AND ROUTINE_TYPE = 'PROCEDURE'`,
  );
  return Number(rows[0]?.n ?? 0) > 0 ? "routines" : "portable";
}

export interface RunOptions {
  readonly full: boolean;
  /** Told each statement's step and duration when the application runs them, for profiling. */
  readonly onStatement?: (step: string, index: number, ms: number) => void;
  /** Stops between statements once aborted (the running ones are killed by the caller). */
  readonly signal?: AbortSignal;
  /** Another connection to the same database, for the files of a stage to run side by side. */
  readonly openConnection?: () => Promise<Connection>;
  /** Connections a stage uses at most, the caller's included (1, the default: only the caller's). */
  readonly concurrency?: number;
}

/** Runs the whole refresh in the database's mode; returns the mode it is in. */
export async function runRefresh(connection: Connection, options: RunOptions): Promise<RefreshMode> {
  const mode = await refreshModeOf(connection);
  const sideBySide = (options.concurrency ?? 1) > 1 && options.openConnection !== undefined;
  if (mode === "routines" && !(options.full && sideBySide)) {
    await allowLargeTempTables(connection);
    await connection.query("CALL sp_refresh_all(?)", [options.full ? 1 : 0]);
  } else {
    await runRefreshStatements(connection, await readRefreshSteps(), options);
  }
  return mode;
}

/** The statements of every step in order, stage by stage, under the refresh lock. */
export async function runRefreshStatements(
  connection: Connection,
  steps: readonly RefreshStep[],
  options: RunOptions,
): Promise<void> {
  await allowLargeTempTables(connection);
  const [[database]] = await connection.query<RowDataPacket[]>(
    "SELECT DATABASE() AS name, @kpi_bulk_load AS bulk",
  );
  const lock = refreshLockName(String(database?.name ?? ""));
  const [[got]] = await connection.query<RowDataPacket[]>("SELECT GET_LOCK(?, ?) AS got", [
    lock,
    LOCK_WAIT_SECONDS,
  ]);
  if (Number(got?.got ?? 0) !== 1) throw new Error("another rollup refresh is still running");
  const helpers = new HelperConnections(options);
  try {
    const bulk = options.full ? 1 : (database?.bulk ?? null);
    await connection.query("SET @refresh_full = ?, @kpi_bulk_load = ?", [options.full ? 1 : 0, bulk]);
    for (const stage of refreshStages(steps)) {
      const connections = [connection, ...(await helpers.take(stage.length - 1))];
      if (connections.length > 1) await copyVariables(connection, connections.slice(1));
      await runSideBySide(connections, stage, options);
    }
  } finally {
    await connection
      .query("SET @refresh_full = NULL, @kpi_bulk_load = ?", [database?.bulk ?? null])
      .catch(() => undefined);
    await helpers.close();
    await connection.query("DO RELEASE_LOCK(?)", [lock]).catch(() => undefined);
  }
}

/** Each connection takes the stage's next file until none is left; the first failure stops the rest. */
async function runSideBySide(
  connections: readonly Connection[],
  stage: readonly RefreshStep[],
  options: RunOptions,
): Promise<void> {
  const queue = [...stage];
  let failure: { error: unknown } | undefined;
  const stopped = () => failure !== undefined || options.signal?.aborted === true;
  const lane = async (connection: Connection) => {
    for (let step = queue.shift(); step && !stopped(); step = queue.shift()) {
      try {
        await runStep(connection, step, options, stopped);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(connections.map(lane));
  if (options.signal?.aborted) throw options.signal.reason;
  if (failure) throw failure.error;
}

async function runStep(
  connection: Connection,
  step: RefreshStep,
  options: RunOptions,
  stopped: () => boolean,
): Promise<void> {
  const loads = options.full ? emptyTableLoads(step) : new Map<number, string>();
  for (const [index, statement] of step.statements.entries()) {
    if (stopped()) return;
    if (!runsIn(statement, options.full)) continue;
    const started = performance.now();
    const table = loads.get(index);
    try {
      await (table ? loadEmptied(connection, table, statement) : connection.query(statement));
    } catch (error) {
      // The driver's error (its code is what callers map) with the statement's place in front.
      if (error instanceof Error)
        error.message = `${step.displayPath} statement ${index + 1}: ${error.message}`;
      throw error;
    }
    options.onStatement?.(step.name, index, performance.now() - started);
  }
}

/**
 * A full rebuild's INSERT into a rollup its file has just emptied (emptyTableLoads), loaded in
 * bulk: with unique_checks and foreign_key_checks off for the statement, MariaDB's InnoDB takes
 * its path for an insert into an empty table (the rows sorted, each index built once, the whole
 * load undone as one record) instead of inserting row by row into every index. Skipping the two
 * checks loses nothing here: the rows are grouped by the rollup's key, so none repeats, and every
 * key they reference comes from a base row whose own foreign keys were checked when it was
 * written (a test finds no dangling one after a rebuild). But MariaDB 10.11 drops every row of
 * such a load, without an error, when two share a key (seen on 10.11.19): the table's rows are
 * counted against the rows the statement wrote, and a load that lost any runs again the ordinary
 * way, which gives the same rows, or the same duplicate-key error, as a refresh without the bulk
 * path. An engine without these variables (TiDB) runs the statement as it is.
 */
export async function loadEmptied(connection: Connection, table: string, statement: string): Promise<void> {
  const saved = await connection
    .query<RowDataPacket[]>("SELECT @@SESSION.unique_checks AS uniq, @@SESSION.foreign_key_checks AS fk")
    .then(([[row]]) => row, skipUnknownVariable);
  if (!saved) {
    await connection.query(statement);
    return;
  }
  await connection.query("SET SESSION unique_checks = 0, foreign_key_checks = 0");
  let written: number;
  try {
    const [result] = await connection.query<ResultSetHeader>(statement);
    written = result.affectedRows;
  } finally {
    await connection.query("SET SESSION unique_checks = ?, foreign_key_checks = ?", [saved.uniq, saved.fk]);
  }
  const [[held]] = await connection.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${table}`);
  if (Number(held?.n) === written) return;
  await connection.query(`TRUNCATE TABLE ${table}`);
  await connection.query(statement);
}

/** The refresh's session variables, as the first connection holds them now, set on the others. */
async function copyVariables(from: Connection, to: readonly Connection[]): Promise<void> {
  const read = REFRESH_VARIABLES.map((v) => `CAST(@${v.name} AS CHAR) AS ${v.name}`).join(", ");
  const [[values]] = await from.query<RowDataPacket[]>(`SELECT ${read}`);
  const set = `SET ${REFRESH_VARIABLES.map((v) => `@${v.name} = CAST(? AS ${v.type})`).join(", ")}`;
  const params = REFRESH_VARIABLES.map((v) => values?.[v.name] ?? null);
  await Promise.all(to.map((connection) => connection.query(set, params)));
}

/**
 * The extra connections of a side-by-side refresh, opened when a stage first needs them and
 * kept to its end. An abort kills what they are running, from a connection of its own.
 */
class HelperConnections {
  private readonly open: Connection[] = [];
  private readonly limit: number;
  private readonly onAbort = () => void this.killRunning();

  constructor(private readonly options: RunOptions) {
    this.limit = options.openConnection ? Math.max(0, (options.concurrency ?? 1) - 1) : 0;
    options.signal?.addEventListener("abort", this.onAbort, { once: true });
  }

  async take(wanted: number): Promise<Connection[]> {
    const count = Math.min(wanted, this.limit);
    while (this.open.length < count && this.options.openConnection) {
      const connection = await this.options.openConnection();
      this.open.push(connection);
      await allowLargeTempTables(connection);
    }
    return this.open.slice(0, count);
  }

  private async killRunning(): Promise<void> {
    if (this.options.openConnection) await killQueries(this.options.openConnection, this.open);
  }

  async close(): Promise<void> {
    this.options.signal?.removeEventListener("abort", this.onAbort);
    await Promise.all(this.open.map((c) => c.end().catch(() => c.destroy())));
  }
}
