import { afterAll, describe, expect, it } from "vitest";
import { dropDatabase } from "../../src/db/migrate/migrator.js";
import { DB_DIR, readSqlDir } from "../../src/db/migrate/sql-files.js";
import { runKpi } from "../helpers/run-cli.js";
import { databaseUrl, uniqueDatabaseName } from "../helpers/test-database.js";

describe("kpi db (the real binary)", () => {
  const url = databaseUrl(uniqueDatabaseName("kpi_cli"));
  const env = { DATABASE_URL: url };
  afterAll(async () => dropDatabase(url));

  it("migrate creates the database, then a second run changes nothing and says so", async () => {
    const schemaFiles = (await readSqlDir(DB_DIR, "schema")).length;
    const first = await runKpi(["db", "migrate"], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Created database kpi_cli_/m);
    expect(first.stdout).toContain(`Applied ${schemaFiles} schema file(s)`);
    const second = await runKpi(["db", "migrate"], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(
      `Schema up to date: all ${schemaFiles} schema files already applied, nothing changed.`,
    );
  });

  it("refresh runs the derived-figure procedures", async () => {
    const result = await runKpi(["db", "refresh", "--full"], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Refreshed all derived figures: 0 day\(s\) of rollups/);
  });

  it("reset refuses without --yes and changes nothing", async () => {
    const result = await runKpi(["db", "reset"], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`This deletes every row in ${url}. Run again with --yes to confirm.`);
    expect((await runKpi(["db", "migrate"], env)).stdout).toMatch(/nothing changed/);
  });

  it("an unreachable database is one line and a non-zero exit", async () => {
    const result = await runKpi(["db", "migrate"], { DATABASE_URL: "mysql://root@127.0.0.1:1/kpi_nowhere" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      "Cannot reach the database at 127.0.0.1:1 (ECONNREFUSED). Is the server running?",
    );
  });

  it("a malformed setting names the variable", async () => {
    const result = await runKpi(["db", "migrate"], {
      DATABASE_URL: "postgres://x",
      REPORT_TIMEZONE: "Mars/Olympus",
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/DATABASE_URL: must look like mysql:\/\//);
    expect(result.stderr).toMatch(/REPORT_TIMEZONE: must be an IANA time zone/);
  });
});
