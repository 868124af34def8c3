/**
 * One `kpi serve` replica for the digest fan-out bench (bench/fanout-bench.ts): the real
 * composition root with its minute loop, against the fake Slack Web API, on a clock that
 * starts at FANOUT_CLOCK_START and runs in real time (so the loop's tick at the next minute
 * boundary — 09:00 — comes a few seconds after start). Reports `{ type: "ready", nineInMs }`
 * (real milliseconds until the bot's clock reads FANOUT_DUE_AT); on `{ type: "stop" }` stops
 * gracefully and replies `{ type: "stopped" }`.
 * Env: DATABASE_URL, SLACK_API_URL, FANOUT_CLOCK_START, FANOUT_DUE_AT, SCHEDULE_REPLICA_ID.
 */
import { pino } from "pino";
import { startBot } from "../src/app/bot-app.js";
import { benchServerConfig } from "./bench-server-config.js";

const send = (message: Record<string, unknown>) => process.send?.(message);
const config = benchServerConfig();
const start = Date.parse(process.env.FANOUT_CLOCK_START ?? "");
const dueAt = Date.parse(process.env.FANOUT_DUE_AT ?? "");
const startedAt = performance.now();
const now = () => new Date(start + (performance.now() - startedAt));
const log = pino({ level: process.env.FANOUT_LOG_LEVEL ?? "silent", base: undefined });
const bot = await startBot(config, { log, now, eagerCharts: true });
send({ type: "ready", nineInMs: dueAt - now().getTime() });

process.on("message", (message: { type?: string }) => {
  if (message.type !== "stop") return;
  void (async () => {
    await bot.stop();
    send({ type: "stopped" });
    process.disconnect();
  })();
});
