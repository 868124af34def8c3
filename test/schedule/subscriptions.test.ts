import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { policyKeysOf } from "../../src/bot/chat-platform.js";
import { PLATFORMS } from "../../src/bot/platforms.js";
import { DeliveryError } from "../../src/schedule/delivery-error.js";
import { runScheduleCommand, type ScheduleCommandRequest } from "../../src/schedule/schedule-commands.js";
import { scheduleFromCron } from "../../src/schedule/schedule-phrase.js";
import {
  addSubscription,
  getSubscription,
  listSubscriptions,
  removeSubscription,
  setPaused,
} from "../../src/schedule/subscription-store.js";
import { runTick } from "../../src/schedule/tick.js";
import { accessRefusal, policyFromAreaChannels } from "../../src/security/access-policy.js";
import { rows } from "../db/fixture.js";
import { parseTarget } from "../helpers/targets.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { openRunner, plus, RecordingSender, type Runner } from "./schedule-harness.js";

const NOW = new Date("2026-11-25T07:30:00.000Z");

describe("subscriptions: store and chat commands", () => {
  let db: TestDatabase;
  let runner: Runner;
  const request = (channelId = "C0CHAN", now = NOW): ScheduleCommandRequest => ({
    platform: "slack",
    channelId,
    userId: "U0ADA",
    now,
  });
  const chat = (text: string, channelId?: string, now?: Date) => {
    const [verb, ...args] = text.match(/"[^"]*"|\S+/g)?.map((w) => w.replace(/^"|"$/g, "")) ?? [];
    return runScheduleCommand(verb as never, args, request(channelId, now), {
      db: runner.db,
      defaultTimeZone: "UTC",
      alertTime: "08:00",
      refusal: (area, channel, platform) =>
        accessRefusal(
          policyFromAreaChannels(new Map([["orders", ["C0SALES"]]]), policyKeysOf(PLATFORMS)),
          area,
          {
            platform,
            channelId: channel,
          },
        ),
    });
  };

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "kpi_sched_subs" });
    runner = openRunner(db.url);
  });
  beforeEach(async () => {
    await db.connection.query("DELETE FROM bot_subscriptions");
  });
  afterAll(async () => {
    await runner?.close();
    await db?.drop();
  });

  it("stores canonical areas, the default period of the schedule kind, and filters valid for every area", async () => {
    const weekly = await addSubscription(
      runner.db,
      {
        target: parseTarget("slack:C1"),
        areas: "funnel, ctr,funnel",
        schedule: scheduleFromCron("0 8 * * mon", "Europe/Berlin"),
        filters: "platform=meta",
        createdBy: "U1",
      },
      NOW,
    );
    expect(weekly).toMatchObject({
      areas: ["ad-performance", "ctr"],
      period: { kind: "relative", word: "last-7d" },
      filters: { platform: "meta" },
    });
    expect(await rows(db.connection, "SELECT period, filters FROM bot_subscriptions")).toEqual([
      { period: "last-7d", filters: "platform=meta" },
    ]);
    expect(await getSubscription(runner.db, weekly.id)).toEqual(weekly);
    await expect(
      addSubscription(
        runner.db,
        {
          target: parseTarget("slack:C1"),
          areas: "users",
          schedule: scheduleFromCron("0 8 * * *", "UTC"),
          filters: "platform=meta",
          createdBy: "U1",
        },
        NOW,
      ),
    ).rejects.toThrow(/platform/);
    await expect(
      addSubscription(
        runner.db,
        {
          target: parseTarget("slack:C1"),
          areas: "users",
          schedule: scheduleFromCron("0 8 * * *", "UTC"),
          period: "last-week",
          createdBy: "U1",
        },
        NOW,
      ),
    ).rejects.toThrow(/Unknown period `last-week`/);
    expect(await listSubscriptions(runner.db)).toHaveLength(1);
  });

  it("subscribe, list, pause, resume, unsubscribe from a channel; other channels see none of it", async () => {
    const added = await chat("subscribe campaigns,stock daily 09:00 Europe/Berlin");
    const id = Number(/#(\d+)/.exec(added)?.[1]);
    expect(added).toBe(
      `Subscribed: #${id} campaigns, stock · daily 09:00 Europe/Berlin · yesterday, next Wed Nov 25, 2026 09:00 Europe/Berlin. Stop with /kpi unsubscribe ${id}.`,
    );
    const weekly = await chat('subscribe funnel cron "30 8 * * 1-5" last-30d platform=meta');
    expect(weekly).toMatch(
      /^Subscribed: #\d+ ad-performance platform=meta · cron "30 8 \* \* 1-5" UTC · last-30d, next Wed Nov 25, 2026 08:30 UTC\./,
    );

    expect(await chat("subscriptions")).toBe(
      [
        `#${id} campaigns, stock · daily 09:00 Europe/Berlin · yesterday · next Wed Nov 25, 2026 09:00 Europe/Berlin`,
        `#${id + 1} ad-performance platform=meta · cron "30 8 * * 1-5" UTC · last-30d · next Wed Nov 25, 2026 08:30 UTC`,
      ].join("\n"),
    );
    expect(await chat("subscriptions", "C0OTHER")).toMatch(/^No subscriptions in this channel/);
    await expect(chat(`unsubscribe ${id}`, "C0OTHER")).rejects.toThrow(
      `No subscription with id ${id} in this channel.`,
    );

    expect(await chat(`pause ${id}`)).toBe(`Paused #${id}. Resume with /kpi resume ${id}.`);
    expect(await chat("subscriptions")).toContain(
      `#${id} campaigns, stock · daily 09:00 Europe/Berlin · yesterday · paused`,
    );
    expect(await chat(`resume #${id}`, undefined, new Date("2026-11-25T08:30:00Z"))).toBe(
      `Resumed #${id}, next Thu Nov 26, 2026 09:00 Europe/Berlin.`,
    );
    expect(await chat(`unsubscribe ${id}`)).toBe(`Unsubscribed #${id} (campaigns, stock).`);
    expect((await listSubscriptions(runner.db)).map((s) => s.id)).toEqual([id + 1]);
  });

  it("invalid schedules and zones, restricted areas and bad ids answer with one clear line", async () => {
    await expect(chat("subscribe orders daily 09:00")).rejects.toThrow(/answered only in selected channels/);
    expect(await listSubscriptions(runner.db)).toEqual([]);
    await expect(chat('subscribe campaigns cron "0 9 * *"')).rejects.toThrow(
      /^Invalid cron expression `0 9 \* \*`: expected 5 fields.*Example: cron "0 9 \* \* 1-5"/,
    );
    await expect(chat("subscribe campaigns daily 09:00 Mars/Olympus")).rejects.toThrow(
      /^Unknown time zone `Mars\/Olympus`: use an IANA name such as Europe\/Berlin/,
    );
    await expect(chat("subscribe campaigns")).rejects.toThrow(
      /^Tell me what and when, e\.g\. \/kpi subscribe/,
    );
    await expect(chat("unsubscribe twelve")).rejects.toThrow(/`twelve` is not a subscription id/);
    await expect(chat("pause")).rejects.toThrow(/Which one\? \/kpi pause <id>/);
  });

  it("status lists the channel's last deliveries with their outcome", async () => {
    const added = await chat("subscribe stock daily 08:00", "C0STAT", new Date("2026-11-24T07:00:00Z"));
    const id = Number(/#(\d+)/.exec(added)?.[1]);
    const platform = new RecordingSender();
    platform.script = (call) => {
      if (call === 2) throw new DeliveryError("channel_not_found", "ok:false", { retryable: false });
    };
    await runTick(new Date("2026-11-24T08:00:00Z"), runner.deps(platform.asSenders(), "r1"));
    await runTick(new Date("2026-11-25T08:00:00Z"), runner.deps(platform.asSenders(), "r1"));
    expect(await chat("status", "C0STAT")).toBe(
      [
        "Last deliveries here:",
        `#${id} Wed Nov 25, 2026 08:00 UTC · failed (channel_not_found) after 1 attempt(s)`,
        `#${id} Tue Nov 24, 2026 08:00 UTC · sent`,
      ].join("\n"),
    );
    expect(await chat("status")).toBe("No digest deliveries in this channel yet.");
    await removeSubscription(runner.db, id);
    await expect(setPaused(runner.db, id, true, plus(NOW, 1))).rejects.toThrow(
      `No subscription with id ${id}.`,
    );
  });
});
