/**
 * Tests never touch the user's data (vitest globalSetup). Before the run it fingerprints the
 * database the ambient DATABASE_URL names (kpi_bot by default) and points DATABASE_URL, for
 * every test process and every `kpi` they start, at a per-run database on the tests' server
 * (TEST_DATABASE_SERVER_URL) that no test creates:
 * a test that forgets its own URL fails ("Unknown database 'kpi_unset_database_url_…'")
 * instead of writing into the user's. After the run it fingerprints again; a change, or the
 * per-run database created after all, fails the run with one line.
 */
import { randomBytes } from "node:crypto";
import { DEFAULT_DATABASE_URL } from "../../src/config.js";
import { parseDatabaseUrl, redactUrl } from "../../src/db/database-url.js";
import { dropDatabase } from "../../src/db/migrate/migrator.js";
import { fingerprintChange, fingerprintDatabase } from "../helpers/database-fingerprint.js";
import { databaseUrl } from "../helpers/test-database.js";

const reason = (error: unknown) =>
  (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));

function fail(message: string): void {
  console.error(`Tests touched data they do not own: ${message}`);
  process.exitCode = 1;
}

export default async function setup(): Promise<() => Promise<void>> {
  const userUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const sentinel = `kpi_unset_database_url_${randomBytes(4).toString("hex")}`;
  const sentinelUrl = databaseUrl(sentinel); // on the tests' server, which they can always reach
  process.env.DATABASE_URL = sentinelUrl;
  // Absent on a fresh machine (compared as such); unreadable when its server is down or elsewhere,
  // and then no test can write to it either.
  const before = await fingerprintDatabase(userUrl).catch((error: unknown) => {
    console.warn(`Not checking ${redactUrl(userUrl)} after the tests: ${reason(error)}`);
    return undefined;
  });
  return async () => {
    try {
      if (before) {
        const after = await fingerprintDatabase(userUrl);
        const change = fingerprintChange(parseDatabaseUrl(userUrl).database, before, after);
        if (change) fail(change);
      }
      if ((await fingerprintDatabase(sentinelUrl)) !== "absent") {
        await dropDatabase(sentinelUrl);
        fail(`a test used the default DATABASE_URL (it created ${sentinel}); give it its own database`);
      }
    } catch (error) {
      fail(`the databases could not be checked after the run: ${reason(error)}`);
    }
  };
}
