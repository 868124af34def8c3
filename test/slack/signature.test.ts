/**
 * Request authenticity at POST /slack/events (Bolt's receiver with our signing secret):
 * a wrong signature, a timestamp older than 5 minutes or missing headers get 401 and
 * reach no listener — nothing is posted. Slack's URL verification gets its challenge back.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFixtureDatabase, type SlackBot, startSlackBot } from "../helpers/slack-bot.js";
import { FORM, postToSlackEndpoint, slackSignature } from "../helpers/slack-requests.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

let db: TestDatabase;
let bot: SlackBot;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_slack_sig");
  bot = await startSlackBot({ databaseUrl: db.url });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});
beforeEach(() => bot.fake.reset());

const now = () => Math.floor(Date.now() / 1000);

/** A correctly signed command afterwards: once its answer is posted, the rejected one had its chance too. */
async function expectOnlyTheValidOnePosted() {
  const before = bot.delivered();
  const valid = await bot.command("ctr last-7d", { channelId: "C0VALID" });
  expect(valid.status).toBe(200);
  await waitFor(() => bot.delivered() > before, "the valid command's answer");
  expect(bot.fake.attempts("chat.postMessage").map((c) => c.args.channel)).toEqual(["C0VALID"]);
  expect(bot.fake.attempts("chat.postEphemeral")).toEqual([]);
  expect(bot.fake.responses.every((r) => r.id === valid.responseId)).toBe(true);
}

describe("unsigned or mis-signed requests get 401 and nothing is posted", () => {
  it("a signature made with another secret", async () => {
    const sent = await bot.command("campaigns last-30d", { signing: { secret: "someoneelsessecret0000" } });
    expect(sent.status).toBe(401);
    await expectOnlyTheValidOnePosted();
  });

  it("a correct signature over a timestamp more than 5 minutes old", async () => {
    const sent = await bot.command("campaigns last-30d", { signing: { timestamp: now() - 6 * 60 } });
    expect(sent.status).toBe(401);
    await expectOnlyTheValidOnePosted();
  });

  it("no signature headers at all", async () => {
    const sent = await bot.command("campaigns last-30d", { signing: { signature: null } });
    expect(sent.status).toBe(401);
    await expectOnlyTheValidOnePosted();
  });

  it("a body changed after signing", async () => {
    const ts = now();
    const signed = new URLSearchParams({
      command: "/kpi",
      text: "help",
      channel_id: "C1",
      user_id: "U1",
    }).toString();
    const tampered = signed.replace("help", "campaigns");
    const sent = await postToSlackEndpoint(bot.eventsUrl, tampered, FORM, {
      secret: "unused",
      timestamp: ts,
      signature: slackSignature("f4k3s1gn1ngs3cr3t0123456789abcdef", ts, signed),
    });
    expect(sent.status).toBe(401);
    await expectOnlyTheValidOnePosted();
  });
});

describe("Events API URL verification", () => {
  it("echoes the challenge of a signed url_verification request", async () => {
    const body = JSON.stringify({ type: "url_verification", token: "x", challenge: "c-123" });
    const ts = now();
    const sent = await postToSlackEndpoint(bot.eventsUrl, body, "application/json", {
      secret: "unused",
      timestamp: ts,
      signature: slackSignature("f4k3s1gn1ngs3cr3t0123456789abcdef", ts, body),
    });
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.text)).toEqual({ challenge: "c-123" });
  });

  it("the server keeps its other routes: /healthz names the Slack channel", async () => {
    const response = await fetch(`${bot.server.url}/healthz`);
    expect(await response.json()).toEqual({ ok: true, channels: ["slack"] });
  });
});
