/**
 * Chart rendering benchmark: p50/p95 render time per kind at 1200×675, PNG sizes at
 * 1200×675 and 800×450, and RSS after 10 vs after 1,000 renders (measured first, on a fresh process).
 * Run: npx tsx bench/chart-bench.ts [renders-per-kind=200]
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH, renderChart } from "../src/charts/index.js";
import { CHART_KINDS, SPECS_BY_KIND, scaled } from "../test/charts/chart-fixtures.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const rendersPerKind = Number(process.argv[2] ?? 200);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** RSS after GC; @napi-rs/canvas frees native memory in finalizers that run on a later turn. */
async function settledRss(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await nextTurn();
  }
  return process.memoryUsage().rss;
}

let rendered = 0;
/** Renders the next chart; yields to the event loop every 10 renders, as a server would. */
async function renderNext(): Promise<void> {
  const kind = CHART_KINDS[rendered % CHART_KINDS.length] ?? "bar";
  renderChart(scaled(SPECS_BY_KIND[kind], 1 + (rendered % 13) / 10));
  rendered += 1;
  if (rendered % 10 === 0) await nextTurn();
}
while (rendered < 10) await renderNext();
const after10 = await settledRss();
while (rendered < 1000) await renderNext();
const after1000 = await settledRss();
console.log(
  `RSS after 10 renders: ${mb(after10)} · after 1,000: ${mb(after1000)} · growth ${mb(after1000 - after10)}`,
);

console.log(
  `node ${process.version} · ${rendersPerKind} renders per kind at ${DEFAULT_CHART_WIDTH}×${DEFAULT_CHART_HEIGHT}`,
);
console.log("kind            p50 ms  p95 ms  PNG 1200×675  PNG 800×450");
for (const kind of CHART_KINDS) {
  const spec = SPECS_BY_KIND[kind];
  for (let i = 0; i < 10; i++) renderChart(spec);
  const times: number[] = [];
  for (let i = 0; i < rendersPerKind; i++) {
    const input = scaled(spec, 1 + (i % 7) / 10);
    const start = performance.now();
    renderChart(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const large = renderChart(spec).length / 1024;
  const small = renderChart(spec, { width: 800, height: 450 }).length / 1024;
  console.log(
    `${kind.padEnd(15)} ${percentile(times, 50).toFixed(1).padStart(6)}  ${percentile(times, 95).toFixed(1).padStart(6)}` +
      `  ${large.toFixed(1).padStart(9)} KB  ${small.toFixed(1).padStart(8)} KB`,
  );
}
