/**
 * The refresh's one definition: plain SQL statement files under db/refresh/ (`NN_name.sql`,
 * run in name order). Their parameters are session variables (`@refresh_full`, …) that both
 * ways of running them set: the stored procedures under db/procedures/ take them in with a
 * `-- refresh: NN_name` line (replaced by the file's statements when the migrator builds the
 * procedure), and portable mode runs them from the application (refresh-runner.ts).
 *
 * A statement that only one kind of refresh runs starts with a line `-- when: full` or
 * `-- when: incremental` (a full rebuild empties a rollup with TRUNCATE where an incremental
 * refresh deletes its recomputed days): portable mode skips it in the other kind, and a
 * procedure takes it in inside `IF @refresh_full = 1 THEN … END IF` (or `= 0`).
 *
 * Files whose names start with the same number are one stage (`31_ad_facts`, `31_order_work`,
 * `31_user_activity`): they read what earlier stages wrote and none reads what another of its
 * stage writes, so the application may run them side by side, each on a connection of its own
 * (refresh-runner.ts); a procedure takes them in one after the other. Such a file sets no
 * session variable: each connection gets the values the stage started with (REFRESH_VARIABLES).
 */
import { DB_DIR, readSqlDir, type SqlFile } from "./migrate/sql-files.js";

export interface RefreshStep {
  /** File name without `.sql`, e.g. `31_ad_facts`. */
  readonly name: string;
  readonly displayPath: string;
  /** The file's text, comments included (what a procedure takes in). */
  readonly sql: string;
  /** Its statements, one per entry, without the closing semicolon. */
  readonly statements: readonly string[];
}

/** Which refresh runs a statement: both, or only a full or only an incremental one. */
export type StatementWhen = "always" | "full" | "incremental";

/** The `-- when:` line among a statement's leading comments; "always" without one. */
export function statementWhen(statement: string): StatementWhen {
  for (const line of statement.split("\n")) {
    const text = line.trim();
    if (!text.startsWith("--")) break;
    const found = /^-- when: (full|incremental)$/.exec(text);
    if (found) return found[1] as StatementWhen;
  }
  return "always";
}

/** Whether a refresh (full or not) runs this statement. */
export function runsIn(statement: string, full: boolean): boolean {
  const when = statementWhen(statement);
  return when === "always" || (when === "full") === full;
}

/** A procedure line that takes in a step's statements: `  -- refresh: 31_ad_facts`. */
const INCLUDE_LINE = /^([ \t]*)-- refresh: ([0-9A-Za-z_]+)[ \t]*$/gm;

/**
 * Every session variable the statements under db/refresh/ read, with the SQL type it holds: what
 * a connection that joins a refresh midway is given (a test keeps this list complete).
 */
export const REFRESH_VARIABLES: readonly { readonly name: string; readonly type: "SIGNED" | "DATE" }[] = [
  { name: "refresh_full", type: "SIGNED" },
  { name: "refresh_from", type: "DATE" },
  { name: "refresh_until", type: "DATE" },
  { name: "refresh_orders_from", type: "DATE" },
  { name: "refresh_orders_to", type: "DATE" },
  { name: "refresh_days", type: "SIGNED" },
  { name: "kpi_bulk_load", type: "SIGNED" },
];

/**
 * The statements of a step that a full refresh runs into a table it has just emptied: a plain
 * `INSERT INTO t` (no IGNORE, no ON DUPLICATE KEY) after the step's `TRUNCATE TABLE t`, with no
 * other statement of the step naming t in between. Index → table; the runner loads these in
 * bulk (refresh-runner.ts).
 */
export function emptyTableLoads(step: RefreshStep): Map<number, string> {
  const loads = new Map<number, string>();
  const emptied = new Set<string>();
  for (const [index, statement] of step.statements.entries()) {
    if (!runsIn(statement, true)) continue;
    const text = statementCode(statement);
    const truncated = /^TRUNCATE TABLE (\w+)$/i.exec(text)?.[1];
    const inserted = /^INSERT INTO (\w+)\s*\(/i.exec(text)?.[1];
    if (inserted && emptied.has(inserted) && !/\bON DUPLICATE KEY\b/i.test(text)) loads.set(index, inserted);
    for (const table of emptied) if (new RegExp(`\\b${table}\\b`).test(text)) emptied.delete(table);
    if (truncated) emptied.add(truncated);
  }
  return loads;
}

/** The steps (in name order) grouped into stages: consecutive files with the same leading number. */
export function refreshStages(steps: readonly RefreshStep[]): RefreshStep[][] {
  const stages: RefreshStep[][] = [];
  let key: string | undefined;
  for (const step of steps) {
    const number = /^\d+/.exec(step.name)?.[0] ?? step.name;
    if (number !== key || stages.length === 0) stages.push([]);
    stages.at(-1)?.push(step);
    key = number;
  }
  return stages;
}

export async function readRefreshSteps(dbDir: string = DB_DIR): Promise<RefreshStep[]> {
  return (await readSqlDir(dbDir, "refresh")).map(stepOf);
}

function stepOf(file: SqlFile): RefreshStep {
  const statements = splitStatements(file.sql);
  if (statements.length === 0) throw new Error(`${file.displayPath}: holds no statement`);
  return { name: file.name, displayPath: file.displayPath, sql: file.sql, statements };
}

/**
 * A file's statements: split where a line ends with `;` (the statements under db/refresh hold no
 * semicolon inside a string or comment). Leading comment lines stay with their statement.
 */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;[ \t]*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => statementCode(s) !== "");
}

/** A routine's text with each `-- refresh: name` line replaced by that step's statements. */
export function expandRefreshIncludes(
  routine: SqlFile,
  steps: readonly RefreshStep[],
  used?: Set<string>,
): string {
  return routine.sql.replace(INCLUDE_LINE, (_line, indent: string, name: string) => {
    const step = steps.find((s) => s.name === name);
    if (!step) throw new Error(`${routine.displayPath}: no db/refresh/${name}.sql to take in`);
    used?.add(name);
    return step.statements
      .map((statement) => {
        const text = `${statement.replaceAll("\n", `\n${indent}  `)};`;
        const when = statementWhen(statement);
        if (when === "always") return `${indent}${statement.replaceAll("\n", `\n${indent}`)};`;
        return `${indent}IF @refresh_full = ${when === "full" ? 1 : 0} THEN\n${indent}  ${text}\n${indent}END IF;`;
      })
      .join("\n");
  });
}

/** A statement without its comment lines, trimmed: the SQL the server runs. */
export function statementCode(statement: string): string {
  return statement.replace(/^\s*--[^\n]*$/gm, "").trim();
}
