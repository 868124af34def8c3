/**
 * `kpi schedule tick [--at <ISO time>]`: runs once everything due at that instant (what the
 * server does every minute) and exits; exit code 1 when a delivery failed for good.
 * `kpi alerts check [--at]`, `kpi alerts snooze <sku...> [--hours 24]`, `kpi alerts list`.
 */
import type { Command } from "commander";
import type { BotParts } from "../app/bot-app.js";
import type { ScheduleRuntime } from "../app/scheduling.js";
import { type BotStateDb, createBotStateDb } from "../db/bot-state/bot-state-db.js";
import { UserError } from "../errors.js";
import { SNOOZE_MS } from "../schedule/alert-message.js";
import { listAlertStates, snoozeProducts } from "../schedule/alert-state-store.js";
import type { DeliveryOutcome } from "../schedule/deliver.js";
import { checkLowStock } from "../schedule/low-stock-alerts.js";
import { isAlertCheckDue } from "../schedule/scheduler-loop.js";
import { runTick, type TickReport } from "../schedule/tick.js";
import { parseAtOption } from "./at-option.js";
import type { CliContext } from "./context.js";

/**
 * Runs `work` with the bot assembled as `kpi serve` would (one engine, one bot-state db, the
 * configured platforms' senders, no server), then closes it all so the command exits.
 */
async function withScheduler<T>(
  context: CliContext,
  work: (runtime: ScheduleRuntime, parts: BotParts) => Promise<T>,
): Promise<T> {
  // The engine and the chat SDKs load only when a command sends something, so other kpi commands start fast.
  const { assembleBot } = await import("../app/bot-app.js");
  const parts = await assembleBot(context.config, { log: context.log });
  try {
    return await work(parts.scheduling.runtime(parts.platforms.senders), parts);
  } finally {
    await parts.close();
  }
}

/** Runs `work` on the bot-state db alone (no engine, no platform). */
async function withBotState<T>(context: CliContext, work: (db: BotStateDb) => Promise<T>): Promise<T> {
  const db = createBotStateDb(context.config.databaseUrl, { connectionLimit: 1 });
  try {
    return await work(db);
  } finally {
    await db.destroy().catch(() => undefined);
  }
}

function outcomeLine(o: DeliveryOutcome): string {
  const detail = o.messageId
    ? `message ${o.messageId}`
    : `${o.errorCode ?? ""}${o.nextAttemptAt ? ` next attempt ${o.nextAttemptAt.toISOString()}` : ""}`;
  return `${o.status.padEnd(8)} #${o.subscriptionId} ${o.slot.toISOString()} attempt ${o.attempts} ${detail}`.trimEnd();
}

export function tickSummary(report: TickReport): string[] {
  const count = (status: DeliveryOutcome["status"]) =>
    report.outcomes.filter((o) => o.status === status).length;
  return [
    `Tick at ${report.at.toISOString()}: ${count("sent")} sent, ${count("retrying")} retrying, ${count("failed")} failed, ` +
      `${report.skipped.length} skipped, ${report.claimsLost} claimed by another replica.`,
    ...report.outcomes.map(outcomeLine),
    ...report.skipped.map((s) => `${"skipped".padEnd(8)} #${s.subscriptionId} ${s.slot.toISOString()}`),
  ];
}

export function registerScheduleCommands(program: Command, context: CliContext): void {
  const schedule = program.command("schedule").description("scheduled digests");
  schedule
    .command("tick")
    .description(
      "send, once, every digest due at an instant (slots not yet claimed, inside the catch-up window)",
    )
    .option("--at <time>", "the instant, ISO with zone (default: now), e.g. 2026-11-25T08:00:00Z")
    .action(async (options: { at?: string }) => {
      const at = parseAtOption(options.at);
      await withScheduler(context, async (runtime) => {
        const report = await runTick(at, runtime.tick);
        for (const line of tickSummary(report)) context.out(line);
        if (runtime.alerts && isAlertCheckDue(at, runtime.alertCheckMs)) {
          const alerts = await checkLowStock(at, runtime.alerts);
          context.out(
            `Low-stock check: ${alerts.fired.length} alerted, ${alerts.recovered.length} recovered.`,
          );
        }
        const failed = report.outcomes.filter((o) => o.status === "failed");
        if (failed.length > 0) {
          const codes = [...new Set(failed.map((o) => o.errorCode))].join(", ");
          throw new UserError("deliveries_failed", `${failed.length} delivery(ies) failed (${codes}).`);
        }
      });
    });

  const alerts = program.command("alerts").description("low-stock alerts (ALERT_CHANNEL)");
  alerts
    .command("check")
    .description("run the low-stock check once: alert newly low products, note recovered ones")
    .option("--at <time>", "the instant, ISO with zone (default: now)")
    .action(async (options: { at?: string }) => {
      const at = parseAtOption(options.at);
      await withScheduler(context, async (runtime) => {
        if (!runtime.alerts)
          throw new UserError("alerts_off", "Set ALERT_CHANNEL (e.g. slack:C0123ABC) to turn alerts on.");
        const report = await checkLowStock(at, runtime.alerts);
        context.out(
          `Low-stock check at ${at.toISOString()}: ${report.fired.length} alerted` +
            `${report.alertError ? ` (not posted: ${report.alertError})` : ""}, ${report.recovered.length} recovered.`,
        );
        for (const item of report.fired)
          context.out(`low      ${item.sku} ${item.product} stock ${item.stock}/${item.reorderLevel}`);
        for (const sku of report.recovered) context.out(`recovered ${sku}`);
      });
    });

  alerts
    .command("snooze")
    .description("no low-stock alert for these products until the snooze ends")
    .argument("<skus...>", "product SKUs")
    .option("--hours <hours>", "how long", String(SNOOZE_MS / 3_600_000))
    .option("--at <time>", "from this ISO time (default: now)")
    .action(async (skus: string[], options: { hours: string; at?: string }) => {
      const hours = Number(options.hours);
      if (!(hours > 0 && hours <= 24 * 90))
        throw new UserError("invalid_hours", "--hours must be between 0 and 2160.");
      const at = parseAtOption(options.at);
      const until = new Date(at.getTime() + hours * 3_600_000);
      await withBotState(context, (db) => snoozeProducts(db, skus, until, at));
      context.out(`Snoozed ${skus.join(", ")} until ${until.toISOString()}.`);
    });

  alerts
    .command("list")
    .description("alert state per product")
    .action(async () => {
      for (const s of await withBotState(context, listAlertStates)) {
        const until = s.snoozedUntil ? ` until ${s.snoozedUntil.toISOString()}` : "";
        context.out(`${s.sku} ${s.state}${until} since ${s.since.toISOString()}`);
      }
    });
}
