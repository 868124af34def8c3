/** What a chat platform adapter (Slack, Teams) offers the server. */
import type { Express } from "express";
import type { Engine } from "../app/engine.js";
import type { ChartRenderer } from "../charts/chart-renderer.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { ScheduleCommands } from "./chat-request.js";

export interface ChannelDeps {
  readonly config: Config;
  /** The KPI engine: runCommand(text, engine.deps) gives Answers. */
  readonly engine: Engine;
  readonly log: Logger;
  /** Draws answers' charts off the main thread (one pool per process, closed by the server). */
  readonly charts: ChartRenderer;
  /** Wall clock (injected for tests). */
  readonly now: () => Date;
  /** Subscription commands typed in chat (the server wires them to the scheduler). */
  readonly scheduleCommands?: ScheduleCommands;
  /** Snoozes low-stock alerts for these SKUs (the alert's button); returns the reply text. */
  readonly snooze?: (skus: readonly string[]) => Promise<string>;
}

export interface ChatChannel {
  readonly name: "slack" | "teams";
  /** A one-line description for the startup log, e.g. "Slack in HTTP mode at POST /slack/events". */
  readonly description: string;
  /** Routes on the shared HTTP server. Each channel parses its own bodies (Slack needs the raw body). */
  mount?(app: Express): void;
  /** Connections of its own (Slack Socket Mode). */
  start?(): Promise<void>;
  stop(): Promise<void>;
}
