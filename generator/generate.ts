/**
 * `kpi generate`: checks the database, empties it when asked (--replace), loads every table,
 * then runs the full refresh (sp_refresh_all(1)'s statements, src/db/refresh-runner.ts) to derive
 * order totals, rollups, funnel counters, ad budgets and campaign totals. A failed or
 * interrupted run empties the generated tables again, so the
 * database is left empty (it was empty before, or --replace had already emptied it). An
 * interrupt kills the statement running on the server (a load, the refresh) so the run stops at
 * once. A run killed outright leaves its generate_in_progress row: the next run names it.
 */
import type { RowDataPacket } from "mysql2/promise";
import {
  type Connection,
  connect,
  connectionFailure,
  connectionOpener,
  killQueries,
} from "../src/db/connect.js";
import type { DatabaseTarget } from "../src/db/database-url.js";
import { runRefresh } from "../src/db/refresh-runner.js";
import { InterruptedError, isUserError, UserError } from "../src/errors.js";
import { buildWorld } from "./build-world.js";
import {
  assertSchema,
  emptyTables,
  finishRun,
  firstNonEmptyTable,
  startRun,
  unfinishedRun,
} from "./load/database-state.js";
import type { GenerateOptions } from "./options.js";
import { loadWorld } from "./pipeline.js";
import type { ProgressSink, TableReport } from "./progress.js";

/**
 * A loading connection's session: the triggers mark no dirty days (a full refresh follows), and
 * no unique check is made on the generated keys (foreign keys stay checked).
 */
const LOADING_SESSION = "SET @kpi_bulk_load = 1, SESSION unique_checks = 0";

export interface GenerateDeps {
  /** Milliseconds from a monotonic clock: used for durations only. */
  readonly now: () => number;
  readonly progress: ProgressSink;
  readonly signal?: AbortSignal;
  /** Connections the full refresh at the end may use at once (REFRESH_CONCURRENCY; default 1). */
  readonly refreshConcurrency?: number;
}

export interface GenerateReport {
  readonly database: string;
  readonly options: GenerateOptions;
  readonly tables: readonly TableReport[];
  readonly totalRows: number;
  /** Generating and loading all tables. */
  readonly loadSeconds: number;
  /** The full refresh: totals, rollups, funnel, budgets. */
  readonly refreshSeconds: number;
  readonly seconds: number;
}

const DB_ERROR = /^(ER_|PROTOCOL_|ECONN|ETIMEDOUT|EPIPE)/;

function lockName(database: string): string {
  return `kpi_generate:${database}`.slice(0, 64);
}

export async function generate(
  databaseUrl: string,
  options: GenerateOptions,
  deps: GenerateDeps,
): Promise<GenerateReport> {
  const started = deps.now();
  const { connection, target } = await connect(databaseUrl);
  try {
    const [[lock]] = await connection.query<RowDataPacket[]>("SELECT GET_LOCK(?, 0) AS got", [
      lockName(target.database),
    ]);
    if (lock?.got !== 1) {
      throw new UserError(
        "generate_locked",
        `Another kpi generate is writing into ${target.database}; try again when it ends.`,
      );
    }
    await assertSchema(connection, target.database);
    const unfinished = await unfinishedRun(connection);
    if (unfinished !== undefined && !options.replace) {
      throw new UserError(
        "generate_unfinished",
        `A previous generate was interrupted (started ${unfinished}); run with --replace to repair.`,
      );
    }
    const busy = await firstNonEmptyTable(connection);
    if (busy !== undefined && !options.replace) {
      throw new UserError(
        "database_not_empty",
        `Database ${target.database} already has data (table ${busy} is not empty). Run again with --replace to delete it and generate afresh.`,
      );
    }
    await startRun(connection);
    await connection.query(LOADING_SESSION);
    if (busy !== undefined) deps.progress.phase(`Emptying the tables of ${target.database} (--replace)...`);
    await emptyTables(connection);
    return await fill(connection, target, databaseUrl, options, deps, started);
  } finally {
    await connection.end().catch(() => undefined);
  }
}

async function fill(
  connection: Connection,
  target: DatabaseTarget,
  databaseUrl: string,
  options: GenerateOptions,
  deps: GenerateDeps,
  started: number,
): Promise<GenerateReport> {
  let stage = "planning the data";
  // KILL QUERY from a second connection: a statement waiting on the server (a lock, a long
  // insert, the refresh) would otherwise run on after the interrupt.
  const kill = () => void killQueries(connectionOpener(databaseUrl), [connection]);
  deps.signal?.addEventListener("abort", kill, { once: true });
  try {
    const loadStarted = deps.now();
    const world = buildWorld(options);
    const tables = await loadWorld(connection, world, {
      ...deps,
      openConnection: async () => {
        const { connection: other } = await connect(databaseUrl);
        await other.query(LOADING_SESSION);
        return other;
      },
      onTable: (table) => {
        stage = `loading ${table}`;
      },
    });
    const loadSeconds = (deps.now() - loadStarted) / 1000;
    stage = "refreshing derived figures";
    deps.progress.phase("Refreshing order totals, rollups, funnel metrics and budgets...");
    const refreshStarted = deps.now();
    await refreshAll(connection, databaseUrl, deps);
    const refreshSeconds = (deps.now() - refreshStarted) / 1000;
    await finishRun(connection);
    return {
      database: target.database,
      options,
      tables,
      totalRows: tables.reduce((sum, t) => sum + t.rows, 0),
      loadSeconds,
      refreshSeconds,
      seconds: (deps.now() - started) / 1000,
    };
  } catch (error) {
    const cleanup = await emptyAfterFailure(databaseUrl);
    throw describeFailure(error, target, stage, cleanup, deps.signal);
  } finally {
    deps.signal?.removeEventListener("abort", kill);
  }
}

/**
 * The full refresh (sp_refresh_all(1)'s statements, side by side on REFRESH_CONCURRENCY
 * connections); an interrupt kills it (see fill; the runner kills what its other connections run).
 */
async function refreshAll(connection: Connection, databaseUrl: string, deps: GenerateDeps): Promise<void> {
  const { signal } = deps;
  if (signal?.aborted) throw signal.reason;
  await runRefresh(connection, {
    full: true,
    concurrency: deps.refreshConcurrency ?? 1,
    openConnection: connectionOpener(databaseUrl),
    ...(signal ? { signal } : {}),
  });
  if (signal?.aborted) throw signal.reason;
}

/** Empties the tables on a fresh connection (the loading one may be broken); returns a note for the message. */
async function emptyAfterFailure(databaseUrl: string): Promise<string> {
  try {
    const { connection } = await connect(databaseUrl);
    try {
      await connection.query("SET @kpi_bulk_load = 1");
      await emptyTables(connection);
      await finishRun(connection);
      return "The generated tables were emptied again.";
    } finally {
      await connection.end().catch(() => undefined);
    }
  } catch (error) {
    return `Emptying the tables failed too (${firstLine(error)}); run kpi generate --replace to start over.`;
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n")[0] ?? "").replace(/\.$/, "");
}

function describeFailure(
  error: unknown,
  target: DatabaseTarget,
  stage: string,
  cleanup: string,
  signal?: AbortSignal,
): unknown {
  if (signal?.aborted) {
    const by = signal.reason instanceof InterruptedError ? signal.reason.signal : "SIGINT";
    return new InterruptedError(by, `Interrupted while ${stage}. ${cleanup}`, { cause: error });
  }
  if (isUserError(error)) {
    return new UserError(error.code, `${error.message.replace(/\.$/, "")}. ${cleanup}`, { cause: error });
  }
  const code = String((error as { code?: unknown }).code ?? "");
  if (!DB_ERROR.test(code)) return error;
  const mapped = connectionFailure(error, target);
  const reason = isUserError(mapped) ? mapped.message.replace(/\.$/, "") : firstLine(error);
  return new UserError("generate_failed", `Generating data failed while ${stage}: ${reason}. ${cleanup}`, {
    cause: error,
  });
}
