/**
 * The real bot server (the composition root `kpi serve` uses; Slack in HTTP mode, or in Socket
 * Mode when SLACK_APP_TOKEN is set) in its own
 * process, so that its memory can be measured alone. Started by bench/slack-e2e.ts with
 * fork(): it reports `{ type: "ready", url }`, then `{ type: "delivered", channel, at }` for
 * every answer delivered, and on `{ type: "stop" }` replies `{ type: "stopped", maxRssBytes,
 * vmHwmBytes, rssAtReadyBytes, eventLoopDelayMs }` and exits (the event-loop delay shows how long synchronous work,
 * such as chart rendering, held up other requests, acks included). Env: DATABASE_URL, SLACK_API_URL, BENCH_AS_OF.
 */
import { readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pino } from "pino";
import { startBot } from "../src/app/bot-app.js";
import { instantForDay } from "../src/calendar/as-of.js";
import { benchServerConfig } from "./bench-server-config.js";

function vmHwmBytes(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

const send = (message: Record<string, unknown>) => process.send?.(message);
const config = benchServerConfig();
const now = () => instantForDay(process.env.BENCH_AS_OF ?? "2026-11-26", "UTC");
const log = pino(
  { level: "info", base: undefined },
  {
    write(line: string) {
      if (!line.includes('"msg":"slack answer delivered"')) return;
      const { channel } = JSON.parse(line) as { channel: string };
      send({ type: "delivered", channel, at: Date.now() });
    },
  },
);
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
// As `kpi serve` does: charts rendered as CHART_WORKERS says (worker threads by default).
const bot = await startBot(config, { log, now, eagerCharts: true, schedulerLoop: false });
send({ type: "ready", url: bot.server.url });
const rssAtReadyBytes = process.memoryUsage().rss;

process.on("message", (message: { type?: string }) => {
  if (message.type !== "stop") return;
  void (async () => {
    await bot.stop();
    const maxRssBytes = process.resourceUsage().maxRSS * 1024;
    const eventLoopDelayMs = {
      p50: loopDelay.percentile(50) / 1e6,
      p99: loopDelay.percentile(99) / 1e6,
      max: loopDelay.max / 1e6,
    };
    send({ type: "stopped", rssAtReadyBytes, maxRssBytes, vmHwmBytes: vmHwmBytes(), eventLoopDelayMs });
    process.disconnect();
  })();
});
