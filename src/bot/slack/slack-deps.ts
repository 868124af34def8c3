/** What the Slack listeners need from the rest of the bot, passed in (no globals). */
import type { Engine } from "../../app/engine.js";
import type { Logger } from "../../log.js";

export interface SlackDeps {
  readonly engine: Engine;
  readonly log: Logger;
  /** area → channel ids allowed to ask about it (AREA_CHANNELS). */
  readonly areaChannels: ReadonlyMap<string, readonly string[]>;
  /** ISO 4217 code for formatting money. */
  readonly currency: string;
  /** Wait before telling the asker "Working on it…". */
  readonly workingDelayMs: number;
}
