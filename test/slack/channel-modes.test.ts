/**
 * The two ways the Slack platform runs, and the manifest that creates the app: HTTP mode
 * mounts POST /slack/events on the shared server; Socket Mode (SLACK_APP_TOKEN) mounts
 * nothing and opens its connection through SLACK_API_URL with the app-level token,
 * reporting a refused token by name. manifest.yml declares what the code uses.
 */
import { readFile } from "node:fs/promises";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { assembleBot } from "../../src/app/bot-app.js";
import { slackManifestFor } from "../../src/bot/slack/slack-manifest.js";
import { loadConfig } from "../../src/config.js";
import { type FakeSlack, startFakeSlack } from "../helpers/fake-slack.js";
import { BOT_TOKEN, SIGNING_SECRET } from "../helpers/slack-bot.js";

const APP_TOKEN = "xapp-1-A0FAKE-1234-fakeapptoken";
let fake: FakeSlack;

beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake?.close();
});

/** The bot's parts as `kpi serve` assembles them (no database is reached: nothing is asked). */
async function slackFor(env: Record<string, string>) {
  const config = loadConfig({
    DATABASE_URL: "mysql://root@127.0.0.1:1/kpi_never_used", // nothing listens: any query would fail
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    ...env,
  });
  const parts = await assembleBot(config, { log: pino({ level: "silent" }) });
  const [channel] = parts.platforms.platforms;
  if (!channel) throw new Error("Slack did not open");
  return { channel, parts };
}

describe("Slack platform modes", () => {
  it("HTTP mode mounts /slack/events on the shared server", async () => {
    const { channel, parts } = await slackFor({ SLACK_SIGNING_SECRET: SIGNING_SECRET });
    expect(channel.description).toBe("Slack in HTTP mode at POST /slack/events");
    expect(channel.mount).toBeTypeOf("function");
    await expect(channel.start?.()).rejects.toThrow("must be mounted before it starts");
    await parts.close();
  });

  it("Socket Mode mounts nothing and connects with the app token through SLACK_API_URL", async () => {
    fake.script("apps.connections.open", { body: { ok: false, error: "invalid_auth" } });
    const { channel, parts } = await slackFor({ SLACK_APP_TOKEN: APP_TOKEN });
    expect(channel.description).toBe("Slack in Socket Mode (no public URL needed)");
    expect(channel.mount).toBeUndefined();
    await expect(channel.start?.()).rejects.toThrow(
      "Slack Socket Mode could not connect (apps.connections.open: invalid_auth); check SLACK_APP_TOKEN.",
    );
    expect(fake.ok("auth.test").at(-1)?.token).toBe(BOT_TOKEN);
    expect(fake.attempts("apps.connections.open").map((c) => c.token)).toEqual([APP_TOKEN]);
    await parts.close();
  });
});

/** The bot scopes manifest.yml asks for: what the code uses, nothing more. */
const SCOPES = [
  "app_mentions:read",
  "channels:history",
  "chat:write",
  "commands",
  "files:write",
  "groups:history",
];

describe("manifest.yml", () => {
  it("creates the bot with /kpi, the events, interactivity, App Home, Socket Mode, and only the scopes used", async () => {
    const manifest = parse(await readFile(new URL("../../manifest.yml", import.meta.url), "utf8"));
    const [command] = manifest.features.slash_commands;
    expect(command).toMatchObject({ command: "/kpi", url: "https://kpi.example.com/slack/events" });
    expect(command.usage_hint).toContain("<area> [period]");
    expect(manifest.features.bot_user.display_name).toBeTruthy();
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(SCOPES);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      "app_home_opened",
      "app_mention",
    ]);
    expect(manifest.settings.event_subscriptions.request_url).toBe("https://kpi.example.com/slack/events");
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: "https://kpi.example.com/slack/events",
    });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it("npm run slack:manifest: with an https PUBLIC_BASE_URL, HTTP mode at that host plus link previews; without, as written", async () => {
    const text = await readFile(new URL("../../manifest.yml", import.meta.url), "utf8");
    expect(slackManifestFor(text, undefined)).toBe(text);
    expect(slackManifestFor(text, "http://localhost:3000")).toBe(text);
    const manifest = parse(slackManifestFor(text, "https://kpi.acme.test/"));
    expect(manifest.features.unfurl_domains).toEqual(["kpi.acme.test"]);
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([...SCOPES, "links:read", "links:write"]);
    expect(manifest.settings.event_subscriptions).toEqual({
      request_url: "https://kpi.acme.test/slack/events",
      bot_events: ["app_mention", "app_home_opened", "link_shared"],
    });
    expect(manifest.features.slash_commands[0].url).toBe("https://kpi.acme.test/slack/events");
    expect(manifest.settings.interactivity.request_url).toBe("https://kpi.acme.test/slack/events");
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });
});
