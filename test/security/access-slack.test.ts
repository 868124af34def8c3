/**
 * The access policy in Slack, end to end (ACCESS_POLICY_FILE, the real Bolt app, a fake
 * Web API): refusals are ephemeral and name whom to ask; users and channels in the policy
 * are answered; subscriptions follow the same rules; App Home shows only what one may ask.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  blockTexts,
  CHANNEL,
  createFixtureDatabase,
  type SlackBot,
  startSlackBot,
  USER,
} from "../helpers/slack-bot.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";
import { CFO, FINANCE_CHANNEL, writePolicyFile } from "./policy-file.js";

let db: TestDatabase;
let bot: SlackBot;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_access_slack");
  bot = await startSlackBot({
    databaseUrl: db.url,
    env: { ACCESS_POLICY_FILE: writePolicyFile() },
  });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

async function ask(text: string, options: { channelId?: string; userId?: string } = {}) {
  const posts = bot.fake.ok("chat.postMessage").length;
  const sent = await bot.command(text, options);
  expect(sent.status).toBe(200);
  const reply = await waitFor(
    () =>
      bot.fake.responses.find((r) => r.id === sent.responseId) ??
      (bot.fake.ok("chat.postMessage").length > posts ? "posted" : undefined),
    text,
  );
  if (reply === "posted")
    return { posted: bot.fake.ok("chat.postMessage").at(-1)?.args, ephemeral: undefined };
  expect(reply.body.response_type).toBe("ephemeral");
  return { posted: undefined, ephemeral: String(reply.body.text) };
}

describe("asking in Slack under the access policy", () => {
  it("refuses a listed area outside its channels and users, ephemerally, naming the area's contact", async () => {
    const reply = await ask("orders last-7d");
    expect(reply.ephemeral).toBe("`orders` is not available to you here. To get access, ask Finance (Ola).");
    expect(bot.fake.ok("chat.postMessage").filter((c) => c.args.channel === CHANNEL)).toEqual([]);
  });

  it("answers it in the policy's channel, and for the policy's user anywhere", async () => {
    expect((await ask("orders last-7d", { channelId: FINANCE_CHANNEL })).posted?.channel).toBe(
      FINANCE_CHANNEL,
    );
    expect((await ask("orders last-7d", { userId: CFO })).posted?.channel).toBe(CHANNEL);
  });

  it("an area open to every channel is answered; an unlisted area follows default: deny", async () => {
    expect((await ask("campaigns last-30d")).posted?.channel).toBe(CHANNEL);
    expect((await ask("traffic last-30d")).ephemeral).toBe(
      "`traffic` is not available to you here. To get access, ask #kpi-admins.",
    );
  });

  it("aliases are checked as their area (funnel is ad-performance, refused by default)", async () => {
    expect((await ask("funnel last-30d")).ephemeral).toContain("`ad-performance` is not available");
  });

  it("subscribe is refused for an area the channel may not see, accepted where it may", async () => {
    expect((await ask("subscribe orders daily 09:00")).ephemeral).toContain(
      "`orders` may not be sent to this channel (access policy); ask Finance (Ola).",
    );
    expect((await ask("subscribe orders daily 09:00", { channelId: FINANCE_CHANNEL })).ephemeral).toMatch(
      /^Subscribed: #\d+ orders/,
    );
    const [rows] = await db.connection.query("SELECT target FROM bot_subscriptions");
    expect(rows).toEqual([{ target: `slack:${FINANCE_CHANNEL}` }]);
  });

  it("App Home shows only the areas the person may ask about", async () => {
    const publishedFor = async (user: string) => {
      const before = bot.fake.ok("views.publish").length;
      await bot.event({
        type: "app_home_opened",
        user,
        channel: "D0HOME",
        tab: "home",
        event_ts: "1790000005.1",
      });
      const calls = await waitFor(
        () => bot.fake.ok("views.publish").length > before && bot.fake.ok("views.publish"),
        "views.publish",
      );
      const view = calls.at(-1)?.args.view as { blocks: unknown[] } | undefined;
      return blockTexts(view?.blocks ?? []).join("\n");
    };
    const ada = await publishedFor(USER);
    expect(ada).toContain("*campaigns*");
    expect(ada).toContain("*orders*");
    expect(ada).toContain(`_(only in <#${FINANCE_CHANNEL}>)_`);
    for (const hidden of ["*traffic*", "*users*", "*stock*", "*ad-performance*"])
      expect(ada).not.toContain(hidden);
    const cfo = await publishedFor(CFO);
    expect(cfo).toContain("*orders*");
    expect(cfo).not.toContain("only in");
    expect(ada.match(/only in/g)).toHaveLength(1);
  });
});
