/**
 * The guard around every test run (user-database-guard.ts): its fingerprint sees a row added,
 * a value changed with the row count kept, a table added and a database dropped, naming the
 * table; and inside the run DATABASE_URL names a per-run database that does not exist, so a
 * `kpi` started without its own URL fails instead of reaching the user's data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL } from "../../src/config.js";
import { parseDatabaseUrl } from "../../src/db/database-url.js";
import { type Fingerprint, fingerprintChange, fingerprintDatabase } from "../helpers/database-fingerprint.js";
import { runKpi } from "../helpers/run-cli.js";
import {
  createTestDatabase,
  databaseUrl,
  type TestDatabase,
  uniqueDatabaseName,
} from "../helpers/test-database.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ prefix: "kpi_fingerprint", migrated: false });
  await db.connection.query(
    `CREATE TABLE ${db.name}.notes (id INT PRIMARY KEY, body VARCHAR(20));
     INSERT INTO ${db.name}.notes VALUES (1, 'a'), (2, 'b')`,
  );
});
afterAll(async () => {
  await db?.drop();
});

describe("the database fingerprint", () => {
  it("of a database that does not exist is 'absent', and absent twice is no change", async () => {
    const nowhere = databaseUrl(uniqueDatabaseName("kpi_absent"));
    expect(await fingerprintDatabase(nowhere)).toBe("absent");
    expect(fingerprintChange("kpi_absent", "absent", "absent")).toBeUndefined();
  });

  it("names the table a row was added to, or a value changed in, or that appeared", async () => {
    const fingerprint = () => fingerprintDatabase(db.url);
    const first: Fingerprint = await fingerprint();
    expect(fingerprintChange(db.name, first, await fingerprint())).toBeUndefined();

    await db.connection.query(`INSERT INTO ${db.name}.notes VALUES (3, 'c')`);
    const added = await fingerprint();
    expect(fingerprintChange(db.name, first, added)).toMatch(
      new RegExp(`^table ${db.name}\\.notes changed during the test run \\(2 rows, .* -> 3 rows, .*\\)$`),
    );

    await db.connection.query(`UPDATE ${db.name}.notes SET body = 'z' WHERE id = 3`);
    const edited = await fingerprint();
    expect(fingerprintChange(db.name, added, edited)).toMatch(
      /^table .*\.notes changed .*\(3 rows, .* -> 3 rows, /,
    );

    await db.connection.query(`CREATE TABLE ${db.name}.extra (id INT PRIMARY KEY)`);
    expect(fingerprintChange(db.name, edited, await fingerprint())).toBe(
      `table ${db.name}.extra changed during the test run (absent -> 0 rows, checksum 0)`,
    );
  });

  it("says when the database was created or dropped", async () => {
    const scratch = await createTestDatabase({ prefix: "kpi_fingerprint_drop", migrated: false });
    const present = await fingerprintDatabase(scratch.url);
    await scratch.drop();
    expect(fingerprintChange(scratch.name, present, await fingerprintDatabase(scratch.url))).toBe(
      `database ${scratch.name} was dropped during the test run`,
    );
    expect(fingerprintChange(scratch.name, "absent", present)).toBe(
      `database ${scratch.name} was created during the test run`,
    );
  });
});

describe("inside the test run", () => {
  it("DATABASE_URL names a per-run database that does not exist, not the user's", async () => {
    const url = process.env.DATABASE_URL ?? "";
    expect(parseDatabaseUrl(url).database).toMatch(/^kpi_unset_database_url_[0-9a-f]{8}$/);
    expect(url).not.toBe(DEFAULT_DATABASE_URL);
    expect(await fingerprintDatabase(url)).toBe("absent");
  });

  it("a `kpi` started without its own DATABASE_URL fails, naming that database", async () => {
    const result = await runKpi(["audit", "--since", "1h"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(parseDatabaseUrl(process.env.DATABASE_URL ?? "").database);
  });
});
