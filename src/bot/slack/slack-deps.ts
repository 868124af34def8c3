/** What the Slack listeners need from the rest of the bot, passed in (no globals). */
import type { ChartRenderer } from "../../charts/chart-renderer.js";
import type { Engine } from "../../engine/engine.js";
import type { Logger } from "../../log.js";
import type { AccessPolicy } from "../../security/access-policy.js";
import type { Admission } from "../admission.js";
import type { AlertButtonHandler } from "../chat-platform.js";
import type { ChatHandler } from "../chat-request.js";
import type { ThreadContexts } from "../conversation/thread-context-store.js";
import type { UnfurlSettings } from "./link-unfurl.js";
import type { Redelivery } from "./redelivery.js";

export interface SlackDeps {
  /** Answers a request: access policy, rate limits, audit, subscriptions. */
  readonly chat: ChatHandler;
  /** Sheds what does not fit (told "busy" within the ack). */
  readonly admission: Admission;
  /** For the data freshness line under answers. */
  readonly engine: Engine;
  readonly log: Logger;
  /** Who may ask about which area (the App Home lists only those). */
  readonly access: AccessPolicy;
  /** Draws the answer's charts (worker threads: never on the ack's path). */
  readonly charts: ChartRenderer;
  /** ISO 4217 code for formatting money. */
  readonly currency: string;
  /** REPORT_TIMEZONE: a digest or alert form's zone when left empty. */
  readonly reportTimeZone: string;
  /** Wait before telling the asker "Working on it…". */
  readonly workingDelayMs: number;
  /** Wait before telling the asker the data source is slow (SLOW_DATA_NOTICE_MS). */
  readonly slowNoticeMs: number;
  /** Tells a re-delivered request (answered through another delivery) from a first one. */
  readonly redelivery: Redelivery;
  /** Snoozes low-stock alerts for these SKUs; returns the reply for the person who pressed. */
  readonly snooze?: (skus: readonly string[]) => Promise<string>;
  /** Snooze 24 h or Mute pressed on an alert on a KPI; returns the reply for the presser. */
  readonly alertButton?: AlertButtonHandler;
  /** Each thread's last query: an answer posted in a channel starts a thread context under its ts. */
  readonly contexts?: ThreadContexts;
  /** The asker's recent questions, newest first (the assistant's suggested prompts). */
  readonly recentQuestions?: (userId: string) => Promise<readonly string[]>;
  /** SLACK_ASSISTANT: answer in the assistant container and in direct messages. */
  readonly assistant?: boolean;
  /** Previews of the bot's own links (link_shared); off unless PUBLIC_BASE_URL is https and CHART_URL_SECRET set. */
  readonly unfurl?: UnfurlSettings;
}
