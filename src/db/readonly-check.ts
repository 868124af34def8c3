/**
 * Start-up check of DATABASE_URL_READONLY: the account's own grants (SHOW GRANTS) must
 * allow reading only. Any other privilege on anything (INSERT, UPDATE, DELETE, DROP,
 * CREATE, EXECUTE, ALL PRIVILEGES, PROXY, GRANT OPTION, ...) makes it a writing account.
 */
import type { RowDataPacket } from "mysql2/promise";
import { withConnection } from "./connect.js";

/** Privileges that cannot change data or schema. */
const READ_PRIVILEGES = new Set(["SELECT", "USAGE", "SHOW VIEW"]);

/** The privileges of one `GRANT ... ON ... TO ...` line that are not read-only. */
export function writePrivilegesOf(grantLine: string): string[] {
  const match = /^GRANT\s+(.+?)\s+ON\s+(.+?)\s+TO\s/is.exec(grantLine.trim());
  if (!match) return []; // a role membership line (GRANT `role` TO user): the role's grants are listed too
  const found = (match[1] ?? "")
    .replace(/\([^)]*\)/g, "") // column lists: SELECT (a, b)
    .split(",")
    .map((p) => p.trim().toUpperCase().replace(/\s+/g, " "))
    .filter((p) => p && !READ_PRIVILEGES.has(p));
  if (/\bWITH\b.*\bGRANT OPTION\b/is.test(grantLine)) found.push("GRANT OPTION");
  return found;
}

/** The write privileges the URL's account holds (empty when it can only read). */
export async function writePrivilegesAt(databaseUrl: string): Promise<string[]> {
  return withConnection(databaseUrl, async (connection) => {
    const [rows] = await connection.query<RowDataPacket[]>("SHOW GRANTS");
    const lines = rows.map((row) => String(Object.values(row)[0] ?? ""));
    return [...new Set(lines.flatMap(writePrivilegesOf))];
  });
}
