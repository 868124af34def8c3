/**
 * A routine file holds exactly one CREATE PROCEDURE, FUNCTION or TRIGGER, sent to the
 * server whole (no DELIMITER lines). Its name must equal the file name.
 */
import type { SqlFile } from "./sql-files.js";
import { stripLeadingComments } from "./sql-files.js";

export type RoutineKind = "PROCEDURE" | "FUNCTION" | "TRIGGER";

export interface Routine {
  readonly kind: RoutineKind;
  readonly name: string;
  readonly file: SqlFile;
}

const CREATE_RE = /^CREATE\s+(?:DEFINER\s*=\s*\S+\s+)?(PROCEDURE|FUNCTION|TRIGGER)\s+`?([A-Za-z0-9_]+)`?/i;

export function parseRoutine(file: SqlFile): Routine {
  const match = CREATE_RE.exec(stripLeadingComments(file.sql));
  if (!match?.[1] || !match[2]) {
    throw new Error(`${file.displayPath}: expected one CREATE PROCEDURE, FUNCTION or TRIGGER statement`);
  }
  const kind = match[1].toUpperCase() as RoutineKind;
  const name = match[2];
  if (name !== file.name) {
    throw new Error(
      `${file.displayPath}: creates ${kind.toLowerCase()} ${name}, but the file name says ${file.name}`,
    );
  }
  return { kind, name, file };
}
