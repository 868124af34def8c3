/**
 * Small runtime pieces, without Slack: the "Working on it…" timer (fires at the delay,
 * never after done()), ephemeral notices escaped and within the section limit, command
 * text out of a mention, and Web API failures reduced to loggable codes.
 */

import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mentionText } from "../../src/bot/slack/listeners/mention-listener.js";
import { slackErrorCode } from "../../src/bot/slack/slack-errors.js";
import {
  type EphemeralMessage,
  noticeMessage,
  type SlackReplier,
  startWorkingNotice,
  WORKING_DELAY_MS,
} from "../../src/bot/slack/slack-reply.js";

const log = pino({ level: "silent" });

describe("the 'Working on it…' notice", () => {
  let sent: EphemeralMessage[];
  let replier: SlackReplier;

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    replier = { client: {} as SlackReplier["client"], ephemeral: async (m) => sent.push(m) };
  });
  afterEach(() => vi.useRealTimers());

  it("is sent once the work has taken 1.5 s", async () => {
    startWorkingNotice(replier, WORKING_DELAY_MS, log);
    await vi.advanceTimersByTimeAsync(1499);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map((m) => m.text)).toEqual(["Working on it…"]);
  });

  it("is never sent when the work is done first", async () => {
    startWorkingNotice(replier, WORKING_DELAY_MS, log).done();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toEqual([]);
  });
});

describe("ephemeral notices", () => {
  it("escape Slack's control characters and stay within a section's 3,000 characters", () => {
    const notice = noticeMessage(`Usage: /kpi <area> & more ${"x".repeat(4000)}`);
    expect(notice.text.startsWith("Usage: /kpi &lt;area&gt; &amp; more")).toBe(true);
    expect(notice.text.length).toBeLessThanOrEqual(3000);
    expect(notice.blocks).toEqual([{ type: "section", text: { type: "mrkdwn", text: notice.text } }]);
  });
});

describe("mention text", () => {
  it("drops the bot mention and undoes Slack's escaping", () => {
    expect(mentionText("<@UKPIBOT> campaigns last-30d")).toBe("campaigns last-30d");
    expect(mentionText("<@UKPIBOT|kpi>  orders city=&quot;x&quot; &amp; <@U2>")).toBe(
      "orders city=&quot;x&quot; &",
    );
    expect(mentionText("hey <@UKPIBOT> roas &lt;1")).toBe("hey   roas <1");
  });
});

describe("slackErrorCode", () => {
  it("names the Slack error, the HTTP status or the request failure — nothing else", () => {
    expect(
      slackErrorCode({ code: "slack_webapi_platform_error", data: { ok: false, error: "not_in_channel" } }),
    ).toBe("not_in_channel");
    expect(slackErrorCode({ code: "slack_webapi_http_error", statusCode: 503, body: "secret" })).toBe(
      "http_503",
    );
    expect(
      slackErrorCode({ code: "slack_webapi_request_error", original: { message: "connect ECONNREFUSED" } }),
    ).toBe("request_failed: connect ECONNREFUSED");
    expect(slackErrorCode(undefined)).toBe("unknown");
  });
});
