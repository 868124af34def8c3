/**
 * `kpi generate` stopped at every point, through the real binary: SIGINT or SIGTERM after each
 * table line, in the middle of a load and during sp_refresh_all gives one line, exit 128 + the
 * signal's number and empty tables; SIGKILL leaves a run the next generate names, and --replace
 * repairs it into the same data as a clean run.
 *
 * Each phase is hit deterministically: before signalling, the test holds a lock that the run's
 * next statement must wait for (a gap lock on the next table, a parent row its foreign key
 * checks, or the refresh's GET_LOCK), and waits until the server shows that statement waiting.
 * The run must then kill its own statement to stop; the lock is released only once it has.
 */
import { type ChildProcess, spawn } from "node:child_process";
import mysql, { type RowDataPacket } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DERIVED_TABLES, emptyTables, FACT_TABLES } from "../../generator/load/database-state.js";
import { connectionOptions, parseDatabaseUrl } from "../../src/db/database-url.js";
import { KPI_BIN } from "../helpers/run-cli.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { rowCounts } from "./run-generate.js";

/** The table lines of --quiet, in load order. */
const LINES = [
  "product_categories",
  "users",
  "traffic_sources",
  "ad_platforms",
  "ad_pricing",
  "campaigns",
  "ads",
  "sessions",
  "products",
  "orders",
  "order_details",
  "payments",
  "ad_interactions",
] as const;
/** Emptied with TRUNCATE, which waits for any lock on them: locked only once the run has emptied them. */
const LEAF = new Set(["order_details", "payments", "ad_interactions"]);
const ARGS = ["generate", "--seed", "7", "--scale", "0.05", "--days", "30", "--end-date", "2026-11-25"];
const EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

interface Run {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startGenerate(url: string, extra: readonly string[] = ["--quiet", "--replace"]): Run {
  const child = spawn(process.execPath, [KPI_BIN, ...ARGS, ...extra], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const run: Run = {
    child,
    stdout: "",
    stderr: "",
    exited: new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal }))),
  };
  child.stdout?.on("data", (d: Buffer) => {
    run.stdout += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    run.stderr += d.toString();
  });
  return run;
}

describe("kpi generate stopped at any point", () => {
  let db: TestDatabase;
  let clean: Record<string, number>;
  let midUser = 0;
  let inserted: () => Promise<number> = async () => 0;
  const locks: mysql.Connection[] = [];

  const lockConnection = async () => {
    const connection = await mysql.createConnection(connectionOptions(parseDatabaseUrl(db.url)));
    locks.push(connection);
    return connection;
  };
  /** An open transaction holding a gap lock on an (empty) table: inserts into it wait. */
  const gapLock = async (table: string) => {
    const connection = await lockConnection();
    await connection.query("START TRANSACTION");
    await connection.query(`SELECT * FROM ${table} FOR UPDATE`);
    return connection;
  };
  /** Holds the refresh's own lock (sp_refresh_rollups waits for it). */
  const refreshLock = async () => {
    const connection = await lockConnection();
    await connection.query("SELECT GET_LOCK(?, 0)", [`kpi_refresh_rollups:${db.name}`]);
    return connection;
  };
  const release = async (connection: mysql.Connection) => {
    await connection.query("ROLLBACK");
    await connection.query("DO RELEASE_ALL_LOCKS()");
  };
  /**
   * The server thread of the run's statement matching `info` once it waits: for the refresh's
   * lock, or (a load) still running after a second, which these few rows never take unless
   * held up by the test's lock.
   */
  const waiting = async (info: string): Promise<number> => {
    const [rows] = await db.connection.query<RowDataPacket[]>(
      `SELECT ID AS id FROM information_schema.PROCESSLIST
       WHERE DB = ? AND INFO LIKE ? AND ID <> CONNECTION_ID() AND (STATE = 'User lock' OR (INFO LIKE 'LOAD DATA%' AND TIME >= 1))`,
      [db.name, info],
    );
    return Number(rows[0]?.id ?? 0);
  };
  let debug = () => "";
  const waitUntil = async (what: string, probe: () => Promise<boolean>, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
      if (Date.now() > deadline)
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} ${debug()}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const threadGone = async (id: number) => {
    const [rows] = await db.connection.query<RowDataPacket[]>(
      "SELECT INFO AS info FROM information_schema.PROCESSLIST WHERE ID = ?",
      [id],
    );
    return rows.length === 0 || rows[0]?.info === null;
  };
  const marker = async () => {
    const [rows] = await db.connection.query<RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM generate_in_progress",
    );
    return Number(rows[0]?.n);
  };
  const expectEmpty = async () => {
    const counts = await rowCounts(db);
    for (const table of [...FACT_TABLES, ...DERIVED_TABLES]) expect(counts[table], table).toBe(0);
    expect(await marker()).toBe(0);
  };

  /**
   * Runs generate until its statement `info` waits on the lock `hold` takes (`gate`, if set, is a
   * table whose load it first waits at, so that `hold` comes after the run emptied the tables),
   * then sends `signal`; releases the lock once the run's statement ended.
   */
  async function stopAt(
    options: {
      gate?: string | undefined;
      hold: () => Promise<mysql.Connection>;
      info: string;
      line: string;
      before?: () => Promise<void>;
    },
    signal: NodeJS.Signals,
  ) {
    const gate = options.gate ? await gapLock(options.gate) : undefined;
    let lock = gate ? undefined : await options.hold();
    const run = startGenerate(db.url);
    debug = () => JSON.stringify({ out: run.stdout, err: run.stderr });
    try {
      if (gate) {
        await waitUntil(`the load of ${options.gate} to wait`, async () => {
          return (await waiting(`LOAD DATA%/${options.gate}.tsv%`)) > 0;
        });
        lock = await options.hold();
        await release(gate);
      }
      let thread = 0;
      await waitUntil(`${options.info} to wait`, async () => {
        thread = await waiting(options.info);
        return thread > 0;
      });
      // The interactions that name no order load beside the sessions, so they wait at the lock
      // before the run reaches their step: that step comes once the line before it is printed.
      const printed = new RegExp(`^  ${options.line} `, "m");
      await waitUntil(`the ${options.line} line`, async () => printed.test(run.stdout));
      expect(run.stdout).not.toMatch(/^Generated /m);
      await options.before?.();
      run.child.kill(signal);
      // The run must stop its statement itself: the lock it waits for is still held.
      await waitUntil(`the run to stop its statement after ${signal}`, () => threadGone(thread), 10_000);
      await release(lock as mysql.Connection);
      return { run, ...(await run.exited) };
    } finally {
      for (const held of [gate, lock]) if (held) await release(held);
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill("SIGKILL");
      await run.exited;
    }
  }

  function expectOneLine(result: { run: Run; code: number | null }, signal: keyof typeof EXIT) {
    const output = `${result.run.stderr}`.trim().split("\n");
    expect(output, result.run.stderr).toHaveLength(1);
    expect(output[0]).toMatch(/^Interrupted while .*\. The generated tables were emptied again\.$/);
    expect(result.run.stderr).not.toMatch(/^\s+at |"stack"|Emitted 'error'/m);
    expect(result.code).toBe(EXIT[signal]);
  }

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_gen_int" });
    const run = startGenerate(db.url);
    const { code } = await run.exited;
    expect(code, run.stderr).toBe(0);
    clean = await rowCounts(db);
    expect(clean.sessions).toBeGreaterThan(100);
    // The user whose first session is the median one: a lock on that user stops the sessions load half-way.
    const [rows] = await db.connection.query<RowDataPacket[]>(
      `SELECT user_id FROM sessions WHERE user_id IS NOT NULL GROUP BY user_id ORDER BY MIN(session_id)`,
    );
    midUser = Number(rows[Math.floor(rows.length / 2)]?.user_id);
    await db.connection.query("SET @kpi_bulk_load = 1");
    await emptyTables(db.connection);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(locks.map((c) => c.end().catch(() => undefined)));
    await db?.drop();
  });

  const steps = LINES.map((line, i) => [line, LINES[i + 1] ?? "refresh"] as const);
  it.each(steps)(
    "SIGINT right after the %s line (at the %s step) empties the tables",
    async (line, next) => {
      const result = await stopAt(
        next === "refresh"
          ? { hold: refreshLock, info: "%", line }
          : {
              gate: LEAF.has(next) ? "users" : undefined,
              hold: () => gapLock(next),
              info: `LOAD DATA%/${next}.tsv%`,
              line,
            },
        "SIGINT",
      );
      expectOneLine(result, "SIGINT");
      await expectEmpty();
    },
    60_000,
  );

  it.each(["SIGINT", "SIGTERM"] as const)(
    "%s in the middle of a load (sessions half inserted, days still being simulated) empties the tables",
    async (signal) => {
      const result = await stopAt(
        {
          gate: "traffic_sources",
          hold: async () => {
            const connection = await lockConnection();
            await connection.query("START TRANSACTION");
            await connection.query("SELECT * FROM users WHERE user_id = ? FOR UPDATE", [midUser]);
            const reader = await lockConnection();
            await reader.query("SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED");
            inserted = async () => {
              const [rows] = await reader.query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM sessions");
              return Number(rows[0]?.n);
            };
            return connection;
          },
          info: "LOAD DATA%/sessions.tsv%",
          line: "ads",
          before: async () => {
            const n = await inserted();
            expect(n).toBeGreaterThan(0);
            expect(n).toBeLessThan(clean.sessions ?? 0);
          },
        },
        signal,
      );
      expectOneLine(result, signal);
      await expectEmpty();
    },
    60_000,
  );

  it.each([
    ["the sessions load", { hold: () => gapLock("sessions"), info: "LOAD DATA%/sessions.tsv%" }],
    ["the refresh", { hold: () => refreshLock(), info: "%" }],
  ] as const)(
    "SIGKILL during %s: the next generate names it, --replace repairs it",
    async (_when, at) => {
      const held = await at.hold();
      const run = startGenerate(db.url);
      await waitUntil("the run to wait", async () => (await waiting(at.info)) > 0);
      run.child.kill("SIGKILL");
      await run.exited;
      await release(held);
      await waitUntil("the killed run's lock to be freed", async () => {
        const [rows] = await db.connection.query<RowDataPacket[]>("SELECT IS_FREE_LOCK(?) AS free", [
          `kpi_generate:${db.name}`,
        ]);
        return rows[0]?.free === 1;
      });
      expect(await marker()).toBe(1);

      const again = startGenerate(db.url, ["--quiet"]);
      const refused = await again.exited;
      expect(refused.code).toBe(1);
      expect(again.stderr.trim().split("\n")).toHaveLength(1);
      expect(again.stderr.trim()).toMatch(
        /^A previous generate was interrupted \(started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\); run with --replace to repair\.$/,
      );

      const repair = startGenerate(db.url);
      expect((await repair.exited).code, repair.stderr).toBe(0);
      expect(await rowCounts(db)).toEqual(clean);
      expect(await marker()).toBe(0);
    },
    60_000,
  );
});
