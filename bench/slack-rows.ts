/** Slack end-to-end and memory figures as table rows, with their targets. */
import type { GeneratorRun } from "./bench-database.js";
import type { ResultRow } from "./report-table.js";
import type { SlackE2e } from "./slack-e2e.js";
import { MB } from "./stats.js";
import { TARGETS } from "./targets.js";

export function slackRows(e2e: SlackE2e, scale: number, transport: "http" | "socket" = "http"): ResultRow[] {
  const section = transport === "socket" ? "slack-socket" : "slack";
  const rows: ResultRow[] = e2e.rounds.flatMap((round) => {
    const at = `concurrency ${round.concurrency}`;
    const n =
      transport === "socket"
        ? `${round.requests} /kpi <area> last-30d as Socket Mode envelopes (send → ack over the WebSocket), scale ${scale}`
        : `${round.requests} signed /kpi <area> last-30d, scale ${scale}`;
    const answered = `${round.answerMs.samples} answered, ${round.shed} told "busy" in the ack, ${round.failed} neither within 30 s`;
    const answerLimit = TARGETS.answerP95MsByConcurrency[round.concurrency];
    return [
      {
        section,
        figure: `ack p50 / p95, ${at}`,
        value: round.ackMs.p95,
        unit: "ms",
        measured: `p95 shown (p50 ${round.ackMs.p50.toFixed(1)} ms), ${n}`,
      },
      {
        section,
        figure: `ack p99, ${at}`,
        value: round.ackMs.p99,
        unit: "ms",
        measured: n,
        target: { op: "<", limit: TARGETS.ackP99Ms },
      },
      {
        section,
        figure: `full answer p50, ${at}`,
        value: round.answerMs.p50,
        unit: "ms",
        measured: `send → last fake Web API call, ${answered}`,
      },
      {
        section,
        figure: `full answer p95, ${at}`,
        value: round.answerMs.p95,
        unit: "ms",
        measured: `send → last fake Web API call, ${answered}`,
        ...(answerLimit ? { target: { op: "<=" as const, limit: answerLimit } } : {}),
      },
      {
        section,
        figure: `full answer p99, ${at}`,
        value: round.answerMs.p99,
        unit: "ms",
        measured: answered,
      },
      {
        section,
        figure: `answers with their chart, ${at}`,
        value: round.answerMs.samples === 0 ? 0 : (100 * round.withCharts) / round.answerMs.samples,
        unit: "%",
        measured: `${round.withCharts} of ${round.answerMs.samples} answers`,
      },
    ];
  });
  const burst = e2e.burst;
  if (burst) {
    const n = `${burst.requests} signed /kpi at concurrency ${burst.concurrency}, one user and channel each, ${burst.seconds.toFixed(0)} s`;
    rows.push(
      {
        section: "slack",
        figure: "burst: acked but never answered or told",
        value: burst.lost,
        unit: "requests",
        measured: `${n}: ${burst.acked} acked = ${burst.answered} answered + ${burst.shedInAck} "busy" in the ack + ${burst.shedLater} "busy" after waiting + ${burst.toldOtherwise} told otherwise + ${burst.lost} lost`,
        target: { op: "<=", limit: 0 },
      },
      {
        section: "slack",
        figure: "burst: ack p99",
        value: burst.ackMs.p99,
        unit: "ms",
        measured: `${n} (p50 ${burst.ackMs.p50.toFixed(1)} ms)`,
      },
      {
        section: "memory",
        figure: "server peak RSS during the burst",
        value: burst.peakRssBytes / MB,
        unit: "MB",
        measured: `${n}; VmRSS sampled every 100 ms`,
        target: { op: "<", limit: TARGETS.burstRssMb },
      },
    );
  }
  return rows;
}

export function memoryRows(
  e2e: SlackE2e | undefined,
  gen: GeneratorRun | undefined,
  scale: number,
): ResultRow[] {
  const rows: ResultRow[] = [];
  if (e2e)
    rows.push({
      section: "memory",
      figure: "server peak RSS during the Slack runs",
      value: e2e.serverPeakRssBytes / MB,
      unit: "MB",
      measured: `child process maxRSS (VmHWM ${(e2e.serverVmHwmBytes / MB).toFixed(0)} MB; ${(e2e.serverRssAtReadyBytes / MB).toFixed(0)} MB when ready), run as npm start runs it (${e2e.serverNodeFlags.join(" ") || "no V8 flags"})`,
      target: { op: "<", limit: TARGETS.serverRssMb },
    });
  const delay = e2e?.serverEventLoopDelayMs;
  if (delay)
    rows.push({
      section: "memory",
      figure: "server event-loop delay p99 (max)",
      value: delay.p99,
      unit: "ms",
      measured: `whole Slack run, sampled every 10 ms; max ${delay.max.toFixed(0)} ms (synchronous work such as chart rendering delays acks)`,
    });
  if (gen)
    rows.push({
      section: "memory",
      figure: `generator peak RSS, scale ${scale}`,
      value: gen.peakRssBytes / MB,
      unit: "MB",
      measured: "kpi generate child process maxRSS",
      target: { op: "<", limit: TARGETS.generatorRssMb },
    });
  return rows;
}
