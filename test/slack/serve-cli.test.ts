/**
 * `kpi serve`, the real binary: Slack settings that are wrong stop it with the variable
 * named; no Slack variable at all starts it with Slack disabled, saying so; a token Slack
 * rejects stops it (and frees the port) with the reason; and a configured bot answers a
 * signed /kpi help over HTTP from its own process.
 */
import { afterAll, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "../helpers/fake-slack.js";
import { runKpi } from "../helpers/run-cli.js";
import { cleanEnv, startServe } from "../helpers/serve-process.js";
import { BOT_TOKEN, SIGNING_SECRET } from "../helpers/slack-bot.js";
import { FORM, postToSlackEndpoint, slashCommandBody } from "../helpers/slack-requests.js";
import { waitFor } from "../helpers/wait-for.js";

// Each test starts its own process (a few seconds each), so they run side by side, each with its own fake.
const fakes: FakeSlack[] = [];
async function newFake(): Promise<FakeSlack> {
  const fake = await startFakeSlack();
  fakes.push(fake);
  return fake;
}
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
});

describe.concurrent("kpi serve and its Slack settings", () => {
  it("a malformed SLACK_BOT_TOKEN: exits non-zero naming the variable", async () => {
    const result = await runKpi(["serve"], {
      ...stripChat(),
      SLACK_BOT_TOKEN: "xoxp-user-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: "0",
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("SLACK_BOT_TOKEN: must be a bot token starting with xoxb-");
  });

  it("no Slack variable: starts with Slack disabled and says so", async () => {
    const serve = startServe(cleanEnv({}));
    try {
      await serve.port();
      expect(serve.stderr()).toContain("Slack disabled: no SLACK_ variable is set");
    } finally {
      await serve.stop();
    }
  });

  it("a token Slack rejects (auth.test invalid_auth): exits non-zero with the reason, port released", async () => {
    const fake = await newFake();
    fake.script("auth.test", { body: { ok: false, error: "invalid_auth" } });
    const serve = startServe(
      cleanEnv({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
      }),
    );
    expect(await serve.exited()).toBe(1);
    expect(serve.stderr()).toContain("Slack rejected SLACK_BOT_TOKEN (auth.test: invalid_auth).");
  });

  it("configured: answers a signed /kpi help from its own process, on PORT, at /slack/events", async () => {
    const fake = await newFake();
    const serve = startServe(
      cleanEnv({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
      }),
    );
    try {
      const port = await serve.port();
      expect(serve.stderr()).toContain("Slack in HTTP mode at POST /slack/events");
      const body = slashCommandBody({
        text: "help",
        channelId: "C1",
        userId: "U1",
        responseUrl: fake.responseUrl("cli"),
      });
      const sent = await postToSlackEndpoint(`http://127.0.0.1:${port}/slack/events`, body, FORM, {
        secret: SIGNING_SECRET,
      });
      expect(sent.status).toBe(200);
      const response = await waitFor(() => fake.responses.find((r) => r.id === "cli"), "the help");
      expect(String(response.body.text)).toContain("*kpi-bot*");
      expect(fake.ok("auth.test")[0]?.token).toBe(BOT_TOKEN);
    } finally {
      await serve.stop();
    }
    expect(serve.stderr()).not.toContain(BOT_TOKEN);
    expect(serve.stderr()).not.toContain(SIGNING_SECRET);
  });
});

function stripChat(): Record<string, string> {
  return Object.fromEntries(
    Object.keys(process.env)
      .filter((key) => /^(SLACK|TEAMS)_/.test(key))
      .map((key) => [key, ""]),
  );
}
