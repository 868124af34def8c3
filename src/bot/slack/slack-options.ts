/** Test seams of the Slack platform; production uses the defaults. */
export interface SlackOptions {
  /** Wait before the asker sees "Working on it…" (default 1.5 s; tests lengthen it). */
  readonly workingDelayMs?: number;
  /** How many requests the replay guard may remember (tests make it small). */
  readonly replayCapacity?: number;
}
