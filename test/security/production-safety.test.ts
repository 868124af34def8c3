/**
 * `kpi serve` with NODE_ENV=production (the real binary): refuses Teams anonymous mode,
 * Slack HTTP mode without a signing secret, and a DATABASE_URL_READONLY account that can
 * write; starts with a real read-only account. Outside production a writer only warns.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropReadonly, grantReadonly } from "../../src/db/grant-readonly.js";
import { runKpi } from "../helpers/run-cli.js";
import { cleanEnv, startServe } from "../helpers/serve-process.js";
import { BOT_TOKEN } from "../helpers/slack-bot.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

const USER = `kpi_ps_${randomBytes(4).toString("hex")}`;
const PASSWORD = `pw-${randomBytes(8).toString("hex")}`;
let db: TestDatabase;
let readonlyUrl: string;

beforeAll(async () => {
  db = await createTestDatabase({ prefix: "kpi_prod" });
  await grantReadonly(db.connection, { database: db.name, user: USER, password: PASSWORD });
  const url = new URL(db.url);
  url.username = USER;
  url.password = PASSWORD;
  readonlyUrl = url.toString();
}, 60_000);

afterAll(async () => {
  await dropReadonly(db.connection, USER);
  await db?.drop();
});

const production = (extra: Record<string, string>) =>
  cleanEnv({ NODE_ENV: "production", DATABASE_URL: db.url, LOG_LEVEL: "warn", ...extra }) as Record<
    string,
    string
  >;

describe.concurrent("kpi serve in production", () => {
  it("refuses Teams anonymous mode", async () => {
    const result = await runKpi(["serve"], production({ TEAMS_ALLOW_ANONYMOUS: "true" }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("TEAMS_ALLOW_ANONYMOUS: refused with NODE_ENV=production");
  });

  it("refuses Slack HTTP mode without a signing secret", async () => {
    const result = await runKpi(["serve"], production({ SLACK_BOT_TOKEN: BOT_TOKEN }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("SLACK_SIGNING_SECRET: required in HTTP mode");
  });

  it("refuses a DATABASE_URL_READONLY account that can write, in one line naming the variable", async () => {
    const result = await runKpi(["serve"], production({ DATABASE_URL_READONLY: db.url }));
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    const line = lines.find((l) => l.startsWith("DATABASE_URL_READONLY"));
    expect(line).toMatch(
      /^DATABASE_URL_READONLY \(.+\) is an account that can write \((.*ALL PRIVILEGES|.*INSERT)/,
    );
    expect(result.stderr).not.toMatch(/listening on port/);
  });

  it("starts with the account made by grant-readonly, without printing its password", async () => {
    const serve = startServe(production({ DATABASE_URL_READONLY: readonlyUrl, LOG_LEVEL: "info" }));
    try {
      expect(await serve.port()).toBeGreaterThan(0);
      expect(serve.stderr()).not.toContain("can write");
      expect(serve.stderr()).not.toContain(PASSWORD);
    } finally {
      await serve.stop();
    }
  });

  it("outside production a writing read-only account is a warning, not a refusal", async () => {
    const env = production({ DATABASE_URL_READONLY: db.url, LOG_LEVEL: "info" });
    env.NODE_ENV = "development";
    const serve = startServe(env);
    try {
      expect(await serve.port()).toBeGreaterThan(0);
      expect(serve.stderr()).toContain("is an account that can write");
    } finally {
      await serve.stop();
    }
  });
});
