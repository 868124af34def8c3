/**
 * Chart rendering benchmark: p50/p95 render time per kind at 1200×675, PNG sizes at
 * 1200×675 and 800×450, and RSS after 10 vs after 1,000 renders (measured first, on a fresh process).
 * Run: npx tsx bench/chart-bench.ts [renders-per-kind=200] [--json]
 * With --json it prints one JSON object (`npm run bench` runs it this way, as a fresh child).
 */
import { DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH } from "../src/charts/index.js";
import { type CHART_KINDS, measureRenderTimes, measureRssGrowth, pngSizesKb } from "./chart-measure.js";
import { MB } from "./stats.js";

const json = process.argv.includes("--json");
const rendersPerKind = Number(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? 200);
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

const rss = await measureRssGrowth();
const timings = measureRenderTimes(rendersPerKind);
if (json) {
  const size = { width: DEFAULT_CHART_WIDTH, height: DEFAULT_CHART_HEIGHT };
  process.stdout.write(`${JSON.stringify({ size, rendersPerKind, rss, timings })}\n`);
} else {
  console.log(
    `RSS after 10 renders: ${mb(rss.after10Bytes)} · after 1,000: ${mb(rss.after1000Bytes)} · growth ${mb(rss.growthBytes)}`,
  );
  console.log(
    `node ${process.version} · ${rendersPerKind} renders per kind at ${DEFAULT_CHART_WIDTH}×${DEFAULT_CHART_HEIGHT}`,
  );
  console.log("kind            p50 ms  p95 ms  PNG 1200×675  PNG 800×450");
  for (const { kind, ms } of timings) {
    const { large, small } = pngSizesKb(kind as (typeof CHART_KINDS)[number]);
    console.log(
      `${kind.padEnd(15)} ${ms.p50.toFixed(1).padStart(6)}  ${ms.p95.toFixed(1).padStart(6)}` +
        `  ${large.toFixed(1).padStart(9)} KB  ${small.toFixed(1).padStart(8)} KB`,
    );
  }
}
