/**
 * Where an answer's time goes: runs `<area> last-30d` for each area over one connection
 * (so queries run one at a time) and prints every view query with its duration, slowest
 * first. Usage: node --import tsx bench/query-profile.ts <database-url> [area ...]
 */
import { Kysely, MysqlDialect } from "kysely";
import { createPool } from "mysql2";
import { AREA_NAMES } from "../src/areas/registry.js";
import { instantForDay } from "../src/calendar/as-of.js";
import { runCommand } from "../src/commands/run-command.js";
import { connectionOptions, parseDatabaseUrl } from "../src/db/database-url.js";
import { createDbReportingSource } from "../src/db/reporting/db-reporting-source.js";
import type { ReportingViews } from "../src/db/reporting/view-rows.js";
import { areaCommand } from "./answer-latency.js";

const [url, ...areas] = process.argv.slice(2);
if (!url) throw new Error("usage: bench/query-profile.ts <database-url> [area ...]");
const timings: Array<{ ms: number; sql: string; params: readonly unknown[] }> = [];
const db = new Kysely<ReportingViews>({
  dialect: new MysqlDialect({
    pool: createPool({ ...connectionOptions(parseDatabaseUrl(url)), connectionLimit: 1 }),
  }),
  log: (event) => {
    timings.push({ ms: event.queryDurationMillis, sql: event.query.sql, params: event.query.parameters });
  },
});
const deps = {
  source: createDbReportingSource(db),
  now: () => instantForDay("2026-11-26", "UTC"),
  timeZone: "UTC",
};
try {
  for (const area of areas.length > 0 ? areas : AREA_NAMES) {
    await runCommand(areaCommand(area), deps); // warm-up
    timings.length = 0;
    const started = performance.now();
    await runCommand(areaCommand(area), deps);
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
  await db.destroy();
}
