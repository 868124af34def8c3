/**
 * Shared pieces of the scheduler tests: a recording fake of the chat platform at the
 * sender seam (the process edge: everything behind it is the real scheduler, ledger,
 * engine and MariaDB), and tick dependencies over a test database.
 */

import { type BotStateDb, createBotStateDb } from "../../src/db/bot-state/bot-state-db.js";
import type { Engine } from "../../src/engine/engine.js";
import { createLogger } from "../../src/log.js";
import type { LowStockAlert, RecoveryNote } from "../../src/schedule/alert-message.js";
import { nextSlot } from "../../src/schedule/cron.js";
import type { Digest } from "../../src/schedule/digest.js";
import type { MetricAlertMessage } from "../../src/schedule/metric-alert-message.js";
import type { DeliverySettings } from "../../src/schedule/retry-policy.js";
import type { AlertSender, DigestSender, Senders, SendResult } from "../../src/schedule/senders.js";
import { type Target, targetToText } from "../../src/schedule/target.js";
import type { TickDeps } from "../../src/schedule/tick.js";
import { testEngine } from "../helpers/test-engine.js";

export const silentLog = createLogger("silent");

export interface SentDigest {
  readonly target: string;
  readonly subscriptionId: number;
  readonly slot: string;
  readonly digest: Digest;
  readonly messageId: string;
}

/** What the fake platform does with one digest send: accept (undefined) or throw. */
export type SendScript = (call: number, digest: Digest) => void | Promise<void>;

export class RecordingSender implements DigestSender, AlertSender {
  readonly digests: SentDigest[] = [];
  readonly notices: { target: string; text: string }[] = [];
  readonly alerts: { target: string; alert: LowStockAlert; messageId: string }[] = [];
  readonly recoveries: { target: string; threadId: string; note: RecoveryNote }[] = [];
  readonly metricAlerts: { target: string; message: MetricAlertMessage; messageId: string }[] = [];
  metricCalls = 0;
  metricScript: ((call: number) => void) | undefined;
  digestCalls = 0;
  alertCalls = 0;
  script: SendScript | undefined;
  alertScript: ((call: number) => void) | undefined;
  private counter = 0;

  private nextId(): string {
    this.counter += 1;
    return `1764057600.${String(this.counter).padStart(6, "0")}`;
  }

  async send(target: Target, digest: Digest): Promise<SendResult> {
    this.digestCalls += 1;
    await this.script?.(this.digestCalls, digest);
    const messageId = this.nextId();
    this.digests.push({
      target: targetToText(target),
      subscriptionId: digest.subscription.id,
      slot: digest.slot.toISOString(),
      digest,
      messageId,
    });
    return { messageId };
  }

  async sendNotice(target: Target, text: string): Promise<SendResult> {
    this.notices.push({ target: targetToText(target), text });
    return { messageId: this.nextId() };
  }

  async sendAlert(target: Target, alert: LowStockAlert): Promise<SendResult> {
    this.alertCalls += 1;
    this.alertScript?.(this.alertCalls);
    const messageId = this.nextId();
    this.alerts.push({ target: targetToText(target), alert, messageId });
    return { messageId };
  }

  async sendRecovery(target: Target, threadId: string, note: RecoveryNote): Promise<SendResult> {
    this.recoveries.push({ target: targetToText(target), threadId, note });
    return { messageId: this.nextId() };
  }

  async sendMetricAlert(target: Target, message: MetricAlertMessage): Promise<SendResult> {
    this.metricCalls += 1;
    this.metricScript?.(this.metricCalls);
    const messageId = this.nextId();
    this.metricAlerts.push({ target: targetToText(target), message, messageId });
    return { messageId };
  }

  asSenders(): Senders {
    return { slack: { digests: this, alerts: this }, teams: { digests: this, alerts: this } };
  }
}

export const SETTINGS: DeliverySettings = {
  catchUpMs: 6 * 3_600_000,
  staleMs: 10 * 60_000,
  maxAttempts: 5,
  adminTarget: undefined,
};

/** An engine and a bot-state db on one test database, each with its own connections (one scheduler replica). */
export interface Runner {
  readonly db: BotStateDb;
  readonly engine: Engine;
  deps(senders: Senders, replicaId: string, settings?: Partial<DeliverySettings>): TickDeps;
  close(): Promise<void>;
}

export function openRunner(url: string): Runner {
  const db = createBotStateDb(url);
  const engine = testEngine(url, "2026-11-26", { maxConcurrentQueries: 2 });
  return {
    db,
    engine,
    deps: (senders, replicaId, settings = {}) => ({
      db,
      engine,
      senders,
      replicaId,
      log: silentLog,
      settings: { ...SETTINGS, ...settings },
    }),
    async close() {
      await db.destroy().catch(() => undefined);
      await engine.close().catch(() => undefined);
    },
  };
}

export const minutes = (n: number) => n * 60_000;
export const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

/**
 * A daily slot a few minutes ahead, and its cron: subscriptions made now are active before it
 * however slow the machine (a slot before a subscription's creation is never due), and posts
 * made now fall within a takeover's lookup (5 minutes before the slot the ledger records).
 */
export function dailySlotAhead(): { slot: Date; cron: string } {
  const slot = nextSlot("* * * * *", "UTC", new Date(Date.now() + minutes(2))) as Date;
  return { slot, cron: `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *` };
}
