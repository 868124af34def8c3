/**
 * Answer latency per area: `engine.run("<area> last-30d")` against a generated database —
 * parse → period → filter match → the area's view queries → Answer; no charts, no chat.
 * Warm-up runs (connection pool, prepared plans, buffer pool) are not counted.
 */
import { AREA_NAMES } from "../src/areas/registry.js";
import { instantForDay } from "../src/calendar/as-of.js";
import { loadConfig } from "../src/config.js";
import { createEngine } from "../src/engine/engine.js";
import { type Summary, summarize, timed } from "./stats.js";

export interface AreaLatency {
  readonly area: string;
  readonly command: string;
  /** Over the runs that answered. */
  readonly ms: Summary;
  /** Runs that failed (e.g. the statement timeout); sampling stops after MAX_FAILURES. */
  readonly failed: number;
  readonly error?: string;
  /** Runs before the measured ones (connections opened, plans and caches warm). */
  readonly warmup: number;
}

const MAX_FAILURES = 3;

export interface AnswerLatencyOptions {
  readonly databaseUrl: string;
  /** "Today" for the engine: the day after the generated data ends. */
  readonly asOf: string;
  readonly samples: number;
  readonly warmup: number;
}

export function areaCommand(area: string): string {
  return `${area} last-30d`;
}

export async function measureAnswerLatency(options: AnswerLatencyOptions): Promise<AreaLatency[]> {
  const config = loadConfig({ ...process.env, DATABASE_URL: options.databaseUrl, LOG_LEVEL: "silent" });
  const engine = createEngine(config, () => instantForDay(options.asOf, "UTC"));
  try {
    const results: AreaLatency[] = [];
    for (const area of AREA_NAMES) {
      const command = areaCommand(area);
      const times: number[] = [];
      let failed = 0;
      let error: string | undefined;
      for (let i = 0; i < options.warmup + options.samples && failed < MAX_FAILURES; i++) {
        try {
          const ms = await timed(() => engine.run(command));
          if (i >= options.warmup) times.push(ms);
        } catch (cause) {
          failed += 1;
          error = (cause as Error).message;
        }
      }
      results.push({
        area,
        command,
        ms: summarize(times),
        failed,
        warmup: options.warmup,
        ...(error ? { error } : {}),
      });
    }
    return results;
  } finally {
    await engine.close();
  }
}
