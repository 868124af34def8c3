/** The digest fan-out and the repeated / distinct Slack questions as table rows, with their targets. */
import type { FanoutRun } from "./fanout-bench.js";
import type { ResultRow } from "./report-table.js";
import type { SlackE2e } from "./slack-e2e.js";
import { TARGETS } from "./targets.js";

export function fanoutRows(run: FanoutRun, scale: number): ResultRow[] {
  const who = run.replicas === 1 ? "one process" : `${run.replicas} replicas`;
  const split = Object.entries(run.byReplica)
    .map(([replica, n]) => `${replica} ${n}`)
    .join(", ");
  return [
    {
      section: "fanout",
      figure: `digest fan-out ${run.subscriptions}, ${who}`,
      value: run.seconds,
      unit: "s",
      measured: `09:00 → last digest call at the fake Slack; ${run.subscriptions} daily subscriptions (20 distinct queries, mixed areas) in ${run.channels} channels, scale ${scale}; ${run.sent} sent (${split}), ${run.chartUploads} charts, ${run.rateLimited} posts refused 429 (1 per channel per second)`,
      target: {
        op: "<=",
        limit: run.replicas === 1 ? TARGETS.fanoutOneProcessS : TARGETS.fanoutTwoReplicasS,
      },
    },
    {
      section: "fanout",
      figure: `digests not sent exactly once, ${who}`,
      value: run.duplicates + run.notSent,
      unit: "",
      measured: `${run.posted} digests posted, ${run.duplicates} posted twice, ${run.notSent} not recorded sent`,
      target: { op: "<=", limit: 0 },
    },
  ];
}

export function repeatedQuestionRows(repeated: SlackE2e, distinct: SlackE2e, scale: number): ResultRow[] {
  const row = (e2e: SlackE2e, which: string, limit?: number): ResultRow[] =>
    e2e.rounds.map((round) => ({
      section: "fanout",
      figure: `Slack full answer p95, concurrency ${round.concurrency}, ${which}`,
      value: round.answerMs.p95,
      unit: "ms",
      measured: `${round.requests} signed /kpi, scale ${scale}: p50 ${round.answerMs.p50.toFixed(0)} ms, ${round.answerMs.samples} answered, ${round.shed} shed, ${round.failed} failed`,
      ...(limit ? { target: { op: "<=" as const, limit } } : {}),
    }));
  return [
    ...row(repeated, "repeated questions (<area> last-30d)", TARGETS.repeatedAnswerP95Ms),
    ...row(distinct, "all-distinct questions"),
  ];
}
