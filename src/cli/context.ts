import type { Config } from "../config.js";
import type { Logger } from "../log.js";

/** What every CLI command receives: configuration, logger, and where its output goes. */
export interface CliContext {
  readonly config: Config;
  readonly log: Logger;
  readonly out: (line: string) => void;
}
