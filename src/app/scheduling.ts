/**
 * The scheduler's wiring, for the server and for `kpi schedule tick` / `kpi alerts`: the
 * subscription commands typed in chat, the alert's snooze button, and — once the platforms
 * are open and their senders known — the tick and low-stock dependencies and the minute loop.
 * It uses the process's one engine and one bot-state database; it opens neither.
 */
import type { AlertButtonHandler } from "../bot/chat-platform.js";
import type { ScheduleCommands } from "../bot/chat-request.js";
import type { Config } from "../config.js";
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import type { Engine } from "../engine/engine.js";
import { isUserError } from "../errors.js";
import { runGoalCommand } from "../goals/goal-commands.js";
import { withGoals } from "../goals/goal-progress.js";
import { listGoals } from "../goals/goal-store.js";
import type { Logger } from "../log.js";
import { SNOOZE_MS } from "../schedule/alert-message.js";
import { snoozeProducts } from "../schedule/alert-state-store.js";
import { releaseClaims } from "../schedule/delivery-ledger.js";
import type { DigestOptions } from "../schedule/digest.js";
import { type AlertDeps, checkLowStock } from "../schedule/low-stock-alerts.js";
import { snoozeMetricAlert } from "../schedule/metric-alert-state.js";
import { getMetricAlert, setMetricAlertPaused } from "../schedule/metric-alert-store.js";
import type { MetricAlertDeps } from "../schedule/metric-alerts.js";
import { defaultReplicaId } from "../schedule/replica-id.js";
import type { DeliverySettings } from "../schedule/retry-policy.js";
import { runScheduleCommand } from "../schedule/schedule-commands.js";
import { type SchedulerLoop, startSchedulerLoop } from "../schedule/scheduler-loop.js";
import type { Senders } from "../schedule/senders.js";
import type { Target } from "../schedule/target.js";
import { runTick, type TickDeps } from "../schedule/tick.js";
import { type AccessSubject, deliveryRefusal } from "../security/access-policy.js";

/** The ledger's settings from SCHEDULE_* and DELIVERY_* (and ADMIN_CHANNEL). */
export function deliverySettingsFrom(config: Config["schedule"]): DeliverySettings {
  return {
    catchUpMs: config.catchUpMs,
    staleMs: config.staleMs,
    maxAttempts: config.maxAttempts,
    adminTarget: config.adminChannel,
    ...(config.moverThreshold !== undefined ? { moverThreshold: config.moverThreshold } : {}),
  };
}

export interface SchedulingDeps {
  readonly config: Config;
  readonly engine: Engine;
  readonly db: BotStateDb;
  readonly log: Logger;
  readonly now: () => Date;
}

/** What ticks and alert checks need once the platforms' senders exist. */
export interface ScheduleRuntime {
  readonly tick: TickDeps;
  /** Alerts on a KPI (checked by every tick, and after `kpi db refresh`). */
  readonly kpiAlerts: MetricAlertDeps;
  /** Undefined when ALERT_CHANNEL is not set (alerts off). */
  readonly alerts: AlertDeps | undefined;
  readonly alertCheckMs: number;
}

export interface Scheduling {
  /** This process's name in claims (SCHEDULE_REPLICA_ID, or host:pid:random). */
  readonly replicaId: string;
  /** Subscription commands typed in a channel. */
  readonly commands: ScheduleCommands;
  /** Snoozes products for 24 h (the alert's button); returns the reply for the person who pressed it. */
  snooze(skus: readonly string[]): Promise<string>;
  /** Snooze 24 h or Mute pressed on an alert on a KPI, in its channel. */
  alertButton: AlertButtonHandler;
  runtime(senders: Senders): ScheduleRuntime;
  /** Starts the minute loop (digests due, low-stock checks). */
  startLoop(senders: Senders): void;
  /** Stops the loop and waits for a running tick. */
  stop(): Promise<void>;
  /** Milliseconds since the minute loop last ticked; undefined when it is not running. */
  sinceLastTick(): number | undefined;
  /**
   * Hands this replica's unfinished deliveries to the next tick of any replica at once (shutdown),
   * rather than after the stale-claim window; never throws.
   */
  releaseClaims(): Promise<void>;
}

export function createScheduling(deps: SchedulingDeps): Scheduling {
  const { config, engine, db, log, now } = deps;
  const replicaId = config.schedule.replicaId ?? defaultReplicaId();
  const access = config.chat.access;
  let loop: SchedulerLoop | undefined;
  /** Where a digest goes, for the access policy: the channel, and its group (Teams team) when it has one. */
  const placeOfTarget = async (target: Target): Promise<AccessSubject> => {
    const definition = config.chat.platforms.find((p) => p.definition.name === target.platform)?.definition;
    const teamId = await definition?.targetGroup?.(db, target.id);
    return { platform: target.platform, channelId: target.id, ...(teamId ? { teamId } : {}) };
  };

  const runtime = (senders: Senders): ScheduleRuntime => {
    const base = { db, engine, senders, replicaId, log };
    const goals: DigestOptions["goals"] = async (answer, asOf) =>
      withGoals(answer, await listGoals(db), engine, asOf);
    const alertChannel = config.schedule.alertChannel;
    const settings = deliverySettingsFrom(config.schedule);
    const kpiAlerts: MetricAlertDeps = {
      ...base,
      settings,
      currency: config.currency,
      reminderMs: config.schedule.kpiAlertReminderMs,
      refusal: (area, alert) =>
        deliveryRefusal(access, area, { platform: alert.target.platform, channelId: alert.target.id }),
    };
    return {
      tick: {
        ...base,
        settings,
        concurrency: config.schedule.digestConcurrency,
        goals,
        refusal: async (area, target) => deliveryRefusal(access, area, await placeOfTarget(target)),
        kpiAlerts,
      },
      kpiAlerts,
      alerts: alertChannel
        ? {
            ...base,
            target: alertChannel,
            mention: config.schedule.alertMention,
            timeZone: config.reportTimeZone,
            staleMs: config.schedule.staleMs,
          }
        : undefined,
      alertCheckMs: config.schedule.alertCheckMs,
    };
  };

  return {
    replicaId,
    commands: (verb, args, request) =>
      verb === "goal" || verb === "goals"
        ? runGoalCommand(verb, args, { ...request, now: now() }, { db, currency: config.currency })
        : runScheduleCommand(
            verb,
            args,
            { ...request, now: now() },
            {
              db,
              defaultTimeZone: config.reportTimeZone,
              alertTime: config.schedule.kpiAlertTime,
              refusal: (area, channelId, platform) => deliveryRefusal(access, area, { platform, channelId }),
            },
          ),
    async snooze(skus) {
      if (skus.length === 0) return "Nothing to snooze.";
      const at = now();
      await snoozeProducts(db, skus, new Date(at.getTime() + SNOOZE_MS), at);
      return `Snoozed for 24 h: ${skus.join(", ")}.`;
    },
    async alertButton(press) {
      const at = now();
      const scope = { target: { platform: press.platform, id: press.channelId } };
      try {
        if (press.action === "mute") {
          const alert = await setMetricAlertPaused(db, press.alertId, true, at, scope);
          return `Muted alert #${alert.id}: no checks, no messages until /kpi alert resume ${alert.id}.`;
        }
        const alert = await getMetricAlert(db, press.alertId, scope);
        await snoozeMetricAlert(db, alert.id, new Date(at.getTime() + SNOOZE_MS), at);
        return `Snoozed alert #${alert.id} for 24 h.`;
      } catch (error) {
        if (isUserError(error)) return error.message;
        throw error;
      }
    },
    runtime,
    startLoop(senders) {
      const rt = runtime(senders);
      const alerts = rt.alerts;
      loop = startSchedulerLoop({
        now,
        tick: (at) => runTick(at, rt.tick),
        ...(alerts ? { alertCheck: (at: Date) => checkLowStock(at, alerts) } : {}),
        alertCheckMs: rt.alertCheckMs,
        log,
      });
      log.info({ alerts: alerts !== undefined }, "scheduler running: digests every minute");
    },
    async stop() {
      await loop?.stop();
    },
    sinceLastTick: () => loop?.sinceLastTick(),
    async releaseClaims() {
      try {
        const released = await releaseClaims(db, replicaId, now());
        if (released > 0) log.info({ released }, "unfinished deliveries released to the next tick");
      } catch (error) {
        log.warn({ err: error }, "could not release this replica's claims; they go stale instead");
      }
    },
  };
}
