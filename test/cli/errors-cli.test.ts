/**
 * Every user-facing `kpi` command, listed from the program itself (so a new command is covered
 * by default), run through the real binary against a server that refuses connections, a
 * database that does not exist and a wrong password: one line on stderr in the one wording,
 * no stack frame, no JSON log line, no password, non-zero exit. And an unwritable --chart-dir.
 */
import type { Command } from "commander";
import mysql from "mysql2/promise";
import { afterAll, describe, expect, it } from "vitest";
import { createProgram } from "../../src/cli/main.js";
import { loadConfig } from "../../src/config.js";
import { connectionOptions, parseDatabaseUrl } from "../../src/db/database-url.js";
import { createLogger } from "../../src/log.js";
import { loadFixture } from "../db/fixture.js";
import { runKpi } from "../helpers/run-cli.js";
import { createTestDatabase, databaseUrl, uniqueDatabaseName } from "../helpers/test-database.js";

/** Not run here, with the reason. */
const NOT_SWEPT: Record<string, string> = {
  serve: "runs until stopped; its database outages are reported by /readyz",
};
/** Commands that create the database when it does not exist (so an unknown database is no error). */
const CREATE_DATABASE = new Set(["db migrate", "db reset", "demo"]);

/** Placeholder values for required arguments and options, by name. */
const VALUES: Record<string, string> = {
  text: "users today",
  target: "slack:C0123",
  areas: "orders",
  cron: "0 9 * * *",
  user: "kpi_reader",
  "password-env": "KPI_TEST_READER_PASSWORD",
  id: "1",
  skus: "SKU-1",
  alert: "roas < 1",
  words: "revenue 250000 month",
};

interface Leaf {
  readonly name: string;
  /** With arguments that get it past parsing: ["db", "reset", "--yes"]. */
  readonly argv: string[];
}

function leafCommands(command: Command, path: string[] = []): Leaf[] {
  if (command.commands.length > 0)
    return command.commands.flatMap((c) => leafCommands(c, [...path, c.name()]));
  const args = command.registeredArguments.filter((a) => a.required).map((a) => VALUES[a.name()] ?? "x");
  for (const option of command.options) {
    const name = option.long?.replace(/^--/, "") ?? "";
    if (option.mandatory) args.push(`--${name}`, VALUES[name] ?? "x");
  }
  // `db reset` asks for confirmation before it connects.
  if (command.options.some((o) => o.long === "--yes")) args.push("--yes");
  return [{ name: path.join(" "), argv: [...path, ...args] }];
}

const program = createProgram({
  config: loadConfig({ DATABASE_URL: "mysql://root@127.0.0.1:1/none" }),
  log: createLogger("silent"),
  out: () => undefined,
});
const commands = leafCommands(program).filter((c) => !(c.name in NOT_SWEPT));

const server = parseDatabaseUrl(databaseUrl("kpi_test_none"));
const missing = uniqueDatabaseName("kpi_nowhere");
const PASSWORD = "not-the-password-1234";
const cases = [
  ["a refused connection", "mysql://root@127.0.0.1:1/kpi_test_none", "127.0.0.1:1", /\(ECONNREFUSED\)/],
  ["an unknown database", databaseUrl(missing), `${server.host}:${server.port}`, new RegExp(`${missing}`)],
  [
    "a wrong password",
    `mysql://${server.user}:${PASSWORD}@${server.host}:${server.port}/kpi_test_none`,
    `${server.host}:${server.port}`,
    /access denied/i,
  ],
] as const;

/** Runs `work` on each item, at most `limit` at a time (the machine is shared). */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe("kpi commands when the database cannot be reached", () => {
  afterAll(async () => {
    // The commands that create a database may have created the unknown one.
    const connection = await mysql.createConnection(connectionOptions(server, false));
    await connection.query(`DROP DATABASE IF EXISTS \`${missing}\``);
    await connection.end();
  });

  it("lists the commands from the program", () => {
    const names = commands.map((c) => c.name);
    for (const name of ["ask", "audit", "subscriptions list", "alerts list", "schedule tick", "db refresh"])
      expect(names).toContain(name);
    expect(names.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)(
    "with %s every command prints one line naming the database",
    async (_what, url, at, reason) => {
      const swept = commands.filter((c) => !(url.includes(missing) && CREATE_DATABASE.has(c.name)));
      const results = await pool(swept, 3, ({ argv }) =>
        runKpi(argv, {
          DATABASE_URL: url,
          LOG_LEVEL: "info",
          ALERT_CHANNEL: "slack:C0123",
          KPI_TEST_READER_PASSWORD: "reader-password",
        }).then((result) => ({ argv, ...result })),
      );
      for (const { argv, code, stdout, stderr } of results) {
        const what = `kpi ${argv.join(" ")}\n${stderr}`;
        const lines = stderr.trim().split("\n");
        expect(lines, what).toHaveLength(1);
        expect(lines[0], what).toMatch(
          new RegExp(`^Cannot reach the database at ${at.replace(/\./g, "\\.")} \\(`),
        );
        expect(lines[0], what).toMatch(reason);
        expect(`${stdout}${stderr}`, what).not.toMatch(/^\s+at |"stack"|"level"/m);
        expect(`${stdout}${stderr}`, what).not.toContain(PASSWORD);
        expect(code, what).not.toBe(0);
      }
    },
    240_000,
  );

  it("an unwritable --chart-dir is one line and a prompt exit, not a spin", async () => {
    const db = await createTestDatabase({ prefix: "kpi_charts" });
    await loadFixture(db.connection);
    await db.connection.query("CALL sp_refresh_all(0)");
    const started = Date.now();
    const ask = [
      "ask",
      "funnel",
      "2026-11-01..2026-11-25",
      "--as-of",
      "2026-11-26",
      "--chart-dir",
      "/proc/nope",
    ];
    const result = await runKpi(ask, { DATABASE_URL: db.url }, 20_000).finally(() => db.drop());
    expect(Date.now() - started).toBeLessThan(20_000);
    const lines = result.stderr.trim().split("\n");
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot write the charts to \/proc\/nope \(/);
    expect(result.code).toBe(1);
  }, 30_000);
});
