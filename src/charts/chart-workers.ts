/** How many worker threads draw the bot's charts (CHART_WORKERS): its bounds and its default. */

export const MAX_CHART_WORKERS = 8;

/**
 * One core is left to the event loop (and, on a small machine, the database): 1 worker on 1–2
 * cores, cores − 1 up to 4 beyond. On 2 cores a second worker bought nothing measurable under
 * 20 concurrent requests (full answer p95 1.6 s vs 1.7 s) and cost ~45 MB.
 */
export function defaultChartWorkers(cores: number): number {
  return Math.max(1, Math.min(4, cores - 1));
}
