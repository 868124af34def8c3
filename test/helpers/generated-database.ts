/**
 * A test database filled by the real generator (`kpi generate` through the CLI binary),
 * with fixed options so answers are reproducible.
 */

import type { RoutinesSetting } from "../../src/db/migrate/migrator.js";
import { runKpi } from "./run-cli.js";
import { createTestDatabase, TEST_ROUTINES, type TestDatabase } from "./test-database.js";

export const GENERATED = { seed: 7, scale: 0.05, endDate: "2026-11-25", days: 200 } as const;
/** The day the answers are asked on: the day after the generated data ends. */
export const AS_OF = "2026-11-26";

/** A second seed the independent computations also run on, so no figure is tuned to one data set. */
export const SECOND_SEED = 2027;

export async function createGeneratedDatabase(
  prefix = "kpi_gen",
  seed: number = GENERATED.seed,
  routines: RoutinesSetting = TEST_ROUTINES,
): Promise<TestDatabase> {
  const db = await createTestDatabase({ prefix, routines });
  const result = await runKpi(
    [
      "generate",
      "--seed",
      String(seed),
      "--scale",
      String(GENERATED.scale),
      "--end-date",
      GENERATED.endDate,
      "--days",
      String(GENERATED.days),
      "--quiet",
    ],
    { DATABASE_URL: db.url },
  );
  if (result.code !== 0) {
    await db.drop();
    throw new Error(`kpi generate failed (${result.code}): ${result.stderr}`);
  }
  return db;
}
