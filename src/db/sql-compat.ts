/**
 * Constructs that only one of MySQL 8.0+ and MariaDB 10.11+ understands. The SQL under db/
 * must run on both (DESIGN.md "Database"); test/db/sql-compat.test.ts scans it with these.
 * The TiDB profile (TIDB_RULES) lists what TiDB does not run: db/refresh/ and db/views/ must
 * have none of it (portable mode runs them there), the routines and triggers are reported.
 */
export interface CompatRule {
  readonly id: string;
  readonly why: string;
  readonly pattern: RegExp;
}

export const COMPAT_RULES: readonly CompatRule[] = [
  { id: "lateral", why: "LATERAL derived tables are MySQL-only", pattern: /\bLATERAL\b/i },
  {
    id: "json-unquote-arrow",
    why: "the ->> operator is MySQL-only (use JSON_UNQUOTE(JSON_EXTRACT()))",
    pattern: /->>/,
  },
  {
    id: "functional-index",
    why: "indexes on expressions, INDEX i ((expr)), are MySQL-only",
    pattern: /\b(?:INDEX|KEY)\b[^(\n]*\(\s*\(/i,
  },
  {
    id: "insert-row-alias",
    why: "INSERT ... AS alias ON DUPLICATE KEY UPDATE is MySQL-only (MariaDB has no row alias)",
    pattern: /\)\s*AS\s+`?\w+`?\s*(?:\([^)]*\)\s*)?ON\s+DUPLICATE\s+KEY/i,
  },
  { id: "utf8mb4-0900", why: "utf8mb4_0900_* collations are MySQL-only", pattern: /utf8mb4_0900_/i },
  {
    id: "delimiter",
    why: "DELIMITER is a client command: send routine files whole",
    pattern: /^\s*DELIMITER\b/im,
  },
  {
    id: "create-or-replace-routine",
    why: "CREATE OR REPLACE PROCEDURE/FUNCTION/TRIGGER is MariaDB-only (the migrator drops and creates)",
    pattern: /\bCREATE\s+OR\s+REPLACE\s+(?:DEFINER\s*=\s*\S+\s+)?(?:PROCEDURE|FUNCTION|TRIGGER)\b/i,
  },
  { id: "returning", why: "INSERT/DELETE ... RETURNING is MariaDB-only", pattern: /\bRETURNING\b/i },
  { id: "sequence", why: "sequences are MariaDB-only", pattern: /\b(?:CREATE\s+SEQUENCE|NEXTVAL\s*\()/i },
  {
    id: "index-if-not-exists",
    why: "CREATE INDEX IF NOT EXISTS is MariaDB-only",
    pattern: /\bCREATE\s+(?:UNIQUE\s+)?INDEX\s+IF\s+NOT\s+EXISTS\b/i,
  },
];

/**
 * What TiDB (v7.5/v8 LTS) does not support, from https://docs.pingcap.com/tidb/stable/mysql-compatibility
 * and https://docs.pingcap.com/tidb/stable/constraints (CHECK).
 */
export const TIDB_RULES: readonly CompatRule[] = [
  {
    id: "tidb-routine",
    why: "TiDB has no stored procedures, functions, triggers or events (migrate with DB_ROUTINES=off: portable mode)",
    pattern:
      /\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:PROCEDURE|FUNCTION|TRIGGER|EVENT)\b/i,
  },
  { id: "tidb-call", why: "TiDB has no stored procedures to CALL", pattern: /^\s*CALL\s+\w/i },
  {
    id: "tidb-signal",
    why: "SIGNAL/RESIGNAL and DECLARE ... HANDLER exist only inside routines, which TiDB lacks",
    pattern: /\b(?:RESIGNAL|SIGNAL\s+SQLSTATE|DECLARE\s+\w+\s+HANDLER)\b/i,
  },
  {
    id: "tidb-fulltext",
    why: "TiDB has no FULLTEXT indexes or MATCH ... AGAINST",
    pattern: /\b(?:FULLTEXT|AGAINST\s*\()/i,
  },
  {
    id: "tidb-spatial",
    why: "TiDB has no spatial types, functions or indexes",
    pattern: /\b(?:SPATIAL|GEOMETRY|POINT\s*\(|ST_\w+\s*\()/i,
  },
  {
    id: "tidb-create-table-select",
    why: "TiDB does not run CREATE TABLE ... SELECT",
    pattern: /\bCREATE\s+(?:TEMPORARY\s+)?TABLE\b[^(]*\bSELECT\b/i,
  },
  {
    id: "tidb-check-ignored",
    why: "TiDB ignores CHECK constraints unless tidb_enable_check_constraint = ON (v7.2+)",
    pattern: /\bCHECK\s*\(/i,
  },
  { id: "tidb-skip-locked", why: "TiDB has no SKIP LOCKED", pattern: /\bSKIP\s+LOCKED\b/i },
];

export interface CompatFinding {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly why: string;
  readonly text: string;
}

/** Findings in one SQL text (MySQL/MariaDB rules unless told); `--` comments are ignored. */
export function scanSql(
  file: string,
  sql: string,
  rules: readonly CompatRule[] = COMPAT_RULES,
): CompatFinding[] {
  const findings: CompatFinding[] = [];
  sql.split("\n").forEach((raw, index) => {
    const line = raw.replace(/--.*$/, "");
    for (const rule of rules) {
      if (rule.pattern.test(line)) {
        findings.push({ file, line: index + 1, rule: rule.id, why: rule.why, text: raw.trim() });
      }
    }
  });
  return findings;
}

export function describeFinding(f: CompatFinding): string {
  return `${f.file}:${f.line}: ${f.why} — ${f.text}`;
}
