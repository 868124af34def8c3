/** What the Slack listeners need from the rest of the bot, passed in (no globals). */
import type { Engine } from "../../app/engine.js";
import type { Logger } from "../../log.js";
import type { ScheduleCommands } from "../chat-request.js";

export interface SlackDeps {
  readonly engine: Engine;
  readonly log: Logger;
  /** area → channel ids allowed to ask about it (AREA_CHANNELS). */
  readonly areaChannels: ReadonlyMap<string, readonly string[]>;
  /** ISO 4217 code for formatting money. */
  readonly currency: string;
  /** Wait before telling the asker "Working on it…". */
  readonly workingDelayMs: number;
  /** Subscription commands (subscribe, subscriptions, ...), when the scheduler runs. */
  readonly scheduleCommands?: ScheduleCommands;
  /** Snoozes low-stock alerts for these SKUs; returns the reply for the person who pressed. */
  readonly snooze?: (skus: readonly string[]) => Promise<string>;
}
