/**
 * Slack end to end: the real server in a child process (bench/slack-server-child.ts)
 * against the in-process fake Slack Web API, signed `/kpi <area> last-30d` requests over
 * loopback. Per request: ack latency (HTTP 200 from POST /slack/events) and full-answer
 * latency (send → the fake's last recorded Web API call for that request: the message and
 * the chart uploads). Each request uses its own channel id so calls can be attributed.
 */
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AREA_NAMES } from "../src/areas/registry.js";
import { type FakeSlack, startFakeSlack } from "../test/helpers/fake-slack.js";
import { SIGNING_SECRET } from "../test/helpers/slack-bot.js";
import { FORM, postToSlackEndpoint, slashCommandBody } from "../test/helpers/slack-requests.js";
import { areaCommand } from "./answer-latency.js";
import { runBounded } from "./bounded.js";
import { type Summary, summarize } from "./stats.js";

export interface SlackRound {
  readonly concurrency: number;
  readonly requests: number;
  readonly failed: number;
  /** The areas of the requests not answered within ANSWER_TIMEOUT_MS. */
  readonly failedAreas: string[];
  readonly ackMs: Summary;
  readonly answerMs: Summary;
}

export interface SlackE2e {
  readonly rounds: SlackRound[];
  readonly serverPeakRssBytes: number;
  readonly serverVmHwmBytes: number;
  /** The server's RSS once it listens, before the first request. */
  readonly serverRssAtReadyBytes: number;
  /** The V8 flags the server ran with (those of `npm start`). */
  readonly serverNodeFlags: readonly string[];
  /** The server's event-loop delay over the whole run (sampled every 10 ms). */
  readonly serverEventLoopDelayMs:
    | { readonly p50: number; readonly p99: number; readonly max: number }
    | undefined;
}

interface ChildMessage {
  readonly type: string;
  readonly url?: string;
  readonly channel?: string;
  readonly maxRssBytes?: number;
  readonly vmHwmBytes?: number;
  readonly rssAtReadyBytes?: number;
  readonly eventLoopDelayMs?: SlackE2e["serverEventLoopDelayMs"];
}

const ANSWER_TIMEOUT_MS = 30_000;

/** The V8 flags `npm start` runs the server with (package.json), so the bench measures the same heap limits. */
export function serverNodeFlags(): string[] {
  const packageJson = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  return (packageJson.scripts.start ?? "").split(/\s+/).filter((arg) => /^--max-[a-z-]+=\d+$/.test(arg));
}

function lastCallAt(fake: FakeSlack, channel: string): number | undefined {
  let last: number | undefined;
  for (const call of fake.calls) {
    if (call.args.channel === channel || call.args.channel_id === channel)
      last = Math.max(last ?? 0, call.at);
  }
  return last;
}

export async function measureSlackE2e(options: {
  readonly databaseUrl: string;
  readonly asOf: string;
  readonly requests: number;
  readonly concurrencies: readonly number[];
}): Promise<SlackE2e> {
  const fake = await startFakeSlack();
  const child = fork(join(import.meta.dirname, "slack-server-child.ts"), [], {
    execArgv: [...serverNodeFlags(), "--import", "tsx"],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      SLACK_API_URL: fake.apiUrl,
      BENCH_AS_OF: options.asOf,
    },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const waiting = new Map<string, () => void>();
  let stopped: ((m: ChildMessage) => void) | undefined;
  const ready = new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bench server exited (${code}) before it was ready`)));
    child.on("message", (m: ChildMessage) => {
      if (m.type === "ready" && m.url) resolve(m.url);
      if (m.type === "delivered" && m.channel) waiting.get(m.channel)?.();
      if (m.type === "stopped") stopped?.(m);
    });
  });
  try {
    const eventsUrl = `${await ready}/slack/events`;
    let sequence = 0;
    const oneRequest = async (): Promise<{ area: string; ack: number; answer: number | undefined }> => {
      const n = ++sequence;
      const channel = `CBENCH${n}`;
      const area = AREA_NAMES[n % AREA_NAMES.length] ?? "campaigns";
      const delivered = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), ANSWER_TIMEOUT_MS);
        waiting.set(channel, () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      const body = slashCommandBody({
        text: areaCommand(area),
        channelId: channel,
        userId: `UBENCH${n}`, // one asker per request: the bot limits questions per user and minute
        responseUrl: fake.responseUrl(channel),
      });
      const sentAt = Date.now();
      const sent = await postToSlackEndpoint(eventsUrl, body, FORM, { secret: SIGNING_SECRET });
      const ok = sent.status === 200 && (await delivered);
      waiting.delete(channel);
      const last = lastCallAt(fake, channel);
      return { area, ack: sent.ms, answer: ok && last !== undefined ? last - sentAt : undefined };
    };
    await oneRequest(); // warm-up: Bolt, the pool, the chart fonts
    const rounds: SlackRound[] = [];
    for (const concurrency of options.concurrencies) {
      fake.reset();
      const results = await runBounded(options.requests, concurrency, oneRequest);
      const answers = results.flatMap((r) => (r.answer === undefined ? [] : [r.answer]));
      rounds.push({
        concurrency,
        requests: results.length,
        failed: results.length - answers.length,
        failedAreas: results.flatMap((r) => (r.answer === undefined ? [r.area] : [])),
        ackMs: summarize(results.map((r) => r.ack)),
        answerMs: summarize(answers),
      });
    }
    const memory = await new Promise<ChildMessage>((resolve) => {
      stopped = resolve;
      child.send({ type: "stop" });
    });
    return {
      rounds,
      serverPeakRssBytes: memory.maxRssBytes ?? Number.NaN,
      serverVmHwmBytes: memory.vmHwmBytes ?? Number.NaN,
      serverRssAtReadyBytes: memory.rssAtReadyBytes ?? Number.NaN,
      serverNodeFlags: serverNodeFlags(),
      serverEventLoopDelayMs: memory.eventLoopDelayMs,
    };
  } finally {
    if (child.exitCode === null) child.kill();
    await fake.close();
  }
}
