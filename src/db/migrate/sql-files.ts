/** Reading the SQL files under db/: sorted by name, with a checksum of their text. */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { projectPath } from "../../project-files.js";

export interface SqlFile {
  /** File name without directory, e.g. `003_users.sql`. */
  readonly file: string;
  /** Path relative to the project root, for messages: `db/schema/003_users.sql`. */
  readonly displayPath: string;
  /** File name without `.sql`: the object's name for routines and views. */
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

/** The project's `db/` directory. */
export const DB_DIR = projectPath("db");

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql.replaceAll("\r\n", "\n")).digest("hex");
}

export async function readSqlDir(dbDir: string, subdir: string): Promise<SqlFile[]> {
  const dir = join(dbDir, subdir);
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const files = entries.filter((f) => f.endsWith(".sql")).sort();
  return Promise.all(
    files.map(async (file) => {
      const sql = (await readFile(join(dir, file), "utf8")).replaceAll("\r\n", "\n");
      return {
        file,
        displayPath: `db/${subdir}/${file}`,
        name: file.slice(0, -4),
        sql,
        checksum: checksumOf(sql),
      };
    }),
  );
}

/** The statement text without leading `--` comment lines and blank lines. */
export function stripLeadingComments(sql: string): string {
  return sql.replace(/^(\s*--[^\n]*\n|\s*\n)*/, "").trim();
}
