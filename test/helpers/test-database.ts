/**
 * Each test file gets its own uniquely named database on the real server
 * (TEST_DATABASE_SERVER_URL, default mysql://root@127.0.0.1:3306), migrated, and dropped afterwards,
 * so parallel runs and reruns never collide.
 */
import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import { connectionOptions, parseDatabaseUrl } from "../../src/db/database-url.js";
import { dropDatabase, migrate, type RoutinesSetting } from "../../src/db/migrate/migrator.js";

export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? "mysql://root@127.0.0.1:3306";

/**
 * What the test databases are migrated with: the vitest project "portable" (vitest.config.ts)
 * sets KPI_TEST_DB_ROUTINES=off, so its suites run on databases with no procedures and no
 * triggers, refreshed by the application.
 */
export const TEST_ROUTINES: RoutinesSetting = process.env.KPI_TEST_DB_ROUTINES === "off" ? "off" : "on";

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  readonly connection: mysql.Connection;
  drop(): Promise<void>;
}

export function uniqueDatabaseName(prefix = "kpi_test"): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
}

export function databaseUrl(name: string): string {
  return `${TEST_SERVER_URL.replace(/\/$/, "")}/${name}`;
}

/** A fresh database; migrated (with TEST_ROUTINES unless given) unless `migrated: false`. */
export async function createTestDatabase(
  options: { migrated?: boolean; prefix?: string; routines?: RoutinesSetting } = {},
): Promise<TestDatabase> {
  const name = uniqueDatabaseName(options.prefix);
  const url = databaseUrl(name);
  if (options.migrated === false) {
    const server = await mysql.createConnection(connectionOptions(parseDatabaseUrl(url), false));
    await server.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await server.end();
  } else {
    const routines = options.routines ?? TEST_ROUTINES;
    const report = await migrate(url, { routines });
    if (report.portable !== (routines === "off")) {
      throw new Error(`${name} was migrated ${report.portable ? "portable" : "with routines"}, not as asked`);
    }
  }
  const connection = await mysql.createConnection({
    ...connectionOptions(parseDatabaseUrl(url)),
    multipleStatements: true,
  });
  return {
    name,
    url,
    connection,
    async drop() {
      await connection.end().catch(() => undefined);
      await dropDatabase(url);
    },
  };
}
