/** Refusals and failures: one-line UserErrors, and nothing half-written left behind. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUserError, type UserError } from "../../src/errors.js";
import {
  createTestDatabase,
  databaseUrl,
  type TestDatabase,
  uniqueDatabaseName,
} from "../helpers/test-database.js";
import { checksums, generateCli, options, rowCounts, run, SILENT } from "./run-generate.js";

async function userErrorOf(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isUserError(error), String(error)).toBe(true);
  expect((error as Error).message).not.toContain("\n");
  return error as UserError;
}

const cli = (url: string, args: readonly string[]) =>
  generateCli(url, args, new Date("2026-11-25T12:00:00Z"));

describe("kpi generate errors", () => {
  let db: TestDatabase;
  let bare: TestDatabase;

  beforeAll(async () => {
    [db, bare] = await Promise.all([createTestDatabase(), createTestDatabase({ migrated: false })]);
  });

  afterAll(async () => {
    await Promise.all([db?.drop(), bare?.drop()]);
  });

  it("tells to run the migration when the schema or the database is missing", async () => {
    const noSchema = await userErrorOf(run(bare.url, options()));
    expect(noSchema.code).toBe("schema_missing");
    expect(noSchema.message).toMatch(/Run: npx kpi db migrate$/);
    const noDatabase = await userErrorOf(run(databaseUrl(uniqueDatabaseName("kpi_missing")), options()));
    expect(noDatabase.message).toContain("npx kpi db migrate");
  });

  it("reports an unreachable server in one line", async () => {
    const error = await userErrorOf(run("mysql://root@127.0.0.1:1/kpi_nowhere", options()));
    expect(error.code).toBe("database_unreachable");
  });

  it("rejects invalid options before touching the database", async () => {
    const error = await userErrorOf(cli(bare.url, ["--scale", "lots"]));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toContain("--scale");
  });

  it("generates through the command, one summary line per table when not on a terminal", async () => {
    const lines = await cli(db.url, ["--seed", "5", "--scale", "0.01", "--days", "30", "--quiet"]);
    expect(lines[0]).toBe(
      `Generating 30 days of data ending 2026-11-25 at 12:00 (seed 5, scale 0.01; same data again with --end-time 12:00) into ${db.name}:`,
    );
    expect(lines.filter((l) => / rows\/s$/.test(l)).length).toBeGreaterThanOrEqual(13);
    expect(lines.at(-1)).toMatch(/^Generated [\d,]+ rows in [\d.]+ s .* Peak memory \d+ MB\.$/);
    expect((await rowCounts(db)).orders).toBeGreaterThan(0);
  });

  it("refuses to write into a database with data unless --replace, leaving it as it was", async () => {
    const before = await checksums(db);
    const error = await userErrorOf(cli(db.url, ["--seed", "6", "--scale", "0.01", "--days", "30"]));
    expect(error.code).toBe("database_not_empty");
    expect(error.message).toContain("--replace");
    expect(await checksums(db)).toEqual(before);
  });

  it.each([
    ["while sessions stream in", "tableProgress", "sessions"],
    ["after sessions were committed", "tableDone", "sessions"],
    ["while totals and rollups are derived", "phase", "Refreshing"],
  ] as const)("empties the tables again when a run is interrupted %s", async (_when, hook, at) => {
    const controller = new AbortController();
    const stop = (what: string) => {
      if (what.startsWith(at)) controller.abort(new Error("interrupted"));
    };
    const progress = {
      ...SILENT,
      [hook]: (first: string | { table: string }) => stop(typeof first === "string" ? first : first.table),
    };
    const error = await userErrorOf(
      run(db.url, options({ replace: true }), { progress, signal: controller.signal }),
    );
    expect(error.code).toBe("interrupted");
    expect(error.message).toContain("emptied");
    const counts = await rowCounts(db);
    for (const [table, n] of Object.entries(counts)) expect(n, table).toBe(0);
  });
});
