/** What `kpi schedule tick` and `kpi alerts …` do (loaded only when one runs). */
import type { BotParts } from "../app/bot-app.js";
import type { ScheduleRuntime } from "../app/scheduling.js";
import { UserError } from "../errors.js";
import { listAlertStates, snoozeProducts } from "../schedule/alert-state-store.js";
import type { DeliveryOutcome } from "../schedule/deliver.js";
import { checkLowStock } from "../schedule/low-stock-alerts.js";
import { isAlertCheckDue } from "../schedule/scheduler-loop.js";
import { runTick, type TickReport } from "../schedule/tick.js";
import type { CliContext } from "./context.js";
import { withBotState } from "./with-bot-state.js";

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

/** Sends, once, everything due at `at`; a delivery failed for good is an error (exit 1). */
export async function tickAction(context: CliContext, at: Date): Promise<void> {
  await withScheduler(context, async (runtime) => {
    const report = await runTick(at, runtime.tick);
    for (const line of tickSummary(report)) context.out(line);
    if (runtime.alerts && isAlertCheckDue(at, runtime.alertCheckMs)) {
      const alerts = await checkLowStock(at, runtime.alerts);
      context.out(`Low-stock check: ${alerts.fired.length} alerted, ${alerts.recovered.length} recovered.`);
    }
    const failed = report.outcomes.filter((o) => o.status === "failed");
    if (failed.length > 0) {
      const codes = [...new Set(failed.map((o) => o.errorCode))].join(", ");
      throw new UserError("deliveries_failed", `${failed.length} delivery(ies) failed (${codes}).`);
    }
  });
}

export async function alertCheckAction(context: CliContext, at: Date): Promise<void> {
  await withScheduler(context, async (runtime) => {
    if (!runtime.alerts)
      throw new UserError("alerts_off", "Set ALERT_CHANNEL (e.g. slack:C0123ABC) to turn alerts on.");
    const report = await checkLowStock(at, runtime.alerts);
    context.out(
      `Low-stock check at ${at.toISOString()}: ${report.fired.length} alerted` +
        `${report.alertError ? ` (not posted: ${report.alertError})` : ""}, ` +
        `${report.found.length} found already posted, ${report.recovered.length} recovered.`,
    );
    for (const item of report.fired)
      context.out(`low      ${item.sku} ${item.product} stock ${item.stock}/${item.reorderLevel}`);
    for (const sku of report.recovered) context.out(`recovered ${sku}`);
  });
}

export async function snoozeAction(context: CliContext, skus: readonly string[], until: Date, at: Date) {
  await withBotState(context, (db) => snoozeProducts(db, skus, until, at));
  context.out(`Snoozed ${skus.join(", ")} until ${until.toISOString()}.`);
}

export async function alertListAction(context: CliContext): Promise<void> {
  for (const s of await withBotState(context, listAlertStates)) {
    const until = s.snoozedUntil ? ` until ${s.snoozedUntil.toISOString()}` : "";
    context.out(`${s.sku} ${s.state}${until} since ${s.since.toISOString()}`);
  }
}
