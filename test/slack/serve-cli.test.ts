/**
 * `kpi serve`, the real binary: Slack settings that are wrong stop it with the variable
 * named; no Slack variable at all starts it with Slack disabled, saying so; a token Slack
 * rejects stops it (and frees the port) with the reason; and a configured bot answers a
 * signed /kpi help over HTTP from its own process, auditing it in the test's own database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "../helpers/fake-slack.js";
import { runKpi } from "../helpers/run-cli.js";
import { cleanEnv, startServe } from "../helpers/serve-process.js";
import { BOT_TOKEN, SIGNING_SECRET } from "../helpers/slack-bot.js";
import { FORM, postToSlackEndpoint, slashCommandBody } from "../helpers/slack-requests.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ prefix: "kpi_serve_cli" });
});

// Each test starts its own process (a few seconds each), so they run side by side, each with its own fake.
const fakes: FakeSlack[] = [];
async function newFake(): Promise<FakeSlack> {
  const fake = await startFakeSlack();
  fakes.push(fake);
  return fake;
}
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  await db?.drop();
});

describe.concurrent("kpi serve and its Slack settings", () => {
  it("a malformed SLACK_BOT_TOKEN: exits non-zero naming the variable", async () => {
    const result = await runKpi(["serve"], {
      ...stripChat(),
      DATABASE_URL: db.url,
      SLACK_BOT_TOKEN: "xoxp-user-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: "0",
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("SLACK_BOT_TOKEN: must be a bot token starting with xoxb-");
  });

  it("no Slack variable: starts with Slack disabled and says so", async () => {
    const serve = startServe(cleanEnv({ DATABASE_URL: db.url }));
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
        DATABASE_URL: db.url,
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
        DATABASE_URL: db.url,
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
    const [audit] = await db.connection.query(
      "SELECT platform, workspace_id, channel_id, user_id, command_text FROM bot_audit",
    );
    expect(audit).toEqual([
      { platform: "slack", workspace_id: "T0FAKE", channel_id: "C1", user_id: "U1", command_text: "help" },
    ]);
  });
});

function stripChat(): Record<string, string> {
  return Object.fromEntries(
    Object.keys(process.env)
      .filter((key) => /^(SLACK|TEAMS)_/.test(key))
      .map((key) => [key, ""]),
  );
}
