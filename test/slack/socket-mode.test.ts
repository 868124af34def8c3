/**
 * Slack in Socket Mode end to end: a real `kpi serve` with SLACK_APP_TOKEN (Bolt's
 * SocketModeReceiver) connected over a WebSocket to the fake Slack's Socket Mode, answering
 * through the fake Web API from a real test database. A slash command is acked over the socket
 * and answered with its message and chart; a button press re-runs the query in the thread; a
 * mention in a thread is answered there; the App Home is published; a direct message (not
 * subscribed to) is acked and left alone; and a typo, a refused
 * area, a rate limit and the audit trail come out exactly as they do over HTTP (the same
 * questions asked of the bot in HTTP mode, side by side).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockKitProblems, messageProblems } from "../helpers/block-kit-check.js";
import { type FakeCall, type FakeSlack, startFakeSlack } from "../helpers/fake-slack.js";
import { adSums } from "../helpers/independent-kpis.js";
import { blockTexts, createFixtureDatabase, type SlackBot, startSlackBot } from "../helpers/slack-bot.js";
import { homeButtonPayload, viewSubmissionPayload } from "../helpers/slack-requests.js";
import {
  ackOf,
  type SocketServe,
  socketCommand,
  socketMention,
  socketPress,
  startSocketServe,
} from "../helpers/socket-serve.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";
import { waitForAsync } from "../schedule/wait-for-async.js";

const POLICY = { AREA_CHANNELS: "orders:C0FINANCE", RATE_LIMIT_USER_PER_MINUTE: "3" };
/** Slack's rule: an envelope is acknowledged within 3 seconds. */
const SLACK_ACK_LIMIT_MS = 3000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let db: TestDatabase;
let fake: FakeSlack;
let serve: SocketServe;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_socket");
  fake = await startFakeSlack();
  serve = await startSocketServe(fake, db.url, POLICY);
});
afterAll(async () => {
  await serve?.stop();
  await fake?.close();
  await db?.drop();
});

const postsTo = (channel: string) => fake.ok("chat.postMessage").filter((c) => c.args.channel === channel);
const money = (value: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" }).format(value);

describe("Socket Mode: the connection", () => {
  it("opens with the app token through SLACK_API_URL; /readyz says the socket is connected", async () => {
    expect(fake.attempts("apps.connections.open").map((c) => c.token)).toEqual([
      expect.stringMatching(/^xapp-/),
    ]);
    expect(fake.socketMode().open()).toHaveLength(1);
    expect(serve.stderr()).toContain("Slack in Socket Mode (no public URL needed)");
    expect(await serve.readyz()).toEqual({
      status: 200,
      body: { ready: true, connections: { slack: { mode: "socket", state: "connected", connects: 1 } } },
    });
  });
});

describe("Socket Mode: questions", () => {
  let answer: FakeCall;

  it("a slash command is acked over the socket at once and answered through the Web API with its chart", async () => {
    const range = { from: "2026-10-27", to: "2026-11-25" };
    const sent = socketCommand(fake, `campaigns ${range.from}..${range.to}`, {
      channelId: "C0SOCK1",
      userId: "U0SOCK1",
    });
    const ack = await ackOf(sent);
    expect(ack.payload).toEqual({}); // a plain ack: the answer goes to the channel
    expect(ack.at - (sent.attempts[0]?.at ?? 0)).toBeLessThan(SLACK_ACK_LIMIT_MS);
    await waitFor(() => serve.delivered("C0SOCK1") === 1, "the answer", 30_000);
    const [post] = postsTo("C0SOCK1");
    if (!post) throw new Error("no answer posted");
    answer = post;
    expect(post.token).toMatch(/^xoxb-/);
    const spend = (await adSums(db.connection, range)).spend;
    expect(blockTexts(post.args.blocks).join("\n")).toContain(`*Spend*\n${money(spend)}`);
    expect(messageProblems(post.args)).toEqual([]);
    expect(JSON.stringify(post.args.attachments)).toContain('"type":"table"');
    const complete = fake.ok("files.completeUploadExternal").find((c) => c.args.channel_id === "C0SOCK1");
    const fileId = (complete?.args.files as { id: string }[] | undefined)?.[0]?.id;
    const upload = fake.uploads.find((u) => u.fileId === fileId);
    expect(upload?.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(sent.attempts).toHaveLength(1);
  });

  it("a button press under the answer is acked and re-runs the query in the answer's thread", async () => {
    const pressed = socketPress(fake, answer, "kpi_period_last-7d", {
      userId: "U0SOCK1",
      responseId: "press1",
    });
    await ackOf(pressed);
    await waitFor(() => serve.delivered("C0SOCK1") === 2, "the re-run", 30_000);
    const rerun = postsTo("C0SOCK1")[1];
    expect(rerun?.args.thread_ts).toBe(answer.reply.ts);
    expect(blockTexts(rerun?.args.blocks).join("\n")).toContain("Campaigns · last 7 days");
  });

  it("a mention inside a thread is answered in that thread, chart included", async () => {
    const sent = socketMention(fake, "campaigns 2026-10-27..2026-11-25", {
      channelId: "C0SOCK3",
      userId: "U0SOCK3",
      ts: "1790000002.000200",
      threadTs: "1790000000.000001",
    });
    await ackOf(sent);
    await waitFor(() => serve.delivered("C0SOCK3") === 1, "the answer", 30_000);
    expect(postsTo("C0SOCK3").map((c) => c.args.thread_ts)).toEqual(["1790000000.000001"]);
    const complete = fake.ok("files.completeUploadExternal").find((c) => c.args.channel_id === "C0SOCK3");
    expect(complete?.args.thread_ts).toBe("1790000000.000001");
  });

  it("opening the App Home publishes the guide", async () => {
    const sent = fake.socketMode().event({
      type: "app_home_opened",
      user: "U0SOCK4",
      channel: "D0HOME",
      tab: "home",
      event_ts: "1790000005.1",
    });
    await ackOf(sent);
    const publish = await waitFor(
      () => fake.ok("views.publish").find((c) => c.args.user_id === "U0SOCK4"),
      "views.publish",
    );
    const view = publish.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    expect(blockKitProblems(view.blocks, "home")).toEqual([]);
    expect(blockTexts(view.blocks).join("\n")).toContain("*campaigns*");
  });
});

describe("Socket Mode: an App Home form", () => {
  it("the button opens the form; a bad submission gets inline errors in the ack, a valid one is stored", async () => {
    const press = fake
      .socketMode()
      .interactive(
        homeButtonPayload({ actionId: "home_new_digest", userId: "U0SOCK6", triggerId: "trig-sock-6" }),
      );
    await ackOf(press);
    const opened = await waitFor(
      () => fake.ok("views.open").find((c) => c.args.trigger_id === "trig-sock-6"),
      "views.open",
    );
    const view = opened.args.view as Record<string, unknown>;
    const values = (time: string) => ({
      digest_area: { type: "static_select" as const, value: "campaigns" },
      digest_period: { type: "static_select" as const, value: "default" },
      digest_days: { type: "static_select" as const, value: "daily" },
      digest_time: { type: "timepicker" as const, value: time },
      zone: { type: "plain_text_input" as const, value: null },
      target: { type: "conversations_select" as const, value: "C0SOCK6" },
      filters: { type: "plain_text_input" as const, value: null },
    });
    const count = async () => {
      const [rows] = await db.connection.query(
        "SELECT COUNT(*) AS n FROM bot_subscriptions WHERE target = 'slack:C0SOCK6'",
      );
      return Number((rows as { n: number }[])[0]?.n);
    };
    const bad = await ackOf(
      fake
        .socketMode()
        .interactive(viewSubmissionPayload({ view, values: values("24:30"), userId: "U0SOCK6" })),
    );
    expect(bad.payload).toEqual({
      response_action: "errors",
      errors: { digest_time: expect.stringMatching(/Invalid time `24:30`/) },
    });
    expect(await count()).toBe(0);
    const good = await ackOf(
      fake
        .socketMode()
        .interactive(viewSubmissionPayload({ view, values: values("06:45"), userId: "U0SOCK6" })),
    );
    expect(good.payload.response_action).toBe("update");
    expect(JSON.stringify(good.payload.view)).toContain("campaigns · daily 06:45 UTC · yesterday");
    expect(await count()).toBe(1);
  });
});

describe("Socket Mode: what the bot does not take", () => {
  it("a direct message (message.im, which the manifest does not subscribe to) is acked and gets no reply", async () => {
    const before = fake.calls.length;
    const sent = fake.socketMode().event({
      type: "message",
      channel_type: "im",
      channel: "D0SOCKDM",
      user: "U0SOCKDM",
      text: "campaigns last-30d",
      ts: "1790000006.000100",
      event_ts: "1790000006.000100",
    });
    await ackOf(sent);
    // A barrier: a later question is answered, so the message had its turn.
    const barrier = socketCommand(fake, "help", { channelId: "C0SOCKDM", userId: "U0SOCKDM" });
    await waitFor(() => fake.responses.find((r) => r.id === "C0SOCKDM"), "the barrier's reply");
    await ackOf(barrier);
    expect(fake.calls.slice(before).filter((c) => JSON.stringify(c.args).includes("D0SOCKDM"))).toEqual([]);
    expect(serve.stderr()).not.toMatch(/"level":50/);
  });
});

describe("Socket Mode behaves as HTTP mode", () => {
  let http: SlackBot;
  beforeAll(async () => {
    http = await startSlackBot({ databaseUrl: db.url, fake, env: POLICY });
  });
  afterAll(async () => {
    await http?.close();
  });

  /** Asked in this order by one person in one channel: answered, help, refused, typo, answered twice, then over the limit. */
  const QUESTIONS: readonly [string, "answer" | "reply"][] = [
    ["campaigns 2026-10-27..2026-11-25", "answer"],
    ["help", "reply"],
    ["orders last-7d", "reply"],
    ["campains last-30d", "reply"],
    ["ctr last-7d", "answer"],
    ["roas last-7d", "answer"],
    ["funnel last-7d", "reply"],
  ];

  /** Asks every question over one transport; what the asker saw, in order (an answer as `{ answer: true }`). */
  async function askAll(ask: (text: string) => Promise<string>, delivered: () => number) {
    const seen: Record<string, unknown>[] = [];
    for (const [text, outcome] of QUESTIONS) {
      const before = delivered();
      const responseId = await ask(text);
      if (outcome === "answer") {
        await waitFor(() => delivered() > before, `the answer to ${text}`, 30_000);
        seen.push({ answer: true });
      } else {
        const reply = await waitFor(
          () => fake.responses.find((r) => r.id === responseId),
          `the reply to ${text}`,
        );
        // The wait in a rate-limit reply is in whole seconds and may differ by one.
        seen.push(JSON.parse(JSON.stringify(reply.body).replace(/Try again in \d+ s/g, "Try again in N s")));
      }
    }
    return seen;
  }

  async function auditOf(user: string) {
    return waitForAsync(async () => {
      const [rows] = await db.connection.query(
        "SELECT platform, workspace_id, command_text, area, outcome FROM bot_audit WHERE user_id = ? ORDER BY audit_id",
        [user],
      );
      return (rows as unknown[]).length === QUESTIONS.length
        ? (rows as Record<string, unknown>[])
        : undefined;
    }, `${user}'s audit rows`);
  }

  it("a typo, help, a refused area and a rate limit get the same replies; the audit records the same rows", async () => {
    const overHttp = await askAll(
      async (text) =>
        (await http.command(text, { channelId: "C0SAMEHTTP", userId: "U0SAMEHTTP" })).responseId,
      () => http.delivered(),
    );
    let asked = 0;
    const overSocket = await askAll(
      async (text) => {
        const responseId = `socket-same-${++asked}`;
        await ackOf(socketCommand(fake, text, { channelId: "C0SAMESOCK", userId: "U0SAMESOCK", responseId }));
        return responseId;
      },
      () => serve.delivered("C0SAMESOCK"),
    );
    expect(overSocket).toEqual(overHttp);
    const typo = overSocket[3] as { text: string; response_type: string };
    expect(typo.text).toMatch(/^Unknown area `campains` — did you mean `campaigns`\?/);
    expect(typo.text).not.toMatch(/\n\s+at |SELECT|ER_/);
    expect(typo.response_type).toBe("ephemeral");
    expect((overSocket[6] as { text: string }).text).toMatch(/^Easy there: that's 3 questions from you/);

    const socketAudit = await auditOf("U0SAMESOCK");
    expect(socketAudit).toEqual(await auditOf("U0SAMEHTTP"));
    expect(socketAudit.map((r) => r.outcome)).toEqual([
      "answered",
      "help",
      "refused",
      "user_error",
      "answered",
      "answered",
      "rate_limited",
    ]);
    expect(socketAudit[0]).toMatchObject({ platform: "slack", workspace_id: "T0FAKE" });
    expect(postsTo("C0SAMESOCK")).toHaveLength(3);
  });
});
