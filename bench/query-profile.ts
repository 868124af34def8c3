/**
 * Where an answer's time goes: runs `<area> last-30d` for each area through the engine with
 * one reporting connection (so queries run one at a time) and prints every view query with
 * its duration, slowest first. Usage: node --import tsx bench/query-profile.ts <database-url> [area ...]
 */
import { AREA_NAMES } from "../src/areas/registry.js";
import { testEngine } from "../test/helpers/test-engine.js";
import { areaCommand } from "./answer-latency.js";

const [url, ...areas] = process.argv.slice(2);
if (!url) throw new Error("usage: bench/query-profile.ts <database-url> [area ...]");
const timings: Array<{ ms: number; sql: string; params: readonly unknown[] }> = [];
const engine = testEngine(url, "2026-11-26", {
  maxConcurrentQueries: 1,
  onQuery: (sql, params, ms) => timings.push({ ms, sql, params }),
});
try {
  for (const area of areas.length > 0 ? areas : AREA_NAMES) {
    await engine.run(areaCommand(area)); // warm-up
    timings.length = 0;
    const started = performance.now();
    await engine.run(areaCommand(area));
    const total = performance.now() - started;
    const sum = timings.reduce((n, t) => n + t.ms, 0);
    console.log(
      `\n${area}: ${total.toFixed(0)} ms serial, ${timings.length} queries, ${sum.toFixed(0)} ms in SQL`,
    );
    for (const t of [...timings].sort((a, b) => b.ms - a.ms).slice(0, 5)) {
      console.log(`  ${t.ms.toFixed(1).padStart(7)} ms  ${t.sql.slice(0, 160)}  ${JSON.stringify(t.params)}`);
    }
  }
} finally {
  await engine.close();
}
