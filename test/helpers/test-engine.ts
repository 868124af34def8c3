/** The engine over a test database, as of a fixed day in UTC (what `kpi ask --as-of` does). */
import type { Answer, Kpi } from "../../src/answer/answer.js";
import { instantForDay } from "../../src/calendar/as-of.js";
import { createEngine, type Engine, type EngineOptions } from "../../src/engine/engine.js";

export function testEngine(
  databaseUrl: string,
  asOf: string,
  options: EngineOptions & {
    readonly maxConcurrentQueries?: number;
    readonly statementTimeoutMs?: number;
  } = {},
): Engine {
  return createEngine(
    {
      databaseUrl,
      reportTimeZone: "UTC",
      statementTimeoutMs: options.statementTimeoutMs ?? 10_000,
      security: { maxConcurrentQueries: options.maxConcurrentQueries ?? 8 },
    },
    () => instantForDay(asOf, "UTC"),
    options,
  );
}

/** The Answer to a command, or an error when it is help text. */
export async function answerOf(engine: Engine, text: string) {
  const outcome = await engine.run(text);
  if (outcome.kind !== "answer") throw new Error(`expected an answer for ${text}`);
  return outcome.answer;
}

/** The answer's KPI `key`; throws, naming the KPIs there are, when it has none. */
export function kpiOf(answer: Answer, key: string): Kpi {
  const found = answer.kpis.find((k) => k.key === key);
  if (!found) throw new Error(`no KPI ${key} in ${answer.area}: ${answer.kpis.map((k) => k.key).join(", ")}`);
  return found;
}
