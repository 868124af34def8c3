/**
 * The scheduler inside the bot server: the platforms' senders, the runtime (ledger
 * settings, on the server's bot-state db), the minute loop (digests due, low-stock checks),
 * and the chat side — subscription commands typed in a channel and the alert's snooze button.
 */
import type { ScheduleCommands } from "../bot/chat-request.js";
import type { TeamsChannel } from "../bot/teams/teams-channel.js";
import type { ChartRenderer } from "../charts/chart-renderer.js";
import type { Config } from "../config.js";
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import type { Logger } from "../log.js";
import { SNOOZE_MS } from "../schedule/alert-message.js";
import { snoozeProducts } from "../schedule/alert-state-store.js";
import { checkLowStock } from "../schedule/low-stock-alerts.js";
import { runScheduleCommand } from "../schedule/schedule-commands.js";
import { createScheduleRuntime, type ScheduleRuntime } from "../schedule/schedule-runtime.js";
import { type SchedulerLoop, startSchedulerLoop } from "../schedule/scheduler-loop.js";
import { runTick } from "../schedule/tick.js";
import { deliveryRefusal } from "../security/access-policy.js";
import { openPlatformSenders, type PlatformSendersHandle } from "./platform-senders.js";

export interface BotScheduling {
  readonly commands: ScheduleCommands;
  /** Snoozes products for 24 h (the alert's button); returns the reply for the person who pressed it. */
  snooze(skus: readonly string[]): Promise<string>;
  /**
   * Opens the runtime and starts the minute loop (once the channels exist: Teams sends
   * through its adapter). `loop: false` opens the runtime only (chat commands, tests).
   */
  start(teams: TeamsChannel | undefined, options?: { readonly loop?: boolean }): void;
  stop(): Promise<void>;
}

/** `charts`, `botState`: the server's renderer (digest charts) and bot-state db; the server closes both. */
export function createBotScheduling(
  config: Config,
  log: Logger,
  now: () => Date,
  charts: ChartRenderer,
  botState: BotStateDb,
): BotScheduling {
  let runtime: ScheduleRuntime | undefined;
  let platforms: PlatformSendersHandle | undefined;
  let loop: SchedulerLoop | undefined;
  const started = (): ScheduleRuntime => {
    if (!runtime) throw new Error("the scheduler has not started");
    return runtime;
  };
  return {
    commands: (verb, args, request) =>
      runScheduleCommand(
        verb,
        args,
        { ...request, now: now() },
        {
          db: started().tick.db,
          defaultTimeZone: config.reportTimeZone,
          refusal: (area, channelId, platform) =>
            deliveryRefusal(config.chat.access, area, { platform, channelId }),
        },
      ),
    async snooze(skus) {
      if (skus.length === 0) return "Nothing to snooze.";
      const at = now();
      await snoozeProducts(started().tick.db, skus, new Date(at.getTime() + SNOOZE_MS), at);
      return `Snoozed for 24 h: ${skus.join(", ")}.`;
    },
    start(teams, options = {}) {
      platforms = openPlatformSenders(config, log, charts, botState, teams);
      const rt = createScheduleRuntime(config, log, platforms.senders, botState);
      runtime = rt;
      const alerts = rt.alerts;
      if (options.loop === false) return;
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
      await runtime?.close();
      await platforms?.close();
    },
  };
}
