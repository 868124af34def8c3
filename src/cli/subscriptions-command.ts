/**
 * `kpi subscriptions add | list | remove | pause | resume`: digest subscriptions for
 * operators and tests (people use /kpi subscribe in chat).
 */
import type { Command } from "commander";
import { periodSpecToText } from "../answer/query.js";
import { filtersToText } from "../commands/command-text.js";
import { type BotStateDb, createBotStateDb } from "../db/bot-state/bot-state-db.js";
import { nextSlot } from "../schedule/cron.js";
import { describeSchedule, scheduleFromCron } from "../schedule/schedule-phrase.js";
import {
  addSubscription,
  listSubscriptions,
  parseSubscriptionId,
  removeSubscription,
  type Subscription,
  setPaused,
  subscriptionWhat,
} from "../schedule/subscription-store.js";
import { targetToText } from "../schedule/target.js";
import { formatWall } from "../schedule/zone-time.js";
import { parseAtOption } from "./at-option.js";
import type { CliContext } from "./context.js";

interface AddOptions {
  target: string;
  areas: string;
  cron: string;
  tz?: string;
  period?: string;
  filters?: string;
  createdBy?: string;
}

export function nextRunText(subscription: Subscription, now: Date): string {
  if (subscription.paused) return "paused";
  const next = nextSlot(subscription.schedule.cron, subscription.schedule.timeZone, now);
  return next
    ? `${formatWall(next.getTime(), subscription.schedule.timeZone)} ${subscription.schedule.timeZone}`
    : "never";
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

async function withDb<T>(context: CliContext, work: (db: BotStateDb) => Promise<T>): Promise<T> {
  const db = createBotStateDb(context.config.databaseUrl, { connectionLimit: 1 });
  try {
    return await work(db);
  } finally {
    await db.destroy().catch(() => undefined);
  }
}

export function registerSubscriptionsCommand(program: Command, context: CliContext): void {
  const subscriptions = program
    .command("subscriptions")
    .description("digest subscriptions: add, list, remove, pause, resume");

  subscriptions
    .command("add")
    .description("add a digest subscription; prints its id")
    .requiredOption("--target <target>", "slack:<channel id> or teams:<conversation id>")
    .requiredOption("--areas <areas>", "comma-separated areas, e.g. campaigns,orders")
    .requiredOption("--cron <expr>", 'five-field cron expression, e.g. "0 9 * * *"')
    .option("--tz <zone>", "IANA time zone the cron is read in (default: REPORT_TIMEZONE)")
    .option(
      "--period <period>",
      "period of each digest (default by schedule: daily → yesterday, weekly → last-7d)",
    )
    .option("--filters <filters>", 'filters for every area, e.g. "platform=meta"')
    .option("--created-by <who>", "who asked for it", "cli")
    .action(async (options: AddOptions) => {
      const schedule = scheduleFromCron(options.cron, options.tz ?? context.config.reportTimeZone);
      const target = context.config.chat.parseTarget(options.target);
      const added = await withDb(context, (db) =>
        addSubscription(
          db,
          {
            target,
            areas: options.areas,
            schedule,
            period: options.period,
            filters: options.filters,
            createdBy: options.createdBy ?? "cli",
          },
          new Date(),
        ),
      );
      context.log.info(
        { subscription: added.id, schedule: describeSchedule(schedule) },
        "subscription added",
      );
      context.out(String(added.id));
    });

  subscriptions
    .command("list")
    .description("list subscriptions with their next run in their own zone")
    .option("--target <target>", "only this target's")
    .option("--json", "print JSON")
    .option("--at <time>", "compute next runs from this ISO time instead of now")
    .action(async (options: { target?: string; json?: boolean; at?: string }) => {
      const now = parseAtOption(options.at);
      const scope = options.target ? { target: context.config.chat.parseTarget(options.target) } : {};
      const list = await withDb(context, (db) => listSubscriptions(db, scope));
      if (options.json) {
        const next = (s: Subscription) =>
          s.paused ? null : (nextSlot(s.schedule.cron, s.schedule.timeZone, now)?.toISOString() ?? null);
        context.out(
          JSON.stringify(
            list.map((s) => ({
              ...s,
              target: targetToText(s.target),
              period: periodSpecToText(s.period),
              filters: filtersToText(s.filters) || null,
              nextRun: next(s),
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
    });

  subscriptions
    .command("remove")
    .description("remove a subscription and its delivery history")
    .argument("<id>", "subscription id")
    .action(async (id: string) => {
      const removed = await withDb(context, (db) => removeSubscription(db, parseSubscriptionId(id)));
      context.out(
        `Removed subscription ${removed.id} (${removed.areas.join(",")} → ${targetToText(removed.target)}).`,
      );
    });

  for (const [verb, paused] of [
    ["pause", true],
    ["resume", false],
  ] as const) {
    subscriptions
      .command(verb)
      .description(paused ? "pause a subscription" : "resume a paused subscription (slots count from now)")
      .argument("<id>", "subscription id")
      .action(async (id: string) => {
        const s = await withDb(context, (db) => setPaused(db, parseSubscriptionId(id), paused, new Date()));
        context.out(`Subscription ${s.id} ${paused ? "paused" : "resumed"}.`);
      });
  }
}
