/** Opening owner-account connections (migrations, generator, refresh) with clear failures. */
import mysql from "mysql2/promise";
import { UserError } from "../errors.js";
import { connectionOptions, type DatabaseTarget, parseDatabaseUrl, quoteIdentifier } from "./database-url.js";

export type Connection = mysql.Connection;

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ECONNRESET",
  "EAI_AGAIN",
]);

const ACCESS_DENIED_CODES = new Set([
  "ER_ACCESS_DENIED_ERROR",
  "ER_ACCESS_DENIED_NO_PASSWORD_ERROR",
  "ER_DBACCESS_DENIED_ERROR",
]);

/**
 * Turns a connection failure into a one-line UserError, "Cannot reach the database at host:port
 * (reason)", for every command; other errors pass through. Never names the password.
 */
export function connectionFailure(error: unknown, target: DatabaseTarget): unknown {
  const code = (error as { code?: string }).code ?? "";
  const at = `Cannot reach the database at ${target.host}:${target.port}`;
  if (UNREACHABLE_CODES.has(code)) {
    return new UserError("database_unreachable", `${at} (${code}). Is the server running?`, { cause: error });
  }
  if (ACCESS_DENIED_CODES.has(code)) {
    return new UserError(
      "database_access_denied",
      `${at} (access denied for user ${target.user}: ${code}). Check the user and password in the URL.`,
      { cause: error },
    );
  }
  if (code === "ER_BAD_DB_ERROR") {
    return new UserError(
      "database_missing",
      `${at} (database ${target.database} does not exist). Create it with: npx kpi db migrate`,
      { cause: error },
    );
  }
  return error;
}

export interface ConnectOptions {
  /** Create the database when it does not exist yet (migrations only). */
  readonly createDatabase?: boolean;
  readonly multipleStatements?: boolean;
}

export async function connect(
  databaseUrl: string,
  options: ConnectOptions = {},
): Promise<{ connection: Connection; target: DatabaseTarget; created: boolean }> {
  const target = parseDatabaseUrl(databaseUrl);
  let created = false;
  try {
    if (options.createDatabase) {
      const server = await mysql.createConnection(connectionOptions(target, false));
      try {
        const [rows] = await server.query<mysql.RowDataPacket[]>(
          "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?",
          [target.database],
        );
        if (rows.length === 0) {
          await server.query(
            `CREATE DATABASE IF NOT EXISTS ${quoteIdentifier(target.database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
          );
          created = true;
        }
      } finally {
        await server.end();
      }
    }
    const connection = await mysql.createConnection({
      ...connectionOptions(target),
      multipleStatements: options.multipleStatements ?? false,
    });
    return { connection, target, created };
  } catch (error) {
    throw connectionFailure(error, target);
  }
}

/** A connection to the server without selecting a database (create or drop one). */
export async function connectServer(
  databaseUrl: string,
): Promise<{ connection: Connection; target: DatabaseTarget }> {
  const target = parseDatabaseUrl(databaseUrl);
  try {
    return { connection: await mysql.createConnection(connectionOptions(target, false)), target };
  } catch (error) {
    throw connectionFailure(error, target);
  }
}

/** Runs `work` with a connection that is always closed afterwards. */
export async function withConnection<T>(
  databaseUrl: string,
  work: (connection: Connection, target: DatabaseTarget) => Promise<T>,
  options: ConnectOptions = {},
): Promise<T> {
  const { connection, target } = await connect(databaseUrl, options);
  try {
    return await work(connection, target);
  } finally {
    await connection.end().catch(() => undefined);
  }
}

/** Opens another owner-account connection to `databaseUrl` each time it is called. */
export function connectionOpener(databaseUrl: string): () => Promise<Connection> {
  return async () => (await connect(databaseUrl)).connection;
}

/**
 * Stops the statements those connections are running (KILL QUERY, from a connection `open`
 * gives, closed afterwards); the connections stay open. Best effort: a failure is ignored.
 */
export async function killQueries(
  open: () => Promise<Connection>,
  connections: readonly Pick<Connection, "threadId">[],
): Promise<void> {
  if (connections.length === 0) return;
  const killer = await open().catch(() => undefined);
  if (!killer) return;
  for (const connection of connections) {
    await killer.query(`KILL QUERY ${Number(connection.threadId)}`).catch(() => undefined);
  }
  await killer.end().catch(() => undefined);
}
