/**
 * Settings from `.env` (the environment wins, unknown keys warned once, values never printed),
 * `kpi --version`, and the compiled build: `npm run build`'s output runs on its own, with no
 * TypeScript sources beside it, answers a question and draws a chart in a worker thread.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configKeys } from "../../src/config.js";
import { loadDotEnv, unknownKeysWarning } from "../../src/dotenv.js";
import { PROJECT_ROOT } from "../../src/project-files.js";
import { loadFixture } from "../db/fixture.js";
import { runKpi } from "../helpers/run-cli.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

const run = promisify(execFile);
const QUESTION = ["ask", "orders last-30d", "--as-of", "2026-11-26"];

describe("loadDotEnv", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kpi-env-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("takes the file's keys the environment lacks, keeps the environment's, and names unknown keys", async () => {
    await writeFile(
      join(dir, ".env"),
      "CURRENCY=USD\nREPORT_TIMEZONE=Europe/Berlin\n# a comment\nCURENCY=GBP\n",
    );
    const env: NodeJS.ProcessEnv = { REPORT_TIMEZONE: "UTC" };
    const result = loadDotEnv(env, configKeys(), dir);
    expect(env).toEqual({ REPORT_TIMEZONE: "UTC", CURRENCY: "USD", CURENCY: "GBP" });
    expect([...result.loaded].sort()).toEqual(["CURENCY", "CURRENCY"]);
    expect(result).toMatchObject({ overridden: ["REPORT_TIMEZONE"], unknown: ["CURENCY"] });
    expect(unknownKeysWarning(result)).toBe(
      `${join(dir, ".env")}: CURENCY is not a setting kpi-bot reads (loaded anyway, e.g. for --password-env).`,
    );
  });

  it("knows every platform's variables, so a Slack token in the file is no 'unknown key'", () => {
    const keys = configKeys();
    for (const key of [
      "DATABASE_URL",
      "SLACK_BOT_TOKEN",
      "TEAMS_APP_ID",
      "ADMIN_CHANNEL",
      "CHAT_MAX_WAITING",
    ]) {
      expect(keys.has(key), key).toBe(true);
    }
  });

  it("is optional in the working directory, required when KPI_ENV_FILE names it, off when KPI_ENV_FILE is empty", async () => {
    const empty = await mkdtemp(join(tmpdir(), "kpi-env-none-"));
    expect(loadDotEnv({}, configKeys(), empty).file).toBeNull();
    expect(() => loadDotEnv({ KPI_ENV_FILE: "missing.env" }, configKeys(), empty)).toThrow(
      `Cannot read the settings file ${join(empty, "missing.env")}: ENOENT`,
    );
    const env: NodeJS.ProcessEnv = { KPI_ENV_FILE: "" };
    expect(loadDotEnv(env, configKeys(), dir).file).toBeNull();
    expect(env.CURRENCY).toBeUndefined();
    await rm(empty, { recursive: true });
  });
});

describe("the kpi binary with a .env file, and --version", () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_env" });
    await loadFixture(db.connection);
    await db.connection.query("CALL sp_refresh_all(0)");
    dir = await mkdtemp(join(tmpdir(), "kpi-env-cli-"));
    await writeFile(
      join(dir, ".env"),
      `DATABASE_URL=${db.url}\nCURRENCY=USD\nKPI_READER_PASSWORD=s3cret-value\n`,
    );
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("answers in the .env file's currency from the .env file's database", async () => {
    const result = await runKpi(QUESTION, { KPI_ENV_FILE: undefined, DATABASE_URL: undefined }, 120_000, {
      cwd: dir,
    });
    expect(result.stderr).not.toContain("s3cret-value");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("$");
    expect(result.stdout).not.toContain("€");
    // One warning, naming the key only.
    expect(result.stderr.match(/is not a setting/g)).toHaveLength(1);
    expect(result.stderr).toContain("KPI_READER_PASSWORD is not a setting kpi-bot reads");
  });

  it("lets the environment win over the file", async () => {
    const result = await runKpi(
      QUESTION,
      { KPI_ENV_FILE: undefined, DATABASE_URL: undefined, CURRENCY: "EUR" },
      120_000,
      {
        cwd: dir,
      },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("€");
    expect(result.stdout).not.toContain("$");
  });

  it("refuses an unreadable KPI_ENV_FILE in one line, exit 2", async () => {
    const result = await runKpi(QUESTION, { KPI_ENV_FILE: join(dir, "nope.env") });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([
      `Cannot read the settings file ${join(dir, "nope.env")}: ENOENT`,
    ]);
  });

  it("prints the package version", async () => {
    const { version } = JSON.parse(await readFile(join(PROJECT_ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    const result = await runKpi(["--version"]);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
});

describe("the compiled build", () => {
  let db: TestDatabase;
  let app: string;

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_build" });
    await loadFixture(db.connection);
    await db.connection.query("CALL sp_refresh_all(0)");
    // A copy of the project as a deployment would ship it: the build, bin/, db/, assets/ and
    // the dependencies, and no TypeScript sources (so nothing can fall back to tsx).
    app = await mkdtemp(join(tmpdir(), "kpi-app-"));
    for (const entry of ["package.json", "tsconfig.json", "tsconfig.build.json", "src", "generator"]) {
      await symlink(join(PROJECT_ROOT, entry), join(app, entry));
    }
    await symlink(join(PROJECT_ROOT, "node_modules"), join(app, "node_modules"));
    await run(
      process.execPath,
      [join(PROJECT_ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
      {
        cwd: app,
      },
    );
    for (const entry of ["src", "generator", "tsconfig.json", "tsconfig.build.json"])
      await rm(join(app, entry));
    for (const entry of ["bin", "db", "assets"])
      await cp(join(PROJECT_ROOT, entry), join(app, entry), { recursive: true });
  }, 300_000);
  afterAll(async () => {
    await db?.drop();
    await rm(app, { recursive: true, force: true });
  });

  it("answers a question and writes its charts with no sources beside it", async () => {
    const charts = join(app, "charts");
    await mkdir(charts);
    const result = await runKpi([...QUESTION, "--chart-dir", charts], { DATABASE_URL: db.url }, 120_000, {
      bin: join(app, "bin/kpi.js"),
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Orders");
    const pngs = (await readdir(charts)).filter((f) => f.endsWith(".png"));
    expect(pngs.length).toBeGreaterThan(0);
  });

  it("draws a chart in a worker thread from the compiled worker", async () => {
    const script = `
      const { createChartPool } = await import(${JSON.stringify(join(app, "dist/src/charts/chart-pool.js"))});
      const pool = createChartPool({ size: 1 });
      const png = await pool.render({ key: "k", kind: "bar", title: "t", labels: ["a", "b"], series: [{ name: "s", values: [1, 2] }] });
      await pool.close();
      console.log(png.subarray(1, 4).toString());`;
    await writeFile(join(app, "draw.mjs"), script);
    const { stdout } = await run(process.execPath, [join(app, "draw.mjs")], { cwd: app });
    expect(stdout.trim()).toBe("PNG");
  });
});
