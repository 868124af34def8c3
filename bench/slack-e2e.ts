/**
 * Slack end to end: the real server in a child process (bench/slack-server-child.ts)
 * against the in-process fake Slack Web API, signed `/kpi <area> last-30d` requests over
 * loopback. Per request: ack latency (HTTP 200 from POST /slack/events) and full-answer
 * latency (send → the fake's last recorded Web API call for that request: the message and
 * the chart uploads). Each request uses its own channel id so calls can be attributed. A
 * request the bot sheds (admission control: "busy" in the ack) counts as shed, not failed.
 * Then a burst: N requests at high concurrency without waiting for answers, after which
 * every acked request must be answered or told it was shed; the server's RSS is sampled.
 * With `transport: "socket"` the server runs in Socket Mode (SLACK_APP_TOKEN) against the fake's
 * Socket Mode and each `/kpi` goes as a slash_commands envelope: ack latency is from sending the
 * envelope to its ack over the WebSocket, answer latency from sending it to the last Web API call.
 */
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AREA_NAMES } from "../src/areas/registry.js";
import { BUSY_TEXT } from "../src/bot/admission.js";
import { SLOW_DATA_TEXT } from "../src/bot/delayed-notice.js";
import { WORKING_TEXT } from "../src/bot/slack/slack-reply.js";
import { type FakeSlack, startFakeSlack } from "../test/helpers/fake-slack.js";
import { SIGNING_SECRET } from "../test/helpers/slack-bot.js";
import {
  FORM,
  postToSlackEndpoint,
  slashCommandBody,
  slashCommandFields,
} from "../test/helpers/slack-requests.js";
import { APP_TOKEN } from "../test/helpers/socket-serve.js";
import { areaCommand } from "./answer-latency.js";
import { runBounded } from "./bounded.js";
import { type Summary, summarize } from "./stats.js";

export interface SlackRound {
  readonly concurrency: number;
  readonly requests: number;
  /** Told "busy" in the ack (admission control). */
  readonly shed: number;
  /** Neither answered within ANSWER_TIMEOUT_MS nor shed. */
  readonly failed: number;
  /** Answers that came with their chart upload. */
  readonly withCharts: number;
  /** The areas of the requests not answered within ANSWER_TIMEOUT_MS. */
  readonly failedAreas: string[];
  readonly ackMs: Summary;
  readonly answerMs: Summary;
}

export interface SlackBurst {
  readonly requests: number;
  readonly concurrency: number;
  /** HTTP 200 acks. */
  readonly acked: number;
  readonly ackMs: Summary;
  /** Answers posted to their channel. */
  readonly answered: number;
  /** Told "busy" in the ack, or later through the response_url after waiting too long. */
  readonly shedInAck: number;
  readonly shedLater: number;
  /** Told something else (a rate limit, an error): a reply, not silence. */
  readonly toldOtherwise: number;
  /** Acked and never told anything: must be 0. */
  readonly lost: number;
  readonly seconds: number;
  /** The server's peak RSS sampled during the burst and its drain. */
  readonly peakRssBytes: number;
}

export interface SlackE2e {
  readonly rounds: SlackRound[];
  readonly burst: SlackBurst | undefined;
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
  /** A burst after the rounds: this many requests at this concurrency. */
  readonly burst?: { readonly requests: number; readonly concurrency: number };
  /** HTTP mode (signed POSTs, the default) or Socket Mode (envelopes over the fake's WebSocket). */
  readonly transport?: "http" | "socket";
  /**
   * Every request a question asked once (its area over its own 30 days), so no answer or chart
   * can come from the cache; by default the areas' `last-30d` questions repeat.
   */
  readonly distinct?: boolean;
}): Promise<SlackE2e> {
  const fake = await startFakeSlack();
  const socket = options.transport === "socket";
  if (socket) fake.socketMode();
  const child = fork(join(import.meta.dirname, "slack-server-child.ts"), [], {
    execArgv: [...serverNodeFlags(), "--import", "tsx"],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      SLACK_API_URL: fake.apiUrl,
      BENCH_AS_OF: options.asOf,
      ...(socket ? { SLACK_APP_TOKEN: APP_TOKEN } : {}),
    },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const waiting = new Map<string, () => void>();
  const answeredChannels = new Set<string>();
  let stopped: ((m: ChildMessage) => void) | undefined;
  const ready = new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bench server exited (${code}) before it was ready`)));
    child.on("message", (m: ChildMessage) => {
      if (m.type === "ready" && m.url) resolve(m.url);
      if (m.type === "delivered" && m.channel) {
        answeredChannels.add(m.channel);
        waiting.get(m.channel)?.();
      }
      if (m.type === "stopped") stopped?.(m);
    });
  });
  try {
    const eventsUrl = `${await ready}/slack/events`;
    const ask = socket ? askOverSocket(fake) : askOverHttp(eventsUrl);
    let sequence = 0;
    const oneRequest = async (): Promise<{
      channel: string;
      area: string;
      ack: number;
      shed: boolean;
      answer: number | undefined;
    }> => {
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
      const sentAt = Date.now();
      const sent = await ask({
        text: options.distinct ? distinctCommand(area, n, options.asOf) : areaCommand(area),
        channelId: channel,
        userId: `UBENCH${n}`, // one asker per request: the bot limits questions per user and minute
        responseUrl: fake.responseUrl(channel),
      });
      const shed = sent.text.includes(BUSY_TEXT);
      const ok = sent.status === 200 && !shed && (await delivered);
      waiting.delete(channel);
      const last = lastCallAt(fake, channel);
      return {
        channel,
        area,
        ack: sent.ms,
        shed,
        answer: ok && last !== undefined ? last - sentAt : undefined,
      };
    };
    await oneRequest(); // warm-up: Bolt, the pool, the chart fonts
    const rounds: SlackRound[] = [];
    for (const concurrency of options.concurrencies) {
      fake.reset();
      const results = await runBounded(options.requests, concurrency, oneRequest);
      const answers = results.flatMap((r) => (r.answer === undefined ? [] : [r.answer]));
      const shed = results.filter((r) => r.shed).length;
      const charted = new Set(fake.ok("files.completeUploadExternal").map((c) => c.args.channel_id));
      rounds.push({
        concurrency,
        requests: results.length,
        shed,
        failed: results.length - answers.length - shed,
        withCharts: results.filter((r) => r.answer !== undefined && charted.has(r.channel)).length,
        failedAreas: results.flatMap((r) => (r.answer === undefined && !r.shed ? [r.area] : [])),
        ackMs: summarize(results.map((r) => r.ack)),
        answerMs: summarize(answers),
      });
    }
    const burst = options.burst
      ? await measureBurst({ ...options.burst, eventsUrl, fake, pid: child.pid, delivered: answeredChannels })
      : undefined;
    const memory = await new Promise<ChildMessage>((resolve) => {
      stopped = resolve;
      child.send({ type: "stop" });
    });
    return {
      rounds,
      burst,
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

/** `<area> <from>..<to>`: 30 days ending `n` days before the as-of day, a question no other request asks. */
export function distinctCommand(area: string, n: number, asOf: string): string {
  const day = (offset: number) =>
    new Date(Date.parse(`${asOf}T00:00:00Z`) - offset * 86_400_000).toISOString().slice(0, 10);
  return `${area} ${day(n + 30)}..${day(n + 1)}`;
}

type CommandFields = Parameters<typeof slashCommandFields>[0];
/** Sends one `/kpi`; resolves with its ack: status, the ack's text, and how long the ack took. */
type Ask = (fields: CommandFields) => Promise<{ status: number; text: string; ms: number }>;

function askOverHttp(eventsUrl: string): Ask {
  return (fields) =>
    postToSlackEndpoint(eventsUrl, slashCommandBody(fields), FORM, { secret: SIGNING_SECRET });
}

function askOverSocket(fake: FakeSlack): Ask {
  const socket = fake.socketMode();
  return async (fields) => {
    const ack = await socket.acked(socket.slashCommand(slashCommandFields(fields)));
    return { status: 200, text: JSON.stringify(ack.payload), ms: ack.latencyMs };
  };
}

function rssOf(pid: number | undefined): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** After the burst, how long without any new outcome before the drain is given up. */
const BURST_IDLE_MS = 30_000;

async function measureBurst(options: {
  readonly requests: number;
  readonly concurrency: number;
  readonly eventsUrl: string;
  readonly fake: FakeSlack;
  readonly pid: number | undefined;
  readonly delivered: ReadonlySet<string>;
}): Promise<SlackBurst> {
  const { fake } = options;
  fake.reset();
  let peakRssBytes = rssOf(options.pid);
  const sampler = setInterval(() => {
    peakRssBytes = Math.max(peakRssBytes, rssOf(options.pid));
  }, 100);
  const started = performance.now();
  try {
    let sequence = 0;
    const acks = await runBounded(options.requests, options.concurrency, async () => {
      const n = ++sequence;
      const channel = `CBURST${n}`;
      const body = slashCommandBody({
        text: areaCommand(AREA_NAMES[n % AREA_NAMES.length] ?? "campaigns"),
        channelId: channel,
        userId: `UBURST${n}`,
        responseUrl: fake.responseUrl(channel),
      });
      const sent = await postToSlackEndpoint(options.eventsUrl, body, FORM, { secret: SIGNING_SECRET });
      return { channel, ok: sent.status === 200, shed: sent.text.includes(BUSY_TEXT), ms: sent.ms };
    });
    const acked = acks.filter((a) => a.ok);
    const pending = acked.filter((a) => !a.shed);
    const outcome = () => {
      const told = new Map<string, string>();
      for (const response of fake.responses) {
        const text = String(response.body.text ?? "");
        if (text !== WORKING_TEXT && text !== SLOW_DATA_TEXT) told.set(response.id, text);
      }
      let answered = 0;
      let shedLater = 0;
      let toldOtherwise = 0;
      for (const { channel } of pending) {
        if (options.delivered.has(channel)) answered += 1;
        else if (told.get(channel) === BUSY_TEXT) shedLater += 1;
        else if (told.has(channel)) toldOtherwise += 1;
      }
      return { answered, shedLater, toldOtherwise };
    };
    let last = outcome();
    let lastChange = performance.now();
    while (last.answered + last.shedLater + last.toldOtherwise < pending.length) {
      if (performance.now() - lastChange > BURST_IDLE_MS) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
      const next = outcome();
      if (JSON.stringify(next) !== JSON.stringify(last)) lastChange = performance.now();
      last = next;
    }
    const shedInAck = acked.length - pending.length;
    return {
      requests: options.requests,
      concurrency: options.concurrency,
      acked: acked.length,
      ackMs: summarize(acks.map((a) => a.ms)),
      ...last,
      shedInAck,
      lost: pending.length - last.answered - last.shedLater - last.toldOtherwise,
      seconds: (performance.now() - started) / 1000,
      peakRssBytes,
    };
  } finally {
    clearInterval(sampler);
  }
}
