/** The targets (issue 8) for the figures `npm run bench` measures, on 2-core machines. */
export const TARGETS = {
  generatorRatio: 0.7,
  generatorRssMb: 400,
  answerP95Ms: 150,
  answerScaleRatio: 1.5,
  chartP50Ms: 40,
  chartRssGrowthMb: 50,
  ackP99Ms: 100,
  answerP95MsByConcurrency: { 1: 500, 20: 2000 } as Record<number, number>,
  serverRssMb: 300,
  /** Issue 14: the server survives a burst of 20,000 signed commands under this RSS. */
  burstRssMb: 400,
  /** Issue 18: reading a plain question (src/language) stays under this p95. */
  plainReadP95Ms: 5,
  /** Issue 20: the full rebuild at scale 10 after `kpi generate` loaded the tables. */
  fullRebuildSeconds: 30,
  /** Issue 20: the whole `kpi generate --scale 10` (load and rebuild). */
  generateSeconds: 150,
  /** Issue 20: portable mode's incremental refresh of one late day at scale 10. */
  portableIncrementalMs: 2000,
  /** Issue 20: 1,000 digests due at once, delivered by one `kpi serve` / by two replicas. */
  fanoutOneProcessS: 60,
  fanoutTwoReplicasS: 40,
  /** Issue 20: Slack full answer p95 at concurrency 20 when the questions repeat (answer cache). */
  repeatedAnswerP95Ms: 1_000,
} as const;
