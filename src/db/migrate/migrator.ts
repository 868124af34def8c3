/**
 * `kpi db migrate`: schema files once each (recorded with a checksum), then every routine
 * and view re-created (they hold no data). `kpi db reset`: drop the database and migrate.
 * The procedures are built from the refresh statements under db/refresh/ (refresh-steps.ts).
 * Portable mode (DB_ROUTINES=off, or `auto` on a server that refuses CREATE PROCEDURE or
 * CREATE TRIGGER) creates no routine and no trigger and drops ours if present: the refresh then
 * runs the same statements from the application (refresh-runner.ts).
 */
import type { RowDataPacket } from "mysql2/promise";
import { UserError } from "../../errors.js";
import { type Connection, connect, connectServer } from "../connect.js";
import { quoteIdentifier } from "../database-url.js";
import { expandRefreshIncludes, type RefreshStep, readRefreshSteps } from "../refresh-steps.js";
import { parseRoutine, type Routine } from "./routine-file.js";
import { DB_DIR, readSqlDir, type SqlFile } from "./sql-files.js";
import { orderViews } from "./view-order.js";

export const MIGRATIONS_TABLE = "schema_migrations";

export interface MigrationReport {
  readonly database: string;
  readonly databaseCreated: boolean;
  /** Schema files applied by this run, in order. */
  readonly applied: readonly string[];
  /** Schema files that were already applied and unchanged. */
  readonly unchanged: number;
  readonly routines: number;
  readonly triggers: number;
  readonly views: number;
  /** No routines or triggers: the application runs the refresh (DB_ROUTINES=off or refused). */
  readonly portable: boolean;
}

/** DB_ROUTINES: create the procedures and triggers (on), never (off), or unless refused (auto). */
export type RoutinesSetting = "auto" | "on" | "off";

export interface MigrateOptions {
  readonly dbDir?: string;
  readonly routines?: RoutinesSetting;
}

export async function migrate(databaseUrl: string, options: MigrateOptions = {}): Promise<MigrationReport> {
  const dbDir = options.dbDir ?? DB_DIR;
  const setting = options.routines ?? "auto";
  const [schema, procedures, triggers, views, steps] = await Promise.all([
    readSqlDir(dbDir, "schema"),
    readSqlDir(dbDir, "procedures"),
    readSqlDir(dbDir, "triggers"),
    readSqlDir(dbDir, "views"),
    readRefreshSteps(dbDir),
  ]);
  const routines = buildProcedures(procedures, steps);
  const triggerRoutines = triggers.map(parseRoutine);

  const { connection, target, created } = await connect(databaseUrl, {
    createDatabase: true,
    multipleStatements: true,
  });
  const lock = `kpi_migrate:${target.database}`;
  try {
    const [[got]] = await connection.query<RowDataPacket[]>("SELECT GET_LOCK(?, 60) AS got", [lock]);
    if (got?.got !== 1)
      throw new UserError("migration_locked", "Another migration is running; try again when it ends.");
    try {
      const applied = await applySchema(connection, schema);
      const all = [...routines, ...triggerRoutines];
      const portable = setting === "off" || (setting === "auto" && (await refusesRoutines(connection, all)));
      for (const routine of all) {
        if (portable) await dropRoutine(connection, routine);
        else await recreateRoutine(connection, routine);
      }
      for (const view of orderViews(views)) await runFile(connection, view);
      return {
        database: target.database,
        databaseCreated: created,
        applied,
        unchanged: schema.length - applied.length,
        routines: portable ? 0 : routines.length,
        triggers: portable ? 0 : triggerRoutines.length,
        views: views.length,
        portable,
      };
    } finally {
      await connection.query("SELECT RELEASE_LOCK(?)", [lock]);
    }
  } finally {
    await connection.end().catch(() => undefined);
  }
}

async function applySchema(connection: Connection, files: readonly SqlFile[]): Promise<string[]> {
  await connection.query(
    `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
       filename VARCHAR(255) NOT NULL PRIMARY KEY,
       checksum CHAR(64) NOT NULL,
       applied_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
     ) ENGINE=InnoDB`,
  );
  const [rows] = await connection.query<RowDataPacket[]>(
    `SELECT filename, checksum FROM ${MIGRATIONS_TABLE}`,
  );
  const done = new Map(rows.map((r) => [String(r.filename), String(r.checksum)]));

  const edited = files.filter((f) => done.has(f.file) && done.get(f.file) !== f.checksum);
  if (edited.length > 0) {
    const names = edited.map((f) => f.displayPath).join(", ");
    throw new UserError(
      "migration_edited",
      `Refusing to migrate: ${names} changed after it was applied. Applied schema files are never edited; put the change in a new file.`,
    );
  }

  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file.file)) continue;
    await runFile(connection, file);
    await connection.query(`INSERT INTO ${MIGRATIONS_TABLE} (filename, checksum) VALUES (?, ?)`, [
      file.file,
      file.checksum,
    ]);
    applied.push(file.file);
  }
  return applied;
}

/**
 * The procedures with their `-- refresh:` lines replaced by the statements of db/refresh/; every
 * statement file must be taken in by exactly one procedure (one definition, reached once).
 */
export function buildProcedures(procedures: readonly SqlFile[], steps: readonly RefreshStep[]): Routine[] {
  const used = new Set<string>();
  const routines = procedures.map((file) => {
    const before = used.size;
    const sql = expandRefreshIncludes(file, steps, used);
    if (used.size - before !== (file.sql.match(/^[ \t]*-- refresh: /gm) ?? []).length) {
      throw new Error(`${file.displayPath}: takes in a db/refresh/ file that is taken in elsewhere too`);
    }
    return parseRoutine({ ...file, sql });
  });
  const unused = steps.filter((s) => !used.has(s.name)).map((s) => s.displayPath);
  if (unused.length > 0) throw new Error(`no procedure takes in ${unused.join(", ")}`);
  return routines;
}

/**
 * Whether the server refuses stored routines or triggers (TiDB, Vitess on a sharded keyspace):
 * a throwaway procedure and trigger are created and dropped. A server that takes them but fails
 * on one of ours reports that file's error instead (recreateRoutine).
 */
async function refusesRoutines(connection: Connection, routines: readonly Routine[]): Promise<boolean> {
  const probes = [
    ["PROCEDURE", "kpi_probe_procedure", "CREATE PROCEDURE kpi_probe_procedure() BEGIN END"],
    [
      "TRIGGER",
      "kpi_probe_trigger",
      "CREATE TRIGGER kpi_probe_trigger AFTER UPDATE ON rollup_state FOR EACH ROW BEGIN END",
    ],
  ] as const;
  if (routines.length === 0) return false;
  for (const [kind, name, sql] of probes) {
    try {
      await connection.query(sql);
    } catch {
      return true;
    }
    await connection.query(`DROP ${kind} IF EXISTS ${name}`);
  }
  return false;
}

async function dropRoutine(connection: Connection, routine: Routine): Promise<void> {
  try {
    await connection.query(`DROP ${routine.kind} IF EXISTS ${quoteIdentifier(routine.name)}`);
  } catch {
    // A server without routines may refuse the DROP too; there is nothing of ours to drop then.
  }
}

async function recreateRoutine(connection: Connection, routine: Routine): Promise<void> {
  await connection.query(`DROP ${routine.kind} IF EXISTS ${quoteIdentifier(routine.name)}`);
  await runFile(connection, routine.file);
}

async function runFile(connection: Connection, file: SqlFile): Promise<void> {
  try {
    await connection.query(file.sql);
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(`${file.displayPath}: ${message}`, { cause: error });
  }
}

/** Drops the database (all data) and migrates it afresh. */
export async function resetDatabase(
  databaseUrl: string,
  options: MigrateOptions = {},
): Promise<MigrationReport> {
  await dropDatabase(databaseUrl);
  return migrate(databaseUrl, options);
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const { connection, target } = await connectServer(databaseUrl);
  try {
    await connection.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(target.database)}`);
  } finally {
    await connection.end().catch(() => undefined);
  }
}

/** How a migration report reads in a terminal. */
export function describeMigration(report: MigrationReport): string {
  const lines: string[] = [];
  if (report.databaseCreated) lines.push(`Created database ${report.database}.`);
  if (report.applied.length === 0) {
    lines.push(`Schema up to date: all ${report.unchanged} schema files already applied, nothing changed.`);
  } else {
    lines.push(`Applied ${report.applied.length} schema file(s): ${report.applied.join(", ")}.`);
  }
  lines.push(
    report.portable
      ? `Portable mode: no procedures or triggers; re-created ${report.views} views in ${report.database}. kpi-bot runs the refresh statements itself.`
      : `Re-created ${report.routines} routines, ${report.triggers} triggers and ${report.views} views in ${report.database}.`,
  );
  return lines.join("\n");
}
