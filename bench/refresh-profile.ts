/**
 * `node --import tsx bench/refresh-profile.ts <database-url> [--full] [--concurrency N]` — runs the
 * refresh's statements (db/refresh/, as portable mode does) on that database and prints how long
 * each took, slowest first: where a rebuild spends its time. It refreshes the database for real.
 */
import { parseArgs } from "node:util";
import { connect, connectionOpener } from "../src/db/connect.js";
import { runRefreshStatements } from "../src/db/refresh-runner.js";
import { readRefreshSteps } from "../src/db/refresh-steps.js";
import { loadAverage } from "./machine.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    full: { type: "boolean", default: false },
    top: { type: "string", default: "15" },
    concurrency: { type: "string", default: "1" },
  },
});
const url = positionals[0];
if (!url) {
  process.stderr.write("usage: refresh-profile.ts <database-url> [--full] [--top N]\n");
  process.exit(2);
}
const steps = await readRefreshSteps();
const { connection } = await connect(url);
try {
  const timings: { step: string; index: number; ms: number; end: number; text: string }[] = [];
  const started = performance.now();
  await runRefreshStatements(connection, steps, {
    full: values.full ?? false,
    concurrency: Number(values.concurrency),
    openConnection: connectionOpener(url),
    onStatement: (step, index, ms) => {
      const text = steps.find((s) => s.name === step)?.statements[index] ?? "";
      const firstLine = text.split("\n").find((l) => !l.trim().startsWith("--")) ?? "";
      timings.push({ step, index, ms, end: performance.now(), text: firstLine.trim().slice(0, 70) });
    },
  });
  const total = (performance.now() - started) / 1000;
  const load = loadAverage().join("/");
  process.stdout.write(
    `${values.full ? "full" : "incremental"} refresh on ${values.concurrency} connection(s): ${total.toFixed(1)} s, load average ${load}\n`,
  );
  // Each stage's wall time: from its first statement's start to its last one's end.
  const stages = new Map<string, { start: number; end: number }>();
  for (const t of timings) {
    const key = /^\d+/.exec(t.step)?.[0] ?? t.step;
    const span = stages.get(key) ?? { start: t.end - t.ms, end: t.end };
    stages.set(key, { start: Math.min(span.start, t.end - t.ms), end: Math.max(span.end, t.end) });
  }
  const spans = [...stages].map(([key, s]) => `${key}: ${((s.end - s.start) / 1000).toFixed(1)} s`);
  process.stdout.write(`stages  ${spans.join(", ")}\n`);
  for (const t of timings.sort((a, b) => b.ms - a.ms).slice(0, Number(values.top))) {
    process.stdout.write(`${(t.ms / 1000).toFixed(2).padStart(7)} s  ${t.step}#${t.index + 1}  ${t.text}\n`);
  }
} finally {
  await connection.end();
}
