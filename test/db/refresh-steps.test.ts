/**
 * The `-- when:` line of a refresh statement: which kind of refresh runs it, how portable mode
 * decides, and how a procedure takes it in. And every such statement under db/refresh/ has a
 * counterpart in the other kind where it empties a rollup (a full TRUNCATE, an incremental DELETE).
 */
import { describe, expect, it } from "vitest";
import type { SqlFile } from "../../src/db/migrate/sql-files.js";
import {
  expandRefreshIncludes,
  REFRESH_VARIABLES,
  type RefreshStep,
  readRefreshSteps,
  refreshStages,
  runsIn,
  splitStatements,
  statementCode,
  statementWhen,
} from "../../src/db/refresh-steps.js";

const FILE = `-- A step.
-- when: full
TRUNCATE TABLE agg_x;
-- Only the recomputed days.
-- when: incremental
DELETE g FROM agg_x g JOIN rollup_work_days w ON w.day = g.day;
INSERT INTO agg_x SELECT 1;
`;

describe("refresh statements that one kind of refresh runs", () => {
  it("reads the when line among the leading comments only", () => {
    const statements = splitStatements(FILE);
    expect(statements.map(statementWhen)).toEqual(["full", "incremental", "always"]);
    expect(statementWhen("SELECT 1 -- when: full")).toBe("always");
    expect(statementWhen("-- when: sometimes\nSELECT 1")).toBe("always");
  });

  it("portable mode runs a statement in its kind of refresh only", () => {
    const [full, incremental, always] = splitStatements(FILE) as [string, string, string];
    expect([runsIn(full, true), runsIn(full, false)]).toEqual([true, false]);
    expect([runsIn(incremental, true), runsIn(incremental, false)]).toEqual([false, true]);
    expect([runsIn(always, true), runsIn(always, false)]).toEqual([true, true]);
  });

  it("a procedure takes such a statement in inside IF @refresh_full", () => {
    const routine: SqlFile = {
      file: "sp_x.sql",
      displayPath: "db/procedures/sp_x.sql",
      name: "sp_x",
      sql: "CREATE PROCEDURE sp_x()\nBEGIN\n  -- refresh: 31_x\nEND",
      checksum: "",
    };
    const step = {
      name: "31_x",
      displayPath: "db/refresh/31_x.sql",
      sql: FILE,
      statements: splitStatements(FILE),
    };
    const text = expandRefreshIncludes(routine, [step]);
    expect(text).toContain(
      "  IF @refresh_full = 1 THEN\n    -- A step.\n    -- when: full\n    TRUNCATE TABLE agg_x;\n  END IF;",
    );
    expect(text).toContain("  IF @refresh_full = 0 THEN\n");
    expect(text).toContain("\n  INSERT INTO agg_x SELECT 1;\nEND");
  });

  it("under db/refresh/, every rollup a full refresh truncates an incremental one deletes by day", async () => {
    const statements = (await readRefreshSteps()).flatMap((step) => step.statements);
    const truncated = statements
      .filter((s) => statementWhen(s) === "full")
      .map((s) => /^TRUNCATE TABLE (\w+)$/m.exec(s)?.[1])
      .filter(Boolean);
    const deleted = statements
      .filter((s) => statementWhen(s) === "incremental")
      .map((s) => /DELETE g FROM (\w+) g JOIN rollup_work_days/.exec(s)?.[1])
      .filter(Boolean);
    expect(truncated.length).toBeGreaterThanOrEqual(10);
    for (const table of deleted) expect(truncated).toContain(table);
  });
});

describe("refresh stages", () => {
  const named = (name: string): RefreshStep => ({ name, displayPath: name, sql: "", statements: [] });

  it("groups consecutive files with the same leading number", () => {
    const stages = refreshStages(["10_a", "31_x", "31_y", "32_z", "4_b", "4_c"].map(named));
    expect(stages.map((stage) => stage.map((s) => s.name))).toEqual([
      ["10_a"],
      ["31_x", "31_y"],
      ["32_z"],
      ["4_b", "4_c"],
    ]);
  });

  it("under db/refresh/, the fact and summary rollups are stages of several files", async () => {
    const stages = refreshStages(await readRefreshSteps());
    const wide = stages.filter((stage) => stage.length > 1).map((stage) => stage.map((s) => s.name));
    expect(wide).toContainEqual(["31_ad_facts", "31_order_work", "31_user_activity"]);
    expect(wide.length).toBeGreaterThanOrEqual(3);
  });

  it("every session variable a statement reads is one a joining connection is given", async () => {
    const known = new Set(REFRESH_VARIABLES.map((v) => v.name));
    const read = new Set<string>();
    for (const step of await readRefreshSteps()) {
      const code = step.statements.map(statementCode).join("\n");
      for (const [, name] of code.matchAll(/@(\w+)/g)) read.add(name as string);
    }
    expect(read.size).toBeGreaterThanOrEqual(5);
    for (const name of read) expect(known, `@${name}`).toContain(name);
  });

  it("a file that shares its stage sets no session variable (the others would not see it)", async () => {
    for (const stage of refreshStages(await readRefreshSteps())) {
      if (stage.length < 2) continue;
      for (const step of stage) {
        for (const statement of step.statements) {
          expect(statementCode(statement), step.displayPath).not.toMatch(/\bSET\s+@/i);
        }
      }
    }
  });
});
