/**
 * db/schema/080: the bot-state tables take any chat platform the application allows. A
 * database migrated without 080 refuses a subscription target or an audit platform other
 * than Slack or Teams; once 080 is applied it stores and reads them back (rows from before
 * survive), and only the shape of the value is still checked. The platform itself is the
 * application's to validate.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotStateDb, createBotStateDb } from "../../src/db/bot-state/bot-state-db.js";
import { toSqlTime } from "../../src/db/bot-state/sql-time.js";
import { connectionOptions, parseDatabaseUrl } from "../../src/db/database-url.js";
import { dropDatabase, migrate } from "../../src/db/migrate/migrator.js";
import { DB_DIR } from "../../src/db/migrate/sql-files.js";
import { UserError } from "../../src/errors.js";
import { listSubscriptions } from "../../src/schedule/subscription-store.js";
import { auditSince } from "../../src/security/audit-queries.js";
import { parseTarget } from "../helpers/targets.js";
import { databaseUrl, uniqueDatabaseName } from "../helpers/test-database.js";
import { rows } from "./fixture.js";

const MIGRATION = "080_bot_state_platforms.sql";
/** CHECK violations: MariaDB ER_CONSTRAINT_FAILED (4025), MySQL ER_CHECK_CONSTRAINT_VIOLATED (3819). */
const refusedByCheck = { errno: expect.toBeOneOf([4025, 3819]) };
const AT = new Date("2026-11-25T08:00:00.000Z");
const at = toSqlTime(AT);

const subscriptionRow = (target: string) => ({
  target,
  areas: "campaigns",
  period: "yesterday",
  filters: null,
  schedule_kind: "daily",
  cron: "0 9 * * *",
  time_zone: "UTC",
  created_by: "test",
  created_at: at,
  active_since: at,
  updated_at: at,
});

const auditRow = (platform: string) => ({
  at,
  platform,
  workspace_id: null,
  user_id: "U1",
  channel_id: "room-1",
  command_text: "campaigns last-7d",
  area: "campaigns",
  outcome: "answered",
  duration_ms: 12,
  ref_id: null,
});

describe("bot-state platforms are the application's to validate (db/schema/080)", () => {
  const url = databaseUrl(uniqueDatabaseName("kpi_bot_platforms"));
  let dir: string;
  let conn: mysql.Connection;
  let db: BotStateDb;

  beforeAll(async () => {
    // Everything up to 070: the CHECK lists of 040 and 050 are in force.
    dir = await mkdtemp(join(tmpdir(), "kpi-db-"));
    await cp(DB_DIR, dir, { recursive: true });
    await rm(join(dir, "schema", MIGRATION));
    await migrate(url, { dbDir: dir });
    conn = await mysql.createConnection(connectionOptions(parseDatabaseUrl(url)));
    db = createBotStateDb(url, { connectionLimit: 1 });
  });

  afterAll(async () => {
    await db?.destroy();
    await conn?.end();
    await dropDatabase(url);
    await rm(dir, { recursive: true, force: true });
  });

  it("without 080 the CHECK lists refuse any platform but slack and teams", async () => {
    await db.insertInto("bot_subscriptions").values(subscriptionRow("slack:CBEFORE")).execute();
    await expect(
      db.insertInto("bot_subscriptions").values(subscriptionRow("echo:room-1")).execute(),
    ).rejects.toMatchObject(refusedByCheck);
    await expect(db.insertInto("bot_audit").values(auditRow("echo")).execute()).rejects.toMatchObject(
      refusedByCheck,
    );
  });

  it("080 applies on its own, and afterwards echo:room-1 is stored and read back", async () => {
    const report = await migrate(url);
    expect(report.applied).toEqual([MIGRATION]);
    await db.insertInto("bot_subscriptions").values(subscriptionRow("echo:room-1")).execute();
    const stored = await db
      .selectFrom("bot_subscriptions")
      .select(["target", "areas"])
      .orderBy("subscription_id")
      .execute();
    expect(stored).toEqual([
      { target: "slack:CBEFORE", areas: "campaigns" },
      { target: "echo:room-1", areas: "campaigns" },
    ]);
  });

  it("bot_audit accepts a platform such as googlechat, and kpi audit reads it back", async () => {
    await db.insertInto("bot_audit").values(auditRow("googlechat")).execute();
    const [row] = await auditSince(db, new Date(AT.getTime() - 1));
    expect(row).toMatchObject({ platform: "googlechat", channel: "room-1", outcome: "answered" });
  });

  it("still refuses values of the wrong shape: a target without platform or id, an empty platform", async () => {
    for (const target of ["echo", "echo:", ":room-1"]) {
      await expect(
        db.insertInto("bot_subscriptions").values(subscriptionRow(target)).execute(),
        target,
      ).rejects.toMatchObject(refusedByCheck);
    }
    await expect(db.insertInto("bot_audit").values(auditRow("")).execute()).rejects.toMatchObject(
      refusedByCheck,
    );
    expect(await rows(conn, "SELECT target FROM bot_subscriptions ORDER BY subscription_id")).toEqual([
      { target: "slack:CBEFORE" },
      { target: "echo:room-1" },
    ]);
  });

  it("the application decides which platforms exist: the registry's parser refuses echo:room-1", async () => {
    let thrown: unknown;
    try {
      parseTarget("echo:room-1");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect(thrown).toMatchObject({ code: "invalid_target" });
    expect((await listSubscriptions(db, { target: { platform: "slack", id: "CBEFORE" } })).length).toBe(1);
  });
});
