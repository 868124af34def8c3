/**
 * One `kpi serve` holds exactly one reporting pool: a burst of chat questions and a due digest
 * at the same time never have more than DB_MAX_CONCURRENT_QUERIES connections open on the
 * read-only account (counted by the server itself), and the engine's query cap is the one
 * both go through.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropReadonly, grantReadonly } from "../../src/db/grant-readonly.js";
import { scheduleFromCron } from "../../src/schedule/schedule-phrase.js";
import { addSubscription } from "../../src/schedule/subscription-store.js";
import { runTick } from "../../src/schedule/tick.js";
import { rows } from "../db/fixture.js";
import { createFixtureDatabase, type SlackBot, startSlackBot } from "../helpers/slack-bot.js";
import { parseTarget } from "../helpers/targets.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

const CAP = 2;
const READER = `kpi_cap_${randomBytes(4).toString("hex")}`;
const SLOT = new Date("2026-11-26T09:00:00Z");
const AREAS = ["campaigns", "orders", "users", "products", "traffic", "ads"];

let db: TestDatabase;
let bot: SlackBot;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_one_engine");
  const password = `pw-${randomBytes(8).toString("hex")}`;
  await grantReadonly(db.connection, { user: READER, password, database: db.name });
  const readonly = new URL(db.url);
  readonly.username = READER;
  readonly.password = password;
  bot = await startSlackBot({
    databaseUrl: db.url,
    env: { DATABASE_URL_READONLY: readonly.toString(), DB_MAX_CONCURRENT_QUERIES: String(CAP) },
  });
}, 120_000);
afterAll(async () => {
  await bot?.close();
  await dropReadonly(db.connection, READER);
  await db?.drop();
});

/** Connections the read-only account has open now: the reporting pool's, and only those. */
const readerConnections = async () =>
  (
    await rows<{ n: number }>(
      db.connection,
      "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE USER = ?",
      [READER],
    )
  )[0]?.n ?? 0;

describe("one kpi serve, one reporting pool", () => {
  it("a burst of questions and a due digest together stay within the cap", async () => {
    await addSubscription(
      bot.bot.botState,
      {
        target: parseTarget("slack:C0DIGEST"),
        areas: AREAS.join(","),
        schedule: { ...scheduleFromCron("0 9 * * *", "UTC"), kind: "daily" },
        createdBy: "test",
      },
      new Date("2026-11-26T08:00:00Z"),
    );
    let most = 0;
    let watching = true;
    const watch = (async () => {
      while (watching) {
        most = Math.max(most, await readerConnections());
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();

    const questions = 24;
    const runtime = bot.bot.scheduling.runtime(bot.bot.platforms.senders);
    const [tick] = await Promise.all([
      runTick(SLOT, runtime.tick),
      ...Array.from({ length: questions }, (_, i) => bot.command(`${AREAS[i % AREAS.length]} last-30d`)),
    ]);
    await waitFor(() => bot.delivered() === questions, "every answer", 60_000);
    watching = false;
    await watch;

    expect(tick.outcomes.map((o) => o.status)).toEqual(["sent"]);
    expect(bot.fake.ok("chat.postMessage").filter((c) => c.args.channel === "C0DIGEST")).toHaveLength(1);
    expect(bot.engine.queries.max).toBe(CAP);
    expect(bot.engine.queries.peak).toBe(CAP);
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(CAP);
    expect(await readerConnections()).toBeLessThanOrEqual(CAP);
  });
});
