/**
 * Wiring the scheduler from configuration, for `kpi schedule tick`, `kpi alerts` and the
 * server: the bot-state db (the caller's, owner account), the reporting source, the
 * senders, and the settings. `close()` ends the engine; the caller closes the db.
 */
import { createEngine } from "../app/engine.js";
import type { Config } from "../config.js";
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import type { Logger } from "../log.js";
import { deliveryRefusal } from "../security/access-policy.js";
import type { AlertDeps } from "./low-stock-alerts.js";
import { defaultReplicaId } from "./replica-id.js";
import { deliverySettingsFrom } from "./retry-policy.js";
import type { Senders } from "./senders.js";
import { parseTarget } from "./target.js";
import type { TickDeps } from "./tick.js";

export interface ScheduleRuntime {
  readonly tick: TickDeps;
  /** Undefined when ALERT_CHANNEL is not set (alerts off). */
  readonly alerts: AlertDeps | undefined;
  readonly alertCheckMs: number;
  close(): Promise<void>;
}

/** `senders`: the platforms' (src/app/platform-senders.ts); `db`: the process's bot-state db. */
export function createScheduleRuntime(
  config: Config,
  log: Logger,
  senders: Senders,
  db: BotStateDb,
): ScheduleRuntime {
  const engine = createEngine(config, undefined, { botState: db });
  const replicaId = config.schedule.replicaId ?? defaultReplicaId();
  const base = { db, source: engine.deps.source, senders, replicaId, log };
  const alertChannel = config.schedule.alertChannel;
  return {
    tick: {
      ...base,
      settings: deliverySettingsFrom(config.schedule),
      refusal: (area, target) =>
        deliveryRefusal(config.chat.access, area, { platform: target.platform, channelId: target.id }),
    },
    alerts: alertChannel
      ? {
          ...base,
          target: parseTarget(alertChannel),
          mention: config.schedule.alertMention,
          timeZone: config.reportTimeZone,
          staleMs: config.schedule.staleMs,
        }
      : undefined,
    alertCheckMs: config.schedule.alertCheckMs,
    async close() {
      await engine.close();
    },
  };
}
