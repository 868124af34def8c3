/**
 * Files that ship beside the code (db/ SQL, assets/, package.json), found from the project root:
 * the directory above the first `package.json` up from this module. The sources run from
 * `src/` and the build from `dist/src/`, one level deeper, so no module counts `../` itself.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && !dir.endsWith("/dist")) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project: `projectPath("db", "schema")`. */
export function projectPath(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}

/** The version in package.json (`kpi --version`, the Teams app package). */
export function projectVersion(): string {
  return (JSON.parse(readFileSync(projectPath("package.json"), "utf8")) as { version: string }).version;
}
