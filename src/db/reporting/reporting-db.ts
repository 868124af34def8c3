/**
 * The query path's database handle: Kysely over a mysql2 pool, every connection with a
 * statement timeout on the server (MariaDB `max_statement_time` in seconds, MySQL
 * `MAX_EXECUTION_TIME` in ms — chosen by the server found) and the same deadline on the
 * client (deadline-pool.ts: a network that drops packets never answers the server's), and
 * failures mapped to one user-facing error per kind.
 */
import { Kysely, MysqlDialect, type MysqlPool, type MysqlPoolConnection } from "kysely";
import { createPool } from "mysql2";
import { DataSourceTimeoutError, DataSourceUnavailableError } from "../../errors.js";
import { connectionOptions, parseDatabaseUrl } from "../database-url.js";
import { isClientTimeout, withDeadlines } from "../deadline-pool.js";
import type { CoreViews, ReportingDb } from "./reporting-views.js";

export interface ReportingDbOptions {
  readonly statementTimeoutMs: number;
  readonly connectionLimit?: number;
  /** Sees every query's SQL text, its bound parameters and its duration (tests: user text only as a parameter). */
  readonly onQuery?: (sql: string, parameters: readonly unknown[], durationMs: number) => void;
}

export type ServerFlavor = "mariadb" | "mysql";

export function timeoutStatement(flavor: ServerFlavor, ms: number): string {
  return flavor === "mariadb"
    ? `SET SESSION max_statement_time = ${(ms / 1000).toFixed(3)}`
    : `SET SESSION MAX_EXECUTION_TIME = ${Math.round(ms)}`;
}

export function flavorOf(version: string): ServerFlavor {
  return /mariadb/i.test(version) ? "mariadb" : "mysql";
}

export function createReportingDb(databaseUrl: string, options: ReportingDbOptions): ReportingDb {
  const target = parseDatabaseUrl(databaseUrl);
  const onQuery = options.onQuery;
  return new Kysely<CoreViews>({
    ...(onQuery
      ? { log: (event) => onQuery(event.query.sql, event.query.parameters, event.queryDurationMillis) }
      : {}),
    dialect: new MysqlDialect({
      pool: async () => {
        const pool = createPool({
          ...connectionOptions(target),
          connectionLimit: options.connectionLimit ?? 8,
          waitForConnections: true,
          enableKeepAlive: true,
        });
        const deadlined = withDeadlines(pool, options.statementTimeoutMs);
        try {
          const statement = await timeoutStatementOf(deadlined, options.statementTimeoutMs);
          pool.on("connection", (connection) => {
            connection.query(statement);
          });
        } catch (error) {
          pool.end(() => undefined);
          throw error;
        }
        return deadlined;
      },
    }),
  });
}

/** Probes the server once for its flavour, sets the timeout on that connection and returns the statement. */
async function timeoutStatementOf(pool: MysqlPool, ms: number): Promise<string> {
  const probe = await new Promise<MysqlPoolConnection>((resolve, reject) =>
    pool.getConnection((error, connection) => (error ? reject(error) : resolve(connection))),
  );
  const run = (sql: string) =>
    new Promise<unknown>((resolve, reject) =>
      probe.query(sql, [], (error, rows) => (error ? reject(error) : resolve(rows))),
    );
  try {
    const rows = (await run("SELECT VERSION() AS v")) as { v: string }[];
    const statement = timeoutStatement(flavorOf(String(rows[0]?.v)), ms);
    await run(statement);
    return statement;
  } finally {
    probe.release();
  }
}

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ECONNRESET",
  "EPIPE",
  "EAI_AGAIN",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT",
  "ER_CON_COUNT_ERROR",
  "ER_SERVER_SHUTDOWN",
  "ER_QUERY_TIMEOUT",
  "ER_STATEMENT_TIMEOUT",
  "ER_QUERY_INTERRUPTED",
  "ER_LOCK_WAIT_TIMEOUT",
]);
/** MariaDB 1969 (max_statement_time exceeded), MySQL 3024 (MAX_EXECUTION_TIME), 1317 interrupted. */
const UNAVAILABLE_ERRNOS = new Set([1969, 3024, 1317, 1205, 1040, 1053]);

/** True for failures that mean "the data source cannot answer now" (down, unreachable, timed out). */
export function isUnavailable(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; fatal?: boolean };
  if (!e || typeof e !== "object") return false;
  return (
    (e.code !== undefined && UNAVAILABLE_CODES.has(e.code)) ||
    (e.errno !== undefined && UNAVAILABLE_ERRNOS.has(e.errno)) ||
    e.fatal === true
  );
}

/** MariaDB 1969 (max_statement_time exceeded), MySQL 3024 (MAX_EXECUTION_TIME). */
const SERVER_TIMEOUT_ERRNOS = new Set([1969, 3024]);

/** True for a statement or connection wait past its deadline, given up on by the server or by us. */
export function isTimeout(error: unknown): boolean {
  const errno = (error as { errno?: number } | null)?.errno;
  return isClientTimeout(error) || (errno !== undefined && SERVER_TIMEOUT_ERRNOS.has(errno));
}

/** Runs a query function; timeouts and availability failures become their one user-facing message. */
export async function guardAvailability<T>(work: () => Promise<T>, timeoutMs: number): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isTimeout(error)) throw new DataSourceTimeoutError(timeoutMs, { cause: error });
    if (isUnavailable(error)) throw new DataSourceUnavailableError({ cause: error });
    throw error;
  }
}
