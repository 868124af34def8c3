/**
 * Events API end to end: `@kpi campaigns last-30d` answers in a thread under the mention
 * (charts uploaded into that thread), a bad mention gets an ephemeral error in the thread,
 * Slack's re-deliveries of an answered mention are not answered twice (and one whose first
 * delivery never arrived is answered), and opening the App Home tab publishes
 * the guide with examples for every area.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AREA_NAMES, areaModule } from "../../src/areas/registry.js";
import { blockKitProblems } from "../helpers/block-kit-check.js";
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

let db: TestDatabase;
let bot: SlackBot;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_slack_events");
  bot = await startSlackBot({ databaseUrl: db.url });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});
beforeEach(() => bot.fake.reset());

const mention = (text: string, ts: string, extra: Record<string, unknown> = {}) => ({
  type: "app_mention",
  user: USER,
  text,
  ts,
  channel: CHANNEL,
  event_ts: ts,
  ...extra,
});

describe("app mentions", () => {
  it("answers `@kpi campaigns last-30d` in a thread, charts in the same thread", async () => {
    const before = bot.delivered();
    const sent = await bot.event(mention("<@UKPIBOT> campaigns   last-30d", "1790000001.000100"));
    expect(sent.status).toBe(200);
    expect(sent.ms).toBeLessThan(3000);
    await waitFor(() => bot.delivered() > before, "the answer");
    const [post] = bot.fake.ok("chat.postMessage");
    expect(post?.args).toMatchObject({ channel: CHANNEL, thread_ts: "1790000001.000100" });
    expect(blockTexts(post?.args.blocks).join("\n")).toMatch(/\*Spend\*\n€37\.00/);
    const [complete] = bot.fake.ok("files.completeUploadExternal");
    expect(complete?.args).toMatchObject({ channel_id: CHANNEL, thread_ts: "1790000001.000100" });
  });

  it("a mention inside a thread answers in that thread", async () => {
    const before = bot.delivered();
    await bot.event(
      mention("<@UKPIBOT> ctr last-7d", "1790000002.000200", { thread_ts: "1790000000.000001" }),
    );
    await waitFor(() => bot.delivered() > before, "the answer");
    expect(bot.fake.ok("chat.postMessage")[0]?.args.thread_ts).toBe("1790000000.000001");
  });

  it("a bad command gets an ephemeral error to the asker, in the thread; nothing is posted", async () => {
    await bot.event(mention("<@UKPIBOT> campains", "1790000003.000300"));
    const [ephemeral] = await waitFor(
      () => bot.fake.ok("chat.postEphemeral").length > 0 && bot.fake.ok("chat.postEphemeral"),
      "the error",
    );
    expect(ephemeral?.args).toMatchObject({ channel: CHANNEL, user: USER, thread_ts: "1790000003.000300" });
    expect(String(ephemeral?.args.text)).toContain("did you mean `campaigns`?");
    expect(bot.fake.attempts("chat.postMessage")).toEqual([]);
  });

  it("a re-delivery of an answered mention (X-Slack-Retry-Num, same event_id) is not answered again", async () => {
    const before = bot.delivered();
    const event = mention("<@UKPIBOT> campaigns", "1790000004.000400");
    const first = Math.floor(Date.now() / 1000);
    await bot.event(event, { eventId: "Ev0RETRIED", timestamp: first });
    await waitFor(() => bot.delivered() > before, "the answer");
    const retried = await bot.event(event, {
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
      eventId: "Ev0RETRIED",
      timestamp: first + 3,
    });
    expect(retried.status).toBe(200);
    await waitFor(
      () => bot.logs.some((l) => l.includes("Slack re-delivery ignored")),
      "the re-delivery to be seen",
    );
    expect(bot.fake.attempts("chat.postMessage")).toHaveLength(1);
  });

  it("a re-delivery of a mention no delivery claimed (the first was lost) is answered", async () => {
    const before = bot.delivered();
    await bot.event(mention("<@UKPIBOT> ctr last-7d", "1790000004.000500"), {
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
      eventId: "Ev0FIRSTLOST",
    });
    await waitFor(() => bot.delivered() > before, "the answer");
    expect(bot.fake.ok("chat.postMessage")[0]?.args.thread_ts).toBe("1790000004.000500");
  });
});

describe("App Home", () => {
  it("publishes the guide with every area's examples when the Home tab is opened", async () => {
    await bot.event({
      type: "app_home_opened",
      user: USER,
      channel: "D0HOME",
      tab: "home",
      event_ts: "1790000005.1",
    });
    const [publish] = await waitFor(
      () => bot.fake.ok("views.publish").length > 0 && bot.fake.ok("views.publish"),
      "views.publish",
    );
    expect(publish?.args.user_id).toBe(USER);
    const view = publish?.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    expect(blockKitProblems(view.blocks, "home")).toEqual([]);
    const texts = blockTexts(view.blocks).join("\n");
    for (const area of AREA_NAMES) {
      expect(texts).toContain(`*${area}*`);
      for (const example of areaModule(area).examples) expect(texts).toContain(`\`${example}\``);
    }
    expect(texts).not.toMatch(/subscri/i);
  });

  it("ignores the Messages tab", async () => {
    await bot.event({
      type: "app_home_opened",
      user: USER,
      channel: "D0HOME",
      tab: "messages",
      event_ts: "1790000006.1",
    });
    await bot.event({
      type: "app_home_opened",
      user: "U0BARRIER",
      channel: "D0HOME",
      tab: "home",
      event_ts: "1790000006.2",
    });
    await waitFor(() => bot.fake.ok("views.publish").length > 0, "the barrier publish");
    expect(bot.fake.attempts("views.publish").map((c) => c.args.user_id)).toEqual(["U0BARRIER"]);
  });
});
