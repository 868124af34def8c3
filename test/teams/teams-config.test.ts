/** How configuration turns the Teams platform on, and what the platform refuses or warns about. */
import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { assembleBot } from "../../src/app/bot-app.js";
import { ConfigError, loadConfig } from "../../src/config.js";

const DATABASE_URL = "mysql://root@127.0.0.1:1/kpi_never_used";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, log: pino({ level: "info", base: undefined }, sink) };
}

/** The bot's parts as `kpi serve` assembles them (nothing reaches the database). */
async function teamsFor(env: Record<string, string>) {
  const config = loadConfig({ DATABASE_URL, ...env });
  const { lines, log } = capture();
  const parts = await assembleBot(config, { log, now: () => new Date("2026-11-26T12:00:00Z") });
  const channel = parts.platforms.platforms.find((p) => p.name === "teams");
  await parts.close();
  return { channel, lines };
}

describe("Teams configuration", () => {
  it("is off without TEAMS_ variables: nothing opens, and the server says how to turn it on", async () => {
    const config = loadConfig({ DATABASE_URL });
    expect(config.chat.platforms.map((p) => p.definition.name)).not.toContain("teams");
    expect(config.chat.disabledPlatforms.map((d) => d.disabledNote)).toContainEqual(
      expect.stringMatching(/^Teams disabled: set TEAMS_APP_ID/),
    );
    expect((await teamsFor({})).channel).toBeUndefined();
  });

  it("refuses anonymous mode in production", () => {
    expect(() => loadConfig({ DATABASE_URL, TEAMS_ALLOW_ANONYMOUS: "true", NODE_ENV: "production" })).toThrow(
      ConfigError,
    );
  });

  it("warns that chart links need CHART_URL_SECRET across replicas when it is unset", async () => {
    const { channel, lines } = await teamsFor({ TEAMS_ALLOW_ANONYMOUS: "true" });
    expect(channel?.description).toMatch(/ANONYMOUS mode/);
    const warning = lines.find((l) => String(l.msg).startsWith("CHART_URL_SECRET is not set"));
    expect(warning?.level).toBe(40);
    expect(String(warning?.msg)).toMatch(/more than one replica/);
  });

  it("does not warn when CHART_URL_SECRET is set, and never logs it", async () => {
    const secret = "a-long-chart-secret-for-replicas";
    const { lines } = await teamsFor({ TEAMS_ALLOW_ANONYMOUS: "true", CHART_URL_SECRET: secret });
    expect(lines.some((l) => String(l.msg).startsWith("CHART_URL_SECRET"))).toBe(false);
    expect(JSON.stringify(lines)).not.toContain(secret);
  });
});
