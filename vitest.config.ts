import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Fingerprints the user's database around the run and hides it from the tests.
    globalSetup: ["test/global/user-database-guard.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // No developer's .env reaches a test or the commands it starts (test/cli/settings-cli.test.ts
    // points KPI_ENV_FILE at its own files).
    env: { KPI_ENV_FILE: "" },
  },
});
