/**
 * A mysql2 pool as Kysely's MysqlDialect takes it, with a deadline on every wait: getting a
 * connection (the pool's queue, or connecting) gives up after `timeoutMs`, and every
 * statement has a client-side timeout of `timeoutMs` — the server's own statement timeout
 * cannot help when the network drops packets. A connection whose statement timed out is
 * destroyed (its protocol state is unknown), so it never goes back to the pool.
 */
import type {
  MysqlPool,
  MysqlPoolConnection,
  MysqlQueryResult,
  MysqlStream,
  MysqlStreamOptions,
} from "kysely";
import type { Pool, PoolConnection } from "mysql2";

/** DB_STATEMENT_TIMEOUT_MS when unset. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;

/** mysql2's code for a statement past its `timeout`, and ours for no connection in time. */
const CLIENT_TIMEOUT_CODES = new Set(["PROTOCOL_SEQUENCE_TIMEOUT", "POOL_ACQUIRE_TIMEOUT"]);

/** True for a wait this module gave up on. */
export function isClientTimeout(error: unknown): boolean {
  return CLIENT_TIMEOUT_CODES.has((error as { code?: string } | null)?.code ?? "");
}

export function withDeadlines(pool: Pool, timeoutMs: number): MysqlPool {
  const wrapped = new WeakMap<PoolConnection, MysqlPoolConnection>();
  const wrap = (connection: PoolConnection) => {
    let deadlined = wrapped.get(connection);
    if (!deadlined) {
      deadlined = deadlineConnection(connection, timeoutMs);
      wrapped.set(connection, deadlined);
    }
    return deadlined;
  };
  return {
    getConnection(callback) {
      let waiting = true;
      const timer = setTimeout(() => {
        waiting = false;
        const error = Object.assign(new Error(`no database connection within ${timeoutMs} ms`), {
          code: "POOL_ACQUIRE_TIMEOUT",
        });
        callback(error, undefined as never);
      }, timeoutMs);
      pool.getConnection((error, connection) => {
        if (!waiting) {
          connection?.release(); // came too late: back to the pool, unused
          return;
        }
        waiting = false;
        clearTimeout(timer);
        if (error) callback(error, undefined as never);
        else callback(null, wrap(connection));
      });
    },
    end: (callback) => pool.end(callback),
  };
}

/** What Kysely streams rows from (mysql2's Query). */
type StreamingQuery = { stream: <T>(options: MysqlStreamOptions) => MysqlStream<T> };

function deadlineConnection(connection: PoolConnection, timeoutMs: number): MysqlPoolConnection {
  function query(sql: string, values: unknown[]): StreamingQuery;
  function query(
    sql: string,
    values: unknown[],
    callback: (error: unknown, result: MysqlQueryResult) => void,
  ): void;
  function query(
    sql: string,
    values: unknown[],
    callback?: (error: unknown, result: MysqlQueryResult) => void,
  ): StreamingQuery | undefined {
    const options = { sql, values, timeout: timeoutMs };
    if (!callback) {
      const streamed = connection.query(options).on("error", (error) => {
        if (isClientTimeout(error)) connection.destroy();
      });
      return streamed as unknown as StreamingQuery;
    }
    connection.query(options, (error, result) => {
      if (isClientTimeout(error)) connection.destroy();
      callback(error, result as MysqlQueryResult);
    });
    return undefined;
  }
  return { query, release: () => connection.release() };
}
