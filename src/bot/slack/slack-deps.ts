/** What the Slack listeners need from the rest of the bot, passed in (no globals). */
import type { Engine } from "../../app/engine.js";
import type { ChartRenderer } from "../../charts/chart-renderer.js";
import type { Logger } from "../../log.js";
import type { AccessPolicy } from "../../security/access-policy.js";
import type { ScheduleCommands } from "../chat-request.js";

export interface SlackDeps {
  readonly engine: Engine;
  readonly log: Logger;
  /** Who may ask about which area (ACCESS_POLICY_FILE or AREA_CHANNELS). */
  readonly access: AccessPolicy;
  /** Draws the answer's charts (worker threads: never on the ack's path). */
  readonly charts: ChartRenderer;
  /** ISO 4217 code for formatting money. */
  readonly currency: string;
  /** Wait before telling the asker "Working on it…". */
  readonly workingDelayMs: number;
  /** Subscription commands (subscribe, subscriptions, ...), when the scheduler runs. */
  readonly scheduleCommands?: ScheduleCommands;
  /** Snoozes low-stock alerts for these SKUs; returns the reply for the person who pressed. */
  readonly snooze?: (skus: readonly string[]) => Promise<string>;
}
