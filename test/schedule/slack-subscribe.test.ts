/** Subscription commands typed in Slack, through the real Bolt app and the real scheduler store. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureDatabase, type SlackBot, startSlackBot } from "../helpers/slack-bot.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

describe("/kpi subscribe, subscriptions, pause, resume, unsubscribe (Slack end to end)", () => {
  let db: TestDatabase;
  let bot: SlackBot;

  beforeAll(async () => {
    db = await createFixtureDatabase("kpi_sub_slack");
    bot = await startSlackBot({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await bot?.close();
    await db?.drop();
  });

  async function reply(text: string): Promise<string> {
    const sent = await bot.command(text);
    expect(sent.status).toBe(200);
    const response = await waitFor(() => bot.fake.responses.find((r) => r.id === sent.responseId), text);
    expect(response.body.response_type).toBe("ephemeral");
    return String(response.body.text);
  }

  it("round-trips a subscription, and posts nothing in the channel", async () => {
    expect(await reply("subscribe campaigns,orders daily 09:00 Europe/Berlin")).toMatch(
      /^Subscribed: #(\d+) campaigns, orders · daily 09:00 Europe\/Berlin · yesterday, next .* Europe\/Berlin\. Stop with \/kpi unsubscribe \1\.$/,
    );
    const [row] = (await db.connection.query(
      "SELECT subscription_id AS id, target, areas, cron, time_zone, period, paused FROM bot_subscriptions",
    )) as unknown as [Record<string, unknown>[]];
    expect(row).toHaveLength(1);
    const id = Number(row[0]?.id);
    expect(row[0]).toMatchObject({
      target: "slack:C0MARKETING",
      cron: "0 9 * * *",
      areas: "campaigns,orders",
      time_zone: "Europe/Berlin",
      period: "yesterday",
      paused: 0,
    });

    expect(await reply("subscriptions")).toMatch(
      new RegExp(`^#${id} campaigns, orders · daily 09:00 Europe/Berlin · yesterday · next `),
    );
    expect(await reply(`pause ${id}`)).toBe(`Paused #${id}. Resume with /kpi resume ${id}.`);
    expect(await reply("subscriptions")).toMatch(/· paused$/);
    expect(await reply(`resume ${id}`)).toMatch(new RegExp(`^Resumed #${id}`));
    expect(await reply(`unsubscribe ${id}`)).toBe(`Unsubscribed #${id} (campaigns, orders).`);
    expect(await reply("subscriptions")).toMatch(/^No subscriptions in this channel/);
    expect(bot.fake.attempts("chat.postMessage")).toEqual([]);
  });

  it.each([
    ["subscribe campaigns daily 25:00 Europe/Berlin", /25:00/],
    ["subscribe campaigns daily 09:00 Mars/Olympus", /Mars\/Olympus/],
    ['subscribe campaigns cron "61 * * * *"', /61/],
    ["subscribe campains daily 09:00", /did you mean `campaigns`/],
  ])("%s → a one-line error with an example, nothing stored", async (text, message) => {
    const answer = await reply(text);
    expect(answer).toMatch(message);
    expect(answer.split("\n")).toHaveLength(1);
    const [rows] = (await db.connection.query("SELECT COUNT(*) AS n FROM bot_subscriptions")) as unknown as [
      { n: number }[],
    ];
    expect(rows[0]?.n).toBe(0);
  });

  it("/kpi status lists this channel's deliveries", async () => {
    expect(await reply("status")).toMatch(/deliver/i);
  });
});
