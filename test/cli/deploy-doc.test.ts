/**
 * docs/deploy.md's data contract names every column of the 13 tables, as the schema has them
 * (so a column added to the contract cannot go undocumented), and the systemd unit it points
 * at runs the real entry point.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { FACT_TABLES } from "../../src/db/fact-tables.js";
import { readSqlDir } from "../../src/db/migrate/sql-files.js";
import { projectPath } from "../../src/project-files.js";

/** Column names of a CREATE TABLE statement (lines that start with a lower-case name and a type). */
function columnsOf(sql: string): string[] {
  return [...sql.matchAll(/^\s+([a-z_]+)\s+(?:[A-Z]+)/gm)].map((m) => m[1] as string);
}

describe("docs/deploy.md", () => {
  it("documents every column of the 13 tables in their contract table", async () => {
    const doc = await readFile(projectPath("docs", "deploy.md"), "utf8");
    const contract = doc.slice(doc.indexOf("| table | column |"));
    const files = await readSqlDir(projectPath("db"), "schema");
    for (const table of FACT_TABLES) {
      const file = files.find((f) => new RegExp(`CREATE TABLE ${table} \\(`).test(f.sql));
      expect(file, table).toBeDefined();
      const section = contract.slice(contract.indexOf(`| \`${table}\` |`));
      const rows = section.slice(0, nextTable(section));
      for (const column of columnsOf(file?.sql ?? "")) {
        expect(rows.includes(`\`${column}\``), `${table}.${column}`).toBe(true);
      }
    }
  });

  it("points the systemd unit at bin/kpi.js serve with its settings in an EnvironmentFile", async () => {
    const unit = await readFile(projectPath("deploy", "kpi-bot.service"), "utf8");
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node .*\/bin\/kpi\.js serve$/m);
    expect(unit).toMatch(/^EnvironmentFile=/m);
    expect(unit).not.toMatch(/SLACK_BOT_TOKEN=|PASSWORD=/);
  });
});

/** Where the next table's rows start in a contract section that begins with one table's first row. */
function nextTable(section: string): number {
  const next = section.slice(1).search(/\n\| `[a-z_]+` \| `/);
  return next === -1 ? section.length : next + 1;
}
