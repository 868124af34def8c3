/**
 * The read-only reporting account: SELECT on each `v_*` view of the database and nothing
 * else. The views are SQL SECURITY DEFINER, so the account needs no table privileges.
 * Re-running updates the password and resets the grants to exactly the current views.
 */
import type { Connection, RowDataPacket } from "mysql2/promise";
import { UserError } from "../errors.js";
import { quoteIdentifier } from "./database-url.js";
import { DEFAULT_READONLY_HOSTS } from "./readonly-hosts.js";

export interface GrantReadonlyOptions {
  readonly database: string;
  readonly user: string;
  readonly password: string;
  readonly hosts?: readonly string[];
}

export interface GrantReadonlyReport {
  readonly user: string;
  readonly hosts: readonly string[];
  readonly views: readonly string[];
  /** Hosts for which the account was created (the others existed and were updated). */
  readonly created: readonly string[];
}

const USER_NAME = /^[A-Za-z0-9_]{1,32}$/;
const HOST_NAME = /^[A-Za-z0-9_.%:-]{1,60}$/;

export async function reportingViews(connection: Connection, database: string): Promise<string[]> {
  const [rows] = await connection.query<RowDataPacket[]>(
    "SELECT TABLE_NAME AS name FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE 'v\\_%' ORDER BY TABLE_NAME",
    [database],
  );
  return rows.map((row) => String(row.name));
}

async function accountExists(connection: Connection, user: string, host: string): Promise<boolean> {
  const [rows] = await connection.query<RowDataPacket[]>(
    "SELECT 1 FROM mysql.user WHERE User = ? AND Host = ?",
    [user, host],
  );
  return rows.length > 0;
}

export async function grantReadonly(
  connection: Connection,
  options: GrantReadonlyOptions,
): Promise<GrantReadonlyReport> {
  const hosts = options.hosts ?? DEFAULT_READONLY_HOSTS;
  if (!USER_NAME.test(options.user)) {
    throw new UserError("bad_user", `--user ${JSON.stringify(options.user)}: use 1-32 letters, digits or _.`);
  }
  for (const host of hosts) {
    if (!HOST_NAME.test(host))
      throw new UserError("bad_host", `--host ${JSON.stringify(host)} is not a host name.`);
  }
  if (options.password.length < 8) {
    throw new UserError("weak_password", "The read-only account's password must be at least 8 characters.");
  }
  const views = await reportingViews(connection, options.database);
  if (views.length === 0) {
    throw new UserError(
      "no_views",
      `Database ${options.database} has no v_* views yet. Run: npx kpi db migrate`,
    );
  }
  const created: string[] = [];
  for (const host of hosts) {
    // Client-side escaping (query, not execute): user, host and password are quoted literals.
    if (await accountExists(connection, options.user, host)) {
      await connection.query("ALTER USER ?@? IDENTIFIED BY ?", [options.user, host, options.password]);
    } else {
      await connection.query("CREATE USER ?@? IDENTIFIED BY ?", [options.user, host, options.password]);
      created.push(host);
    }
    await connection.query("REVOKE ALL PRIVILEGES, GRANT OPTION FROM ?@?", [options.user, host]);
    for (const view of views) {
      await connection.query(
        `GRANT SELECT ON ${quoteIdentifier(options.database)}.${quoteIdentifier(view)} TO ?@?`,
        [options.user, host],
      );
    }
  }
  return { user: options.user, hosts, views, created };
}

export async function dropReadonly(
  connection: Connection,
  user: string,
  hosts: readonly string[] = DEFAULT_READONLY_HOSTS,
): Promise<void> {
  for (const host of hosts) await connection.query("DROP USER IF EXISTS ?@?", [user, host]);
}
