/**
 * What a running server adds to the bot's parts: the readiness checks behind GET /readyz, and
 * a warm-up that answers every area once after start.
 */
import { AREA_NAMES } from "../areas/registry.js";
import { withDeadline } from "../engine/deadline.js";
import type { Engine } from "../engine/engine.js";
import { isUserError, UserError } from "../errors.js";
import type { Logger } from "../log.js";
import type { Scheduling } from "./scheduling.js";

/** The readiness checks' limits: the database must answer within 1 s, the minute loop must tick. */
export const READY_DATABASE_MS = 1_000;
export const READY_TICK_MS = 120_000;

/**
 * Answers every area once in the background after start, so that the first burst of questions
 * does not also pay for loading each area's query code and opening the pool's connections
 * (which held the first acks of a burst up to 1.8 s).
 */
export async function warmUp(engine: Engine, log: Logger): Promise<void> {
  const started = performance.now();
  for (const area of AREA_NAMES) {
    try {
      await engine.run(area);
    } catch {
      return; // the database is not there yet: the first questions will say so
    }
  }
  log.debug({ ms: Math.round(performance.now() - started) }, "warmed up: every area answered once");
}

/** What keeps the bot from answering now, besides its platforms (GET /readyz). */
export async function readinessOf(parts: {
  readonly engine: Engine;
  readonly scheduling: Pick<Scheduling, "sinceLastTick">;
}): Promise<Record<string, string>> {
  const problems: Record<string, string> = {};
  const database = await withDeadline(
    READY_DATABASE_MS,
    () => parts.engine.freshness(),
    () => new UserError("not_ready", `the database did not answer within ${READY_DATABASE_MS / 1000} s`),
  ).then(
    () => undefined,
    (error: Error) => (isUserError(error) ? error.message : "the database query failed"),
  );
  if (database) problems.database = database;
  const sinceTick = parts.scheduling.sinceLastTick();
  if (sinceTick !== undefined && sinceTick > READY_TICK_MS) {
    problems.scheduler = `no scheduler tick for ${Math.round(sinceTick / 1000)} s`;
  }
  return problems;
}
