/** What `kpi schedule tick` and `kpi alerts …` do (loaded only when one runs). */
import type { BotParts } from "../app/bot-app.js";
import type { ScheduleRuntime } from "../app/scheduling.js";
import type { DateRange } from "../areas/area-module.js";
import { UserError } from "../errors.js";
import { listAlertStates, snoozeProducts } from "../schedule/alert-state-store.js";
import { parseAlertText } from "../schedule/alert-words.js";
import type { DeliveryOutcome } from "../schedule/deliver.js";
import { checkLowStock } from "../schedule/low-stock-alerts.js";
import { createAlert, describeAlerts } from "../schedule/metric-alert-commands.js";
import {
  listMetricAlerts,
  parseAlertId,
  removeMetricAlert,
  setMetricAlertPaused,
} from "../schedule/metric-alert-store.js";
import { checkMetricAlerts, type MetricAlertReport } from "../schedule/metric-alerts.js";
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
    const kpiAlerts = report.kpiAlerts;
    if (kpiAlerts && (kpiAlerts.checked > 0 || kpiAlerts.outcomes.length > 0))
      context.out(kpiAlertSummary(kpiAlerts));
    if (runtime.alerts && isAlertCheckDue(at, runtime.alertCheckMs)) {
      const alerts = await checkLowStock(at, runtime.alerts);
      context.out(`Low-stock check: ${alerts.fired.length} alerted, ${alerts.recovered.length} recovered.`);
    }
    const failed = [...report.outcomes, ...(report.kpiAlerts?.outcomes ?? [])].filter(
      (o) => o.status === "failed",
    );
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

/** Every alert on a KPI (state, check time, target, its last message: failures show), then the low-stock states. */
export async function alertListAction(context: CliContext): Promise<void> {
  const [kpiAlerts, stock] = await withBotState(context, (db) =>
    Promise.all([describeAlerts(db, {}), listAlertStates(db)]),
  );
  for (const line of kpiAlerts) context.out(line);
  for (const s of stock) {
    const until = s.snoozedUntil ? ` until ${s.snoozedUntil.toISOString()}` : "";
    context.out(`${s.sku} ${s.state}${until} since ${s.since.toISOString()}`);
  }
}

/** `kpi alerts add "<alert>" --target slack:C123`: the same words as /kpi alert in chat. */
export async function alertAddAction(context: CliContext, text: string, target: string): Promise<void> {
  const { config } = context;
  const created = await withBotState(context, (db) =>
    createAlert(
      parseAlertText(text),
      { target: config.chat.parseTarget(target), userId: "cli", now: new Date() },
      {
        db,
        defaultTimeZone: config.reportTimeZone,
        defaultTime: config.schedule.kpiAlertTime,
      },
    ),
  );
  context.out(String(created.id));
}

/** `kpi alerts pause|resume|remove <id>`. */
export async function alertChangeAction(
  context: CliContext,
  op: "pause" | "resume" | "remove",
  id: string,
): Promise<void> {
  const alertId = parseAlertId(id, op);
  const now = new Date();
  await withBotState(context, (db) =>
    op === "remove" ? removeMetricAlert(db, alertId) : setMetricAlertPaused(db, alertId, op === "pause", now),
  );
  context.out(`${op === "remove" ? "Removed" : op === "pause" ? "Paused" : "Resumed"} alert #${alertId}.`);
}

/** After `kpi db refresh`: checks the alerts whose windows have days the refresh recomputed. */
export async function alertsAfterRefresh(
  context: CliContext,
  changed: DateRange | "all",
  at: Date,
): Promise<void> {
  const any = await withBotState(context, async (db) => (await listMetricAlerts(db)).some((a) => !a.paused));
  if (!any) return;
  await withScheduler(context, async (runtime) => {
    const report = await checkMetricAlerts(at, { kind: "refresh", changed }, runtime.kpiAlerts);
    context.out(kpiAlertSummary(report));
  });
}

export function kpiAlertSummary(report: MetricAlertReport): string {
  const count = (status: DeliveryOutcome["status"]) =>
    report.outcomes.filter((o) => o.status === status).length;
  return (
    `Alerts: ${report.checked} checked in ${report.groups} group(s) with ${report.queries} quer${report.queries === 1 ? "y" : "ies"}, ` +
    `${report.events.length} message(s) decided (${report.events.map((e) => `#${e.alertId} ${e.event}`).join(", ") || "none"}): ` +
    `${count("sent")} sent, ${count("retrying")} retrying, ${count("failed")} failed.`
  );
}
