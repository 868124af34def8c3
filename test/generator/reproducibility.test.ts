/** The same seed and options give identical tables; another seed gives other data. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FACT_TABLES } from "../../generator/load/database-state.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { checksums, options, run } from "./run-generate.js";

const SEEDED_TABLES = [
  "users",
  "products",
  "campaigns",
  "ads",
  "sessions",
  "orders",
  "order_details",
  "payments",
  "ad_interactions",
];

describe("kpi generate reproducibility", () => {
  let first: TestDatabase;
  let second: TestDatabase;
  let firstSums: Record<string, number>;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await run(first.url, options());
    firstSums = await checksums(first);
  });

  afterAll(async () => {
    await Promise.all([first?.drop(), second?.drop()]);
  });

  it("writes every table with content (non-zero checksums)", () => {
    for (const table of FACT_TABLES) expect(firstSums[table], table).toBeGreaterThan(0);
    expect(firstSums.agg_ad_daily).toBeGreaterThan(0);
  });

  it("produces identical tables, derived rollups included, when run again with the same options", async () => {
    const report = await run(second.url, options());
    expect(report.totalRows).toBeGreaterThan(5_000);
    expect(await checksums(second)).toEqual(firstSums);
  });

  it("produces different data with another seed (and --replace empties the old data first)", async () => {
    await run(second.url, options({ seed: 43, replace: true }));
    const other = await checksums(second);
    for (const table of SEEDED_TABLES) expect(other[table], table).not.toBe(firstSums[table]);
    expect(other.ad_platforms).toBe(firstSums.ad_platforms);
  });
});
