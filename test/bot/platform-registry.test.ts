/**
 * A chat platform is one folder and one registry line: here "echo" (test/helpers/echo-platform.ts)
 * joins Slack and Teams through the registry alone — its variables, its target ids, its
 * section of the access policy, its senders — and a subscription on it delivers a digest
 * whose figures are the database's, exactly once. No file under src/ knows it.
 */
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assembleBot, type BotParts } from "../../src/app/bot-app.js";
import { PLATFORMS } from "../../src/bot/platforms.js";
import { loadConfig } from "../../src/config.js";
import { UserError } from "../../src/errors.js";
import { scheduleFromCron } from "../../src/schedule/schedule-phrase.js";
import { addSubscription } from "../../src/schedule/subscription-store.js";
import { runTick } from "../../src/schedule/tick.js";
import { rows } from "../db/fixture.js";
import { type EchoChat, echoPlatform, startEchoChat } from "../helpers/echo-platform.js";
import { orderSums } from "../helpers/independent-kpis.js";
import { createFixtureDatabase } from "../helpers/slack-bot.js";
import type { TestDatabase } from "../helpers/test-database.js";

const WITH_ECHO = [...PLATFORMS, echoPlatform()];
const SLOT = new Date("2026-11-26T09:00:00Z");
/** Days the fixture has orders on (a period without data is answered "no data", not zeros). */
const ORDER_DAYS = { from: "2026-11-10", to: "2026-11-11" };

let db: TestDatabase;
let echo: EchoChat;
let parts: BotParts;
let policyFile: string;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_registry");
  echo = await startEchoChat();
  policyFile = join(tmpdir(), `kpi-echo-policy-${process.pid}.yml`);
  await writeFile(
    policyFile,
    ["default: allow", "areas:", "  orders:", "    echo: { rooms: [room-finance] }", ""].join("\n"),
  );
  const config = loadConfig(
    { DATABASE_URL: db.url, ECHO_CHAT_URL: echo.url, ACCESS_POLICY_FILE: policyFile, LOG_LEVEL: "silent" },
    WITH_ECHO,
  );
  parts = await assembleBot(config, { log: pino({ level: "silent" }), now: () => SLOT });
});
afterAll(async () => {
  await parts?.close();
  await echo?.close();
  await db?.drop();
});

describe("a platform added through the registry alone", () => {
  it("is configured by its own variables, and its targets are its own", () => {
    const config = loadConfig({ DATABASE_URL: db.url, ECHO_CHAT_URL: echo.url }, WITH_ECHO);
    expect(config.chat.platforms.map((p) => p.definition.name)).toEqual(["echo"]);
    expect(config.chat.parseTarget("echo:room-marketing")).toEqual({
      platform: "echo",
      id: "room-marketing",
    });
    expect(() => config.chat.parseTarget("echo:Marketing Room")).toThrow(/echo:room-<name>/);
    expect(() => loadConfig({ ECHO_CHAT_URL: "ftp://x" }, WITH_ECHO)).toThrow(/ECHO_CHAT_URL: must be/);
    // Without it in the list, kpi-bot does not know the platform at all.
    expect(() => loadConfig({}).chat.parseTarget("echo:room-marketing")).toThrow(UserError);
  });

  it("delivers a subscription's digest, the database's figures, once", async () => {
    const runtime = parts.scheduling.runtime(parts.platforms.senders);
    const config = loadConfig({ DATABASE_URL: db.url, ECHO_CHAT_URL: echo.url }, WITH_ECHO);
    const subscription = await addSubscription(
      parts.botState,
      {
        target: config.chat.parseTarget("echo:room-marketing"),
        areas: "campaigns,orders",
        schedule: { ...scheduleFromCron("0 9 * * *", "UTC"), kind: "daily" },
        createdBy: "test",
      },
      new Date("2026-11-26T08:00:00Z"),
    );
    const report = await runTick(SLOT, runtime.tick);
    expect(report.outcomes.map((o) => o.status)).toEqual(["sent"]);
    const again = await runTick(SLOT, runtime.tick);
    expect(again.outcomes).toEqual([]);

    expect(echo.received).toHaveLength(1);
    const [digest] = echo.received as {
      room: string;
      heading: string;
      answers: { area: string; kpis: Record<string, number> }[];
    }[];
    expect(digest?.room).toBe("room-marketing");
    expect(digest?.heading).toBe("Daily digest · campaigns, orders");
    // room-marketing may not see orders (the policy's echo section): the digest leaves it out.
    expect(digest?.answers.map((a) => a.area)).toEqual(["campaigns"]);
    expect(
      await rows(db.connection, "SELECT status, message_id FROM bot_deliveries WHERE subscription_id = ?", [
        subscription.id,
      ]),
    ).toEqual([{ status: "sent", message_id: "echo-1" }]);
  });

  it("applies its section of the access policy to chat, and audits under its name", async () => {
    const ask = (channelId: string) =>
      parts.chat({
        text: `orders ${ORDER_DAYS.from}..${ORDER_DAYS.to}`,
        platform: "echo",
        channelId,
        userId: "u-ada",
      });
    const refused = await ask("room-marketing");
    expect(refused).toMatchObject({ kind: "error" });
    expect(refused.kind === "error" && refused.text).toMatch(/`orders` is not available to you here/);
    const answered = await ask("room-finance");
    if (answered.kind !== "answer") throw new Error(`expected an answer, got ${JSON.stringify(answered)}`);
    const revenue = answered.answer.kpis.find((k) => k.key === "revenue")?.value;
    expect(revenue).toBe((await orderSums(db.connection, ORDER_DAYS)).revenue);
    await parts.guard.audit.flush();
    expect(
      await rows(db.connection, "SELECT platform, channel_id, outcome FROM bot_audit ORDER BY audit_id"),
    ).toEqual([
      { platform: "echo", channel_id: "room-marketing", outcome: "refused" },
      { platform: "echo", channel_id: "room-finance", outcome: "answered" },
    ]);
  });
});
