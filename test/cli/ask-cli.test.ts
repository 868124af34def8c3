import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerSchema } from "../../src/answer/answer-schema.js";
import { loadFixture } from "../db/fixture.js";
import { runKpi } from "../helpers/run-cli.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

describe("kpi ask (the real binary, on the hand-written fixture)", () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let charts: string;

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_ask" });
    await loadFixture(db.connection);
    await db.connection.query("CALL sp_refresh_all(0)");
    env = { DATABASE_URL: db.url };
    charts = await mkdtemp(join(tmpdir(), "kpi-charts-"));
  });
  afterAll(async () => {
    await db?.drop();
    await rm(charts, { recursive: true, force: true });
  });

  it("--json prints exactly one Answer that validates against the contract", async () => {
    const result = await runKpi(["ask", "campaigns last-30d", "--json", "--as-of", "2026-11-26"], env);
    expect(result.code).toBe(0);
    const answer = answerSchema.parse(JSON.parse(result.stdout));
    expect(answer.period).toEqual({
      from: "2026-10-27",
      to: "2026-11-25",
      timezone: "UTC",
      label: "last 30 days",
    });
    expect(answer.comparison).toEqual({ from: "2026-09-27", to: "2026-10-26" });
    // Autumn Sale ran in the period: spend 35 + 2, attributed revenue 240 + 150.
    const spend = answer.kpis.find((k) => k.key === "spend");
    expect(spend).toMatchObject({ value: 37, previous: 80 });
    expect(answer.kpis.find((k) => k.key === "revenue")?.value).toBe(390);
  });

  it("prints a readable answer and writes the charts as PNG files", async () => {
    const result = await runKpi(
      ["ask", "funnel", "2026-11-01..2026-11-25", "--chart-dir", charts, "--as-of", "2026-11-26"],
      env,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Ad performance · Nov 1 – Nov 25, 2026\nNov 1 – Nov 25, 2026 · UTC\n/);
    expect(result.stdout).toMatch(/Impressions\s+3,900/);
    const files = (await readdir(charts)).sort();
    expect(files).toEqual([
      "ad-performance-ctr_by_platform.png",
      "ad-performance-funnel.png",
      "ad-performance-roas_by_platform.png",
    ]);
    const png = await readFile(join(charts, "ad-performance-funnel.png"));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it("help needs no database", async () => {
    const result = await runKpi(["ask", "help", "metrics"], {
      DATABASE_URL: "mysql://root@127.0.0.1:1/none",
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ROAS/);
  });

  it.each([
    ["campains last-30d", /^Unknown area `campains` — did you mean `campaigns`\?/],
    ["orders 2026-13-01", /2026-13-01/],
    ["campaigns platform=metta", /^No platform `metta` — did you mean `meta`\?/],
  ])("bad input %s exits non-zero with one line", async (text, message) => {
    const result = await runKpi(["ask", text], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
  });

  it("a database that is down is one line naming it, as for every command", async () => {
    const result = await runKpi(["ask", "orders"], { DATABASE_URL: "mysql://root@127.0.0.1:1/none" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      "Cannot reach the database at 127.0.0.1:1 (ECONNREFUSED). Is the server running?",
    );
  });
});
