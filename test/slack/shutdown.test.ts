/**
 * SIGTERM to a real `kpi serve` with answers in flight (the database slowed by a TCP proxy):
 * new requests get 503 and readiness fails at once, every answer already acknowledged is
 * posted with its chart, and the process exits 0.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "../helpers/fake-slack.js";
import { cleanEnv, startServe } from "../helpers/serve-process.js";
import { BOT_TOKEN, createFixtureDatabase, SIGNING_SECRET } from "../helpers/slack-bot.js";
import { FORM, postToSlackEndpoint, slashCommandBody } from "../helpers/slack-requests.js";
import { proxyFor, type TcpProxy } from "../helpers/tcp-proxy.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { waitFor } from "../helpers/wait-for.js";

let db: TestDatabase;
let proxy: TcpProxy;
let proxiedUrl: string;
let fake: FakeSlack;

beforeAll(async () => {
  db = await createFixtureDatabase("kpi_shutdown");
  ({ proxy, url: proxiedUrl } = await proxyFor(db.url));
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake?.close();
  await proxy?.close();
  await db?.drop();
});

/** As many as the probe had in flight. */
const IN_FLIGHT = 150;

describe("graceful shutdown", () => {
  it("SIGTERM with answers in flight: 503 for new requests, every acked answer posted with its chart, exit 0", async () => {
    const serve = startServe(
      cleanEnv({
        DATABASE_URL: proxiedUrl,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        RATE_LIMIT_USER_PER_MINUTE: "1000",
        RATE_LIMIT_CHANNEL_PER_MINUTE: "1000",
        SHUTDOWN_GRACE_MS: "120000",
        // Room for all of them: this test is about shutdown, not about shedding.
        CHAT_MAX_WAITING: String(IN_FLIGHT),
        CHAT_MAX_WAIT_MS: "600000",
        DB_STATEMENT_TIMEOUT_MS: "30000",
      }),
    );
    try {
      const port = await serve.port();
      const events = `http://127.0.0.1:${port}/slack/events`;
      const ask = (channelId: string) =>
        postToSlackEndpoint(
          events,
          slashCommandBody({
            text: "campaigns last-30d",
            channelId,
            userId: `U${channelId}`,
            responseUrl: fake.responseUrl(channelId),
          }),
          FORM,
          { secret: SIGNING_SECRET },
        );
      proxy.latencyMs = 50;
      const channels = Array.from({ length: IN_FLIGHT }, (_, i) => `C0STOP${i}`);
      const acks = await Promise.all(channels.map(ask));
      expect(acks.map((a) => [a.status, a.text])).toEqual(channels.map(() => [200, ""]));
      expect(fake.ok("chat.postMessage").length).toBeLessThan(IN_FLIGHT);

      serve.child.kill("SIGTERM");
      await waitFor(() => serve.stderr().includes("shutting down: finishing"), "the drain to begin");
      const late = await ask("C0LATE");
      expect(late.status).toBe(503);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ ready: false, problems: { shutdown: "shutting down" } });

      expect(await serve.exited()).toBe(0);
      const posted = fake.ok("chat.postMessage").map((c) => c.args.channel);
      expect([...posted].sort()).toEqual([...channels].sort());
      const charted = new Set(fake.ok("files.completeUploadExternal").map((c) => c.args.channel_id));
      expect([...charted].sort()).toEqual([...channels].sort());
      expect(fake.responses.filter((r) => String(r.body.text).includes("went wrong"))).toEqual([]);
      expect(serve.stderr()).not.toMatch(/"level":50/);
    } finally {
      proxy.latencyMs = 0;
      await serve.stop();
    }
  });
});
