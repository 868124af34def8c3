import { defineConfig } from "vitest/config";

/**
 * The reporting, refresh, late-data and digest suites, run a second time in portable mode
 * (project "portable"): their databases are migrated with no procedures and no triggers
 * (test/helpers/test-database.ts reads KPI_TEST_DB_ROUTINES), so the application runs the
 * refresh statements and the watermarks find late rows. Chosen to cover every area's answers,
 * explain, digest content (movers, Teams digests) and the incremental refresh, at about two
 * minutes of extra CI time; the Slack delivery suites test scheduling, not the data, and stay
 * in the first run only.
 */
export const PORTABLE_SUITES = [
  "test/engine/*.test.ts",
  "test/db/views.test.ts",
  "test/explain/explain-db.test.ts",
  "test/schedule/movers-digest.test.ts",
  "test/schedule/teams-digests.test.ts",
];

/** No developer's .env reaches a test or the commands it starts (test/cli/settings-cli.test.ts
 * points KPI_ENV_FILE at its own files). */
const env = { KPI_ENV_FILE: "" };

export default defineConfig({
  test: {
    // Fingerprints the user's database around the run and hides it from the tests.
    globalSetup: ["test/global/user-database-guard.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "mysql", include: ["test/**/*.test.ts"], env } },
      {
        extends: true,
        test: { name: "portable", include: PORTABLE_SUITES, env: { ...env, KPI_TEST_DB_ROUTINES: "off" } },
      },
    ],
  },
});
