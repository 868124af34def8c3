/**
 * `npm run bench [-- --json] [--quick] [--keep]` — the performance benchmark (issue 8), one run:
 * generator vs raw LOAD DATA (scale 10), answer latency per area at scale 1 and 10, the
 * incremental refresh of one late day, chart
 * rendering, Slack end to end against the real server in a child process (over HTTP, and over
 * Socket Mode: section slack-socket), and memory.
 * Prints a table with the targets (or, with --json, one JSON object) on stdout; progress on stderr.
 * --reuse-small URL --reuse-large URL: answer from databases kept by an earlier run (no generator figures).
 * --sections language: reading plain questions (no database; on its own it generates nothing).
 * --sections alerts: 1,000 alerts on a KPI checked after one refresh at the large scale (its own
 * database for the alerts, the large one read only).
 * --sections fanout: 1,000 digests due at 09:00 delivered by one `kpi serve` and by two replicas
 * (bench/fanout-bench.ts), and Slack at concurrency 20 with repeated vs all-distinct questions.
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { measureAlertCheck } from "./alerts-bench.js";
import { EXPLAIN_COMMANDS, measureAnswerLatency } from "./answer-latency.js";
import {
  benchDatabaseUrl,
  createBenchDatabase,
  dropBenchDatabases,
  type GeneratorRun,
  generateInto,
} from "./bench-database.js";
import { runChartBench } from "./chart-child.js";
import { measureFanout } from "./fanout-bench.js";
import { fanoutRows, repeatedQuestionRows } from "./fanout-rows.js";
import { measurePlainReading } from "./language-bench.js";
import { describeMachine, loadAverage } from "./machine.js";
import { type RawLoadRun, rawLoad } from "./raw-load.js";
import {
  measureFullRebuild,
  measureIncrementalRefresh,
  measurePortableIncrementalRefresh,
} from "./refresh-bench.js";
import { formatTable, type ResultRow, rowsToJson } from "./report-table.js";
import { answerRows, chartRows, explainRows, generatorRows } from "./result-rows.js";
import { measureSlackE2e, type SlackE2e } from "./slack-e2e.js";
import { memoryRows, slackRows } from "./slack-rows.js";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    "reuse-small": { type: "string" },
    "reuse-large": { type: "string" },
    /** The scale the --reuse-large database was generated at (for the rows' labels). */
    "large-scale": { type: "string" },
    sections: {
      type: "string",
      default: "generator,answers,explain,refresh,alerts,charts,slack,slack-socket,language,fanout",
    },
  },
});
const quick = values.quick ?? false;
const sections = new Set((values.sections ?? "").split(","));
/** Runs one section; a failure becomes a row (and the run goes on) instead of losing the other figures. */
async function section(name: string, run: () => Promise<void>): Promise<void> {
  if (!sections.has(name)) return;
  try {
    await run();
  } catch (error) {
    progress(`${name} failed: ${(error as Error).message}`);
    rows.push({
      section: name,
      figure: "section failed",
      value: Number.NaN,
      unit: "",
      measured: (error as Error).message.slice(0, 200),
      target: { op: ">=", limit: 0 },
    });
  }
}
const scales: [number, number] = quick ? [0.1, 0.5] : [1, 10];
if (values["large-scale"]) scales[1] = Number(values["large-scale"]);
const spec = { seed: 42, endDate: "2026-11-25", days: 365 };
const asOf = "2026-11-26";
/**
 * Runs per area and scale: a p95 of 30 runs is the second-slowest run, so one GC pause or
 * scheduling hiccup on a shared machine moved the scale-10/scale-1 ratios by up to 1.0; 100
 * runs (~15 s for the section) make it the sixth-slowest.
 */
const samples = quick ? 8 : 100;
const ANSWER_WARMUP = 10;
const progress = (line: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const config = loadConfig();
const machine = await describeMachine(config.databaseUrl);
const loadAtStart = loadAverage();
const created: string[] = [];
const rows: ResultRow[] = [];
const loads: Record<string, [number, number, number]> = { start: loadAtStart };
let gen: GeneratorRun | undefined;
let e2e: SlackE2e | undefined;
try {
  await section("language", async () => {
    progress("language: reading the plain-question corpus...");
    rows.push(...measurePlainReading(quick ? 5 : 30));
  });
  // Only the language section: no database is needed.
  const needsData = [...sections].some((name) => name !== "language" && name !== "");
  let smallUrl = values["reuse-small"] ?? (needsData ? "" : "unused");
  let largeUrl = values["reuse-large"] ?? (needsData ? "" : "unused");
  const newDatabase = async (label: string) => {
    const url = await createBenchDatabase(benchDatabaseUrl(config.databaseUrl, label.replace(".", "_")));
    created.push(url);
    return url;
  };
  if (!smallUrl || !largeUrl) {
    await section("generator", async () => {
      const rawUrl = await newDatabase("raw");
      progress(`raw LOAD DATA baseline at scale ${scales[1]} (pre-generating files first, not timed)...`);
      const raw: RawLoadRun = await rawLoad(rawUrl, { ...spec, scale: scales[1] });
      await dropBenchDatabases([created.pop() ?? rawUrl]);
      largeUrl = await newDatabase(`s${scales[1]}`);
      progress(`kpi generate --scale ${scales[1]} into ${new URL(largeUrl).pathname.slice(1)}...`);
      gen = await generateInto(largeUrl, { ...spec, scale: scales[1] });
      rows.push(...generatorRows(scales[1], gen, raw));
    });
    if (!largeUrl) {
      largeUrl = await newDatabase(`s${scales[1]}`);
      await generateInto(largeUrl, { ...spec, scale: scales[1] });
    }
    smallUrl = await newDatabase(`s${scales[0]}`);
    progress(`kpi generate --scale ${scales[0]} into ${new URL(smallUrl).pathname.slice(1)}...`);
    await generateInto(smallUrl, { ...spec, scale: scales[0] });
    loads.afterGenerate = loadAverage();
  }
  await section("answers", async () => {
    progress(`answers: ${samples} runs per area at scale ${scales[0]} and ${scales[1]}...`);
    const answerOptions = { asOf, samples, warmup: ANSWER_WARMUP };
    const small = await measureAnswerLatency({ ...answerOptions, databaseUrl: smallUrl });
    const large = await measureAnswerLatency({ ...answerOptions, databaseUrl: largeUrl });
    rows.push(...answerRows(small, large, scales));
    loads.afterAnswers = loadAverage();
  });
  await section("explain", async () => {
    progress(`explain: ${samples} runs per command at scale ${scales[1]}...`);
    const large = await measureAnswerLatency({
      asOf,
      samples,
      warmup: ANSWER_WARMUP,
      databaseUrl: largeUrl,
      commands: EXPLAIN_COMMANDS,
    });
    rows.push(...explainRows(large, scales[1]));
  });
  await section("refresh", async () => {
    progress("refresh: one late day at the large scale, with routines and in portable mode...");
    const late = { day: "2026-11-20", runs: 3, scale: scales[1] };
    rows.push(...(await measureIncrementalRefresh(largeUrl, late)));
    rows.push(...(await measurePortableIncrementalRefresh(largeUrl, late)));
    progress("refresh: the full rebuild at the large scale...");
    rows.push(...(await measureFullRebuild(largeUrl, { scale: scales[1] })));
  });
  await section("alerts", async () => {
    progress("alerts: 1,000 alerts on a KPI checked after one refresh at the large scale...");
    const stateUrl = await newDatabase("alerts");
    rows.push(
      ...(await measureAlertCheck({
        reportingUrl: largeUrl,
        stateUrl,
        count: quick ? 200 : 1_000,
        asOf,
        scale: scales[1],
      })),
    );
  });
  await section("charts", async () => {
    progress("charts (fresh child process)...");
    const charts = await runChartBench(quick ? 30 : 200);
    rows.push(...chartRows(charts.timings, charts.rss));
    loads.afterCharts = loadAverage();
  });
  await section("slack", async () => {
    const requests = quick ? 20 : 200;
    const burst = { requests: quick ? 2_000 : 20_000, concurrency: 100 };
    progress(
      `slack end to end: ${requests} requests at concurrency 1, 20 and 50, then a burst of ${burst.requests} at ${burst.concurrency}...`,
    );
    e2e = await measureSlackE2e({ databaseUrl: largeUrl, asOf, requests, concurrencies: [1, 20, 50], burst });
    rows.push(...slackRows(e2e, scales[1]));
    loads.afterSlack = loadAverage();
  });
  await section("slack-socket", async () => {
    const requests = quick ? 20 : 200;
    progress(`slack over Socket Mode: ${requests} requests at concurrency 1 and 20...`);
    const socket = await measureSlackE2e({
      databaseUrl: largeUrl,
      asOf,
      requests,
      concurrencies: [1, 20],
      transport: "socket",
    });
    rows.push(...slackRows(socket, scales[1], "socket"));
    loads.afterSlackSocket = loadAverage();
  });
  await section("fanout", async () => {
    const subscriptions = quick ? 200 : 1_000;
    for (const replicas of [1, 2]) {
      progress(`fanout: ${subscriptions} digests due at 09:00, ${replicas} replica(s)...`);
      const run = await measureFanout({
        databaseUrl: largeUrl,
        asOf,
        subscriptions,
        channels: subscriptions / 4,
        replicas,
      });
      rows.push(...fanoutRows(run, scales[1]));
      loads[`afterFanout${replicas}`] = loadAverage();
    }
    const requests = quick ? 40 : 200;
    progress(
      `fanout: Slack, ${requests} repeated then ${requests} all-distinct questions at concurrency 20...`,
    );
    const slack = { databaseUrl: largeUrl, asOf, requests, concurrencies: [20] };
    const repeated = await measureSlackE2e(slack);
    loads.afterRepeated = loadAverage();
    const distinct = await measureSlackE2e({ ...slack, distinct: true });
    rows.push(...repeatedQuestionRows(repeated, distinct, scales[1]));
    loads.afterDistinct = loadAverage();
  });
  rows.push(...memoryRows(e2e, gen, scales[1]));
} finally {
  if (values.keep) progress(`kept: ${created.join(" ")}`);
  else await dropBenchDatabases(created);
}

const header = `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.ramGb} GB RAM, Node ${machine.node}, ${machine.database}; load average (1/5/15 min) ${Object.entries(
  loads,
)
  .map(([at, l]) => `${at} ${l.join("/")}`)
  .join(", ")}`;
if (values.json) {
  process.stdout.write(
    `${JSON.stringify({ machine, loadAverage: loads, scales, rows: rowsToJson(rows), slack: e2e, generator: gen })}\n`,
  );
} else {
  process.stdout.write(`${header}\n\n${formatTable(rows)}\n`);
}
