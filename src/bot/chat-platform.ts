/**
 * What a chat platform is to the rest of the bot: the one contract Slack, Teams and any later
 * platform implement, each wholly in its own folder (src/bot/<platform>/), listed once in
 * platforms.ts. A definition is light (no SDK loaded): its name, its environment variables,
 * its target ids and its access-policy keys. Opening it (with its configuration) gives the
 * running platform: senders for scheduled messages, and the routes or connections that answer
 * chat, used only by the server.
 */
import type { Express } from "express";
import type { ZodError } from "zod";
import type { ChartRenderer } from "../charts/chart-renderer.js";
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import type { Engine } from "../engine/engine.js";
import type { Logger } from "../log.js";
import type { PlatformSenders } from "../schedule/senders.js";
import type { TargetRules } from "../schedule/target.js";
import type { AccessPolicy, PolicyKeys } from "../security/access-policy.js";
import type { Admission } from "./admission.js";
import type { ChatHandler } from "./chat-request.js";
import type { ThreadContexts } from "./conversation/thread-context-store.js";
import type { RequestClaims } from "./request-claims.js";

/** The environment, read once by src/config.ts: unset and empty variables are left out. */
export type EnvValues = Readonly<Record<string, string>>;

/** Each problem zod found in the environment as `VARIABLE: what is wrong`. */
export function envProblems(error: ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

export interface PlatformConfigResult<C> {
  /** Undefined when none of the platform's variables is set (disabled) or a problem was found. */
  readonly config?: C;
  /** `VARIABLE: what is wrong`, each naming the variable. */
  readonly problems: readonly string[];
}

export interface PlatformDefinition<C = unknown> {
  /** The registry name, used in targets (`slack:C0123`), the audit and the access policy file. */
  readonly name: string;
  /** Reads the platform's own variables; `production` refuses development-only settings. */
  readConfig(env: EnvValues, context: { readonly production: boolean }): PlatformConfigResult<C>;
  /** The variables readConfig reads. */
  readonly envKeys: readonly string[];
  /** The startup line when the platform is off: which variables turn it on. */
  readonly disabledNote: string;
  readonly targets: Omit<TargetRules, "platform">;
  /** The keys its section of the access policy file has, and which id of the asker each matches. */
  readonly policyKeys: PolicyKeys;
  /**
   * The group (a Teams team) a target conversation belongs to, as the access policy names it,
   * from the bot's own state; undefined when it has none. A digest is cut to what the target's
   * channel and group grants allow, as a question asked there is.
   */
  targetGroup?(botState: BotStateDb, targetId: string): Promise<string | undefined>;
  /** The running platform (senders at once; chat routes and connections only when mounted or started). */
  open(config: C, deps: PlatformDeps): Promise<ChatPlatform>;
}

/** What a platform receives from the composition root. */
export interface PlatformDeps {
  /** The process's one engine (freshness lines, nothing that bypasses the chat handler). */
  readonly engine: Engine;
  /** Answers a chat request: access policy, rate limits, audit, subscriptions. */
  readonly chat: ChatHandler;
  /** How many chat requests run and wait at once; the rest are told the bot is busy. */
  readonly admission: Admission;
  readonly log: Logger;
  /** Draws charts off the main thread (one renderer per process, closed by the root). */
  readonly charts: ChartRenderer;
  /** Wall clock (injected for tests). */
  readonly now: () => Date;
  /** ISO 4217 code money is formatted in. */
  readonly currency: string;
  /** REPORT_TIMEZONE: the zone of a schedule written without one (shown in forms); UTC when unset. */
  readonly reportTimeZone?: string;
  /** The server's public base URL (links to charts and files). */
  readonly publicBaseUrl: string;
  /** Signs chart and file links; a random per-process secret when unset. */
  readonly linkSecret: string | undefined;
  /** Wait before telling the asker the data source is slow (SLOW_DATA_NOTICE_MS). */
  readonly slowNoticeMs: number;
  readonly access: AccessPolicy;
  /** The bot's own state, the process's one pool (Teams conversation references). */
  readonly botState: BotStateDb;
  /** Snoozes low-stock alerts for these SKUs (an alert's button); returns the reply for the presser. */
  readonly snooze?: (skus: readonly string[]) => Promise<string>;
  /** Claims a request that may be delivered again (to any replica), so it is answered once. */
  readonly claims: RequestClaims;
  /** Snooze 24 h or Mute pressed on an alert on a KPI; returns the reply for the presser. */
  readonly alertButton?: AlertButtonHandler;
  /** Each thread's last query: an answer posted outside a thread starts one (follow-ups in its replies). */
  readonly contexts?: ThreadContexts;
}

/** A button of an alert on a KPI, pressed in a channel. */
export interface AlertPress {
  readonly action: "snooze" | "mute";
  readonly alertId: number;
  readonly platform: string;
  readonly channelId: string;
  readonly userId: string;
}

export type AlertButtonHandler = (press: AlertPress) => Promise<string>;

/** Each platform's access-policy keys, by name (what its section of the policy file may have). */
export function policyKeysOf(definitions: readonly PlatformDefinition[]): ReadonlyMap<string, PolicyKeys> {
  return new Map(definitions.map((d) => [d.name, d.policyKeys]));
}

export interface ChatPlatform {
  readonly name: string;
  /** A one-line description for the startup log, e.g. "Slack in HTTP mode at POST /slack/events". */
  readonly description: string;
  /** Scheduled messages into the platform: digests, notices, alerts, recovery notes. */
  readonly senders: PlatformSenders;
  /** Routes on the shared HTTP server (each platform parses its own bodies). */
  mount?(app: Express): void;
  /** Connections of its own (Slack Socket Mode); after mount. */
  start?(): Promise<void>;
  /**
   * Stops taking new requests (shutdown) while the answers under way finish: Slack Socket Mode
   * closes its connection, so Slack sends new envelopes to the other replicas' connections.
   */
  drain?(): Promise<void>;
  /** Why it cannot answer now (not authenticated, not connected), or undefined when it can. */
  readiness?(): string | undefined;
  /** The state of its own connections (Slack Socket Mode), shown by /readyz whether ready or not. */
  connection?(): Readonly<Record<string, string | number>>;
  stop(): Promise<void>;
}
