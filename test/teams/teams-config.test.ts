/** How configuration turns the Teams channel on, and what the channel refuses or warns about. */
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/app/engine.js";
import { createTeamsChannel } from "../../src/bot/teams/teams-channel.js";
import { createChartPool } from "../../src/charts/chart-pool.js";
import { ConfigError, loadConfig } from "../../src/config.js";
import { createBotStateDb } from "../../src/db/bot-state/bot-state-db.js";

const DATABASE_URL = "mysql://root@127.0.0.1:1/kpi_never_used";
/** No chart is drawn here: the pool never starts a worker. */
const charts = createChartPool({ size: 1 });
/** Never queried here: it never connects. */
const botState = createBotStateDb(DATABASE_URL);
afterAll(async () => {
  await charts.close();
  await botState.destroy();
});

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

function channelFor(env: Record<string, string>) {
  const config = loadConfig({ DATABASE_URL, ...env });
  const { lines, log } = capture();
  const now = () => new Date("2026-11-26T12:00:00Z");
  const channel = createTeamsChannel({
    config,
    engine: createEngine(config, now),
    log,
    charts,
    now,
    botState,
  });
  return { channel, lines };
}

describe("Teams configuration", () => {
  it("is off without TEAMS_ variables, and the channel refuses to start without them", () => {
    const config = loadConfig({ DATABASE_URL });
    expect(config.chat.teams).toBeUndefined();
    const { log } = capture();
    expect(() =>
      createTeamsChannel({
        config,
        engine: createEngine(config),
        log,
        charts,
        now: () => new Date(),
        botState,
      }),
    ).toThrow(/Teams is not configured/);
  });

  it("refuses anonymous mode in production", () => {
    expect(() => loadConfig({ DATABASE_URL, TEAMS_ALLOW_ANONYMOUS: "true", NODE_ENV: "production" })).toThrow(
      ConfigError,
    );
  });

  it("warns that chart links need CHART_URL_SECRET across replicas when it is unset", () => {
    const { channel, lines } = channelFor({ TEAMS_ALLOW_ANONYMOUS: "true" });
    expect(channel.description).toMatch(/ANONYMOUS mode/);
    const warning = lines.find((l) => String(l.msg).startsWith("CHART_URL_SECRET is not set"));
    expect(warning?.level).toBe(40);
    expect(String(warning?.msg)).toMatch(/more than one replica/);
  });

  it("does not warn when CHART_URL_SECRET is set, and never logs it", () => {
    const secret = "a-long-chart-secret-for-replicas";
    const { lines } = channelFor({ TEAMS_ALLOW_ANONYMOUS: "true", CHART_URL_SECRET: secret });
    expect(lines.some((l) => String(l.msg).startsWith("CHART_URL_SECRET"))).toBe(false);
    expect(JSON.stringify(lines)).not.toContain(secret);
  });
});
