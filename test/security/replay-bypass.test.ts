/**
 * What used to get past the replay guard, end to end through the real server: a valid signed
 * /kpi request replayed with its headers spelled differently (a leading zero on the timestamp,
 * `=x` after the signature: Bolt verifies Number(ts) and the part after the first `=`), a flood
 * of bad signatures bigger than the guard's memory followed by an exact replay, and a correct
 * signature over a timestamp 6 minutes in the future. Each is answered at most once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureDatabase, SIGNING_SECRET, type SlackBot, startSlackBot } from "../helpers/slack-bot.js";
import {
  FORM,
  postToSlackEndpoint,
  type SentRequest,
  slackSignature,
  slashCommandBody,
} from "../helpers/slack-requests.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

/** Small, so that a flood of a few hundred requests would overflow a guard that remembered them. */
const CAPACITY = 50;
const FLOOD = 4 * CAPACITY;

let db: TestDatabase;
let bot: SlackBot;
let requests = 0;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_replay_bypass");
  bot = await startSlackBot({ databaseUrl: db.url, replayCapacity: CAPACITY });
});
afterAll(async () => {
  await bot?.close();
  await db?.drop();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);
const answersIn = (channel: string) =>
  bot.fake.ok("chat.postMessage").filter((call) => call.args.channel === channel).length;
const duplicates = () => bot.logs.filter((line) => line.includes("duplicate Slack request ignored")).length;

/** A signed /kpi request for `channel`, and a sender that posts it with the headers given. */
function signedRequest(channel: string, timestamp = nowSeconds()) {
  const body = slashCommandBody({
    text: "ctr last-7d",
    channelId: channel,
    userId: "U0REPLAY",
    responseUrl: bot.fake.responseUrl(`bypass${++requests}`),
  });
  const signature = slackSignature(SIGNING_SECRET, timestamp, body);
  const send = (headers: { timestamp?: string; signature?: string } = {}): Promise<SentRequest> =>
    postToSlackEndpoint(
      bot.eventsUrl,
      body,
      FORM,
      {
        secret: SIGNING_SECRET,
        timestamp,
        signature: headers.signature ?? signature,
      },
      headers.timestamp ? { "x-slack-request-timestamp": headers.timestamp } : {},
    );
  return { timestamp, signature, send };
}

/** A fresh valid command in its own channel, answered: what was sent before it had its chance too. */
async function settle(): Promise<void> {
  const channel = `C0SETTLE${++requests}`;
  const { send } = signedRequest(channel);
  expect((await send()).status).toBe(200);
  await waitFor(() => answersIn(channel) === 1, "the settling command's answer");
}

describe("a replay spelled differently", () => {
  it("a leading zero on the timestamp or `=x` after the signature is not answered again", async () => {
    const channel = "C0SPELLING";
    const request = signedRequest(channel);
    expect((await request.send()).status).toBe(200);
    await waitFor(() => answersIn(channel) === 1, "the original's answer");
    const before = duplicates();
    const variants = [
      { timestamp: `0${request.timestamp}` },
      { timestamp: `00${request.timestamp}` },
      { signature: `${request.signature}=x` },
      { signature: `${request.signature}=y` },
    ];
    for (const headers of variants) {
      const sent = await request.send(headers);
      // Either recognised as the same request (an empty 200) or refused as malformed (401).
      expect(sent.status === 401 || (sent.status === 200 && sent.text === ""), JSON.stringify(headers)).toBe(
        true,
      );
    }
    await settle();
    expect(answersIn(channel)).toBe(1);
    expect(duplicates() - before).toBeGreaterThanOrEqual(1); // at least the leading zeros are the same request
  });
});

describe("a flood of bad signatures", () => {
  it(`${FLOOD} bad-signature requests (the guard remembers ${CAPACITY}) do not make it forget a valid one`, async () => {
    const channel = "C0FLOOD";
    const request = signedRequest(channel);
    expect((await request.send()).status).toBe(200);
    await waitFor(() => answersIn(channel) === 1, "the original's answer");
    const junk = "token=x&text=junk";
    for (let i = 0; i < FLOOD; i += 25) {
      const batch = await Promise.all(
        Array.from({ length: 25 }, (_, k) =>
          postToSlackEndpoint(bot.eventsUrl, junk, FORM, {
            secret: SIGNING_SECRET,
            signature: `v0=${(i + k).toString(16).padStart(64, "0")}`,
          }),
        ),
      );
      expect(batch.map((sent) => sent.status)).toEqual(batch.map(() => 401));
    }
    const replay = await request.send();
    expect(replay).toMatchObject({ status: 200, text: "" });
    await settle();
    expect(answersIn(channel)).toBe(1);
  });
});

describe("timestamps from the future", () => {
  it("a correct signature over a timestamp 6 minutes ahead is refused with 401 and not answered", async () => {
    const channel = "C0FUTURE";
    const sent = await signedRequest(channel, nowSeconds() + 6 * 60).send();
    expect(sent.status).toBe(401);
    await settle();
    expect(answersIn(channel)).toBe(0);
  });

  it("30 seconds ahead (a clock a little fast) is still answered", async () => {
    const channel = "C0SKEW";
    const sent = await signedRequest(channel, nowSeconds() + 30).send();
    expect(sent.status).toBe(200);
    await waitFor(() => answersIn(channel) === 1, "the answer");
  });
});
