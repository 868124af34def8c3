/** Generator, answer and chart figures as table rows, with the issue's targets (bench/targets.ts). */
import type { AreaLatency } from "./answer-latency.js";
import type { GeneratorRun } from "./bench-database.js";
import type { KindTiming, RssGrowth } from "./chart-measure.js";
import type { RawLoadRun } from "./raw-load.js";
import type { ResultRow } from "./report-table.js";
import { MB } from "./stats.js";
import { TARGETS } from "./targets.js";

export function generatorRows(scale: number, gen: GeneratorRun, raw: RawLoadRun): ResultRow[] {
  const genRate = gen.rows / gen.loadSeconds;
  const rawRate = raw.rows / raw.seconds;
  return [
    {
      section: "generator",
      figure: `kpi generate rows/s (generate + load)`,
      value: genRate,
      unit: "rows/s",
      measured: `${gen.rows.toLocaleString("en-US")} rows in ${gen.loadSeconds.toFixed(1)} s, scale ${scale}, 1 run`,
    },
    {
      section: "generator",
      figure: "raw LOAD DATA LOCAL INFILE rows/s",
      value: rawRate,
      unit: "rows/s",
      measured: `${raw.rows.toLocaleString("en-US")} rows in ${raw.seconds.toFixed(1)} s, same rows pre-generated, 1 run`,
    },
    {
      section: "generator",
      figure: "generator ÷ raw LOAD DATA",
      value: genRate / rawRate,
      unit: "×",
      measured: "ratio of the two rates above",
      target: { op: ">=", limit: TARGETS.generatorRatio },
    },
    {
      section: "generator",
      figure: `full rebuild after load, scale ${scale}`,
      value: gen.refreshSeconds,
      unit: "s",
      measured: "reported by kpi generate (empty rollups, as after every generate), not in the rate",
      target: { op: "<=", limit: TARGETS.fullRebuildSeconds },
    },
    {
      section: "generator",
      figure: `kpi generate --scale ${scale}, whole run`,
      value: gen.wallSeconds,
      unit: "s",
      measured: `generate, load and full refresh in a child process, 1 run; load ${gen.loadAverage ?? "?"} before`,
      target: { op: "<=", limit: TARGETS.generateSeconds },
    },
  ];
}

export function answerRows(
  small: AreaLatency[],
  large: AreaLatency[],
  scales: [number, number],
): ResultRow[] {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return large.flatMap((big) => {
    const base = small.find((s) => s.area === big.area);
    const failures = (a: AreaLatency | undefined, scale: number) =>
      a && a.failed > 0 ? `; ${a.failed} failed at scale ${scale} (${a.error ?? "error"})` : "";
    const runs = `engine.run, ${big.ms.samples} runs after ${big.warmup} warm-up${failures(big, scales[1])}${failures(base, scales[0])}`;
    const rows: ResultRow[] = [
      {
        section: "answers",
        figure: `\`${big.command}\` p95, scale ${scales[1]}`,
        value: big.ms.p95,
        unit: "ms",
        measured: `${runs}; scale ${scales[1]} p50 ${ms(big.ms.p50)}${base ? `; scale ${scales[0]} p50 ${ms(base.ms.p50)}, p95 ${ms(base.ms.p95)}` : ""}`,
        target: { op: "<=", limit: TARGETS.answerP95Ms },
      },
    ];
    if (base) {
      rows.push({
        section: "answers",
        figure: `\`${big.command}\` p95 scale ${scales[1]} ÷ scale ${scales[0]}`,
        value: big.ms.p95 / base.ms.p95,
        unit: "×",
        measured: "ratio of the two p95s",
        target: { op: "<=", limit: TARGETS.answerScaleRatio },
      });
    }
    return rows;
  });
}

export function chartRows(timings: KindTiming[], rss: RssGrowth): ResultRow[] {
  const rows: ResultRow[] = timings.flatMap(({ kind, ms }) => [
    {
      section: "charts",
      figure: `${kind} p50 at 1200×675`,
      value: ms.p50,
      unit: "ms",
      measured: `renderChart, ${ms.samples} renders after 10 warm-up`,
      target: { op: "<=", limit: TARGETS.chartP50Ms },
    },
    {
      section: "charts",
      figure: `${kind} p95 at 1200×675`,
      value: ms.p95,
      unit: "ms",
      measured: `renderChart, ${ms.samples} renders`,
    },
  ]);
  rows.push(
    {
      section: "charts",
      figure: "RSS after 10 renders",
      value: rss.after10Bytes / MB,
      unit: "MB",
      measured: "fresh process, after GC",
    },
    {
      section: "charts",
      figure: "RSS after 1,000 renders",
      value: rss.after1000Bytes / MB,
      unit: "MB",
      measured: "same process, all kinds in turn, after GC",
    },
    {
      section: "charts",
      figure: "RSS growth 10 → 1,000 renders",
      value: rss.growthBytes / MB,
      unit: "MB",
      measured: "difference of the two",
      target: { op: "<", limit: TARGETS.chartRssGrowthMb },
    },
  );
  return rows;
}

/** `explain` p95 at the large scale (issue 17: ≤ 150 ms, reading rollups only). */
export function explainRows(large: AreaLatency[], scale: number): ResultRow[] {
  return large.map((big) => ({
    section: "explain",
    figure: `\`${big.command}\` p95, scale ${scale}`,
    value: big.ms.p95,
    unit: "ms",
    measured: `engine.run, ${big.ms.samples} runs after ${big.warmup} warm-up; p50 ${big.ms.p50.toFixed(1)} ms${
      big.failed > 0 ? `; ${big.failed} failed (${big.error ?? "error"})` : ""
    }`,
    target: { op: "<=", limit: TARGETS.answerP95Ms },
  }));
}
