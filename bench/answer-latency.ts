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
  /** The commands to time, by label; every area's `<area> last-30d` when absent. */
  readonly commands?: readonly { readonly area: string; readonly command: string }[];
}

/** The `explain` commands the benchmark times (issue 17): a ratio and a sum per family, every dimension. */
export const EXPLAIN_COMMANDS = [
  { area: "explain roas", command: "explain roas last-30d" },
  { area: "explain spend by campaign", command: "explain spend last-30d by=campaign" },
  { area: "explain revenue", command: "explain revenue last-30d" },
  { area: "explain aov", command: "explain aov last-30d" },
  { area: "explain conversion_rate", command: "explain conversion_rate last-30d" },
] as const;

export function areaCommand(area: string): string {
  return `${area} last-30d`;
}

export async function measureAnswerLatency(options: AnswerLatencyOptions): Promise<AreaLatency[]> {
  const config = loadConfig({ ...process.env, DATABASE_URL: options.databaseUrl, LOG_LEVEL: "silent" });
  const engine = createEngine(config, () => instantForDay(options.asOf, "UTC"));
  try {
    const results: AreaLatency[] = [];
    const commands = options.commands ?? AREA_NAMES.map((area) => ({ area, command: areaCommand(area) }));
    for (const { area, command } of commands) {
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
