/** What `kpi subscriptions add | list | remove | pause | resume` do (loaded only when one runs). */
import { periodSpecToText } from "../answer/query.js";
import { filtersToText } from "../commands/command-text.js";
import { describeSchedule, scheduleFromCron } from "../schedule/schedule-phrase.js";
import {
  addSubscription,
  listSubscriptions,
  nextRunAt,
  nextRunText,
  parseSubscriptionId,
  removeSubscription,
  setPaused,
  subscriptionWhat,
} from "../schedule/subscription-store.js";
import { targetToText } from "../schedule/target.js";
import { parseAtOption } from "./at-option.js";
import type { CliContext } from "./context.js";
import { withBotState } from "./with-bot-state.js";

export interface AddOptions {
  target: string;
  areas: string;
  cron: string;
  tz?: string;
  period?: string;
  filters?: string;
  createdBy?: string;
  quiet?: boolean;
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd(),
  );
}

export async function addAction(context: CliContext, options: AddOptions): Promise<void> {
  const schedule = scheduleFromCron(options.cron, options.tz ?? context.config.reportTimeZone);
  const target = context.config.chat.parseTarget(options.target);
  const added = await withBotState(context, (db) =>
    addSubscription(
      db,
      {
        target,
        areas: options.areas,
        schedule,
        period: options.period,
        filters: options.filters,
        createdBy: options.createdBy ?? "cli",
        ...(options.quiet ? { quiet: true } : {}),
      },
      new Date(),
    ),
  );
  context.log.info({ subscription: added.id, schedule: describeSchedule(schedule) }, "subscription added");
  context.out(String(added.id));
}

export async function listAction(
  context: CliContext,
  options: { target?: string; json?: boolean; at?: string },
): Promise<void> {
  const now = parseAtOption(options.at);
  const scope = options.target ? { target: context.config.chat.parseTarget(options.target) } : {};
  const list = await withBotState(context, (db) => listSubscriptions(db, scope));
  if (options.json) {
    context.out(
      JSON.stringify(
        list.map((s) => ({
          ...s,
          target: targetToText(s.target),
          period: periodSpecToText(s.period),
          filters: filtersToText(s.filters) || null,
          nextRun: nextRunAt(s, now)?.toISOString() ?? null,
        })),
      ),
    );
    return;
  }
  if (list.length === 0) {
    context.out("No subscriptions.");
    return;
  }
  const header = ["id", "target", "areas", "period", "schedule", "next run"];
  const rows = list.map((s) => [
    String(s.id),
    targetToText(s.target),
    subscriptionWhat(s, ","),
    periodSpecToText(s.period),
    describeSchedule(s.schedule),
    nextRunText(s, now),
  ]);
  for (const line of table([header, ...rows])) context.out(line);
}

export async function removeAction(context: CliContext, id: string): Promise<void> {
  const removed = await withBotState(context, (db) => removeSubscription(db, parseSubscriptionId(id)));
  context.out(
    `Removed subscription ${removed.id} (${removed.areas.join(",")} → ${targetToText(removed.target)}).`,
  );
}

export async function pauseAction(context: CliContext, id: string, paused: boolean): Promise<void> {
  const s = await withBotState(context, (db) => setPaused(db, parseSubscriptionId(id), paused, new Date()));
  context.out(`Subscription ${s.id} ${paused ? "paused" : "resumed"}.`);
}
