/**
 * Digests through the real CLI and the real Slack sender: a fixture database, a fake Slack
 * Web API, `kpi subscriptions add` and `kpi schedule tick` as child processes.
 */
import { expect } from "vitest";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";
import { type CliResult, runKpi } from "./run-cli.js";
import { BOT_TOKEN, createFixtureDatabase, SIGNING_SECRET } from "./slack-bot.js";
import type { TestDatabase } from "./test-database.js";

export interface DigestCli {
  readonly db: TestDatabase;
  readonly fake: FakeSlack;
  readonly env: Record<string, string>;
  /** `kpi subscriptions add` for `slack:<channel>`; returns the new id. */
  subscribe(
    channel: string,
    areas: string,
    options: { cron?: string; tz?: string; period?: string; quiet?: boolean },
  ): Promise<number>;
  tick(at: Date): Promise<CliResult>;
  /** chat.postMessage calls Slack accepted for this channel. */
  posted(channel: string): ReturnType<FakeSlack["ok"]>;
  close(): Promise<void>;
}

export async function startDigestCli(
  prefix: string,
  extraEnv: Record<string, string> = {},
): Promise<DigestCli> {
  const db = await createFixtureDatabase(prefix);
  const fake = await startFakeSlack();
  const env = {
    DATABASE_URL: db.url,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: "silent",
    ...extraEnv,
  };
  return {
    db,
    fake,
    env,
    async subscribe(channel, areas, options) {
      const args = ["subscriptions", "add", "--target", `slack:${channel}`, "--areas", areas];
      args.push("--cron", options.cron ?? "0 9 * * *");
      if (options.tz) args.push("--tz", options.tz);
      if (options.period) args.push("--period", options.period);
      if (options.quiet) args.push("--quiet");
      const added = await runKpi(args, env);
      expect(added.stderr).toBe("");
      expect(added.code).toBe(0);
      return Number(added.stdout.trim());
    },
    tick: (at) => runKpi(["schedule", "tick", "--at", at.toISOString()], env),
    posted: (channel) => fake.ok("chat.postMessage").filter((c) => c.args.channel === channel),
    async close() {
      await fake.close();
      await db.drop();
    },
  };
}
