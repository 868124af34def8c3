/**
 * The chat side of subscriptions, platform-neutral: `/kpi subscribe | subscriptions |
 * unsubscribe <id> | pause <id> | resume <id> | status` in a channel, answered with plain
 * text (Slack mrkdwn and Teams markdown both show it). A channel sees and changes only its
 * own subscriptions.
 */
import { periodSpecToText } from "../answer/query.js";
import type { AdminVerb } from "../commands/parse.js";
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import { UserError } from "../errors.js";
import { recentDeliveries } from "./delivery-queries.js";
import type { Delivery } from "./delivery-row.js";
import { runAlertCommand } from "./metric-alert-commands.js";
import { describeSchedule } from "./schedule-phrase.js";
import { parseSubscribeArgs } from "./subscribe-args.js";
import {
  addSubscription,
  listSubscriptions,
  nextRunAt,
  parseSubscriptionId,
  removeSubscription,
  type Subscription,
  setPaused,
  subscriptionWhat,
} from "./subscription-store.js";
import type { Target } from "./target.js";
import { formatWallInZone } from "./zone-time.js";

export interface ScheduleCommandRequest {
  /** The platform's registry name. */
  readonly platform: string;
  /** Slack channel id or Teams conversation id: the subscription's target. */
  readonly channelId: string;
  readonly userId: string;
  readonly now: Date;
}

export interface ScheduleCommandDeps {
  readonly db: BotStateDb;
  /** REPORT_TIMEZONE: the zone of a schedule written without one. */
  readonly defaultTimeZone: string;
  /** The access policy: a refusal when this channel may not receive an area. */
  readonly refusal?: (area: string, channelId: string, platform: string) => string | undefined;
  /** KPI_ALERT_TIME: when an alert without `at` is checked. */
  readonly alertTime: string;
}

function nextRun(s: Subscription, now: Date): string {
  if (s.paused) return "paused";
  const next = nextRunAt(s, now);
  return next ? `next ${formatWallInZone(next, s.schedule.timeZone)}` : "never runs";
}

function describe(s: Subscription): string {
  return `#${s.id} ${subscriptionWhat(s)} · ${describeSchedule(s.schedule)} · ${periodSpecToText(s.period)}`;
}

function deliveryLine(d: Delivery, s: Subscription | undefined): string {
  const slot = s ? formatWallInZone(d.slotAt, s.schedule.timeZone) : d.slotAt.toISOString();
  const detail =
    d.status === "failed"
      ? `failed (${d.errorCode}) after ${d.attempts} attempt(s)`
      : d.status === "retrying"
        ? `retrying (${d.errorCode}), attempt ${d.attempts + 1} at ${d.nextAttemptAt?.toISOString() ?? "?"}`
        : d.status;
  return `#${d.subscriptionId} ${slot} · ${detail}`;
}

function idArg(args: readonly string[], verb: string): number {
  if (!args[0])
    throw new UserError("missing_id", `Which one? /kpi ${verb} <id> — /kpi subscriptions lists the ids.`);
  return parseSubscriptionId(args[0]);
}

/** Runs one subscription command for a channel; returns the reply text. UserErrors are for the asker. */
export async function runScheduleCommand(
  verb: AdminVerb,
  args: readonly string[],
  request: ScheduleCommandRequest,
  deps: ScheduleCommandDeps,
): Promise<string> {
  const target: Target = { platform: request.platform, id: request.channelId };
  const scope = { target };
  switch (verb) {
    case "alert":
    case "alerts":
      return runAlertCommand(
        verb,
        args,
        { target, userId: request.userId, now: request.now },
        {
          db: deps.db,
          defaultTimeZone: deps.defaultTimeZone,
          defaultTime: deps.alertTime,
          ...(deps.refusal ? { refusal: (area, t) => deps.refusal?.(area, t.id, t.platform) } : {}),
        },
      );
    case "subscribe": {
      const input = parseSubscribeArgs(args, {
        target,
        userId: request.userId,
        defaultTimeZone: deps.defaultTimeZone,
      });
      const added = await addSubscription(deps.db, input, request.now);
      const refused = added.areas
        .map((a) => deps.refusal?.(a, request.channelId, request.platform))
        .find(Boolean);
      if (refused) {
        await removeSubscription(deps.db, added.id);
        throw new UserError("area_refused", refused);
      }
      return `Subscribed: ${describe(added)}, ${nextRun(added, request.now)}. Stop with /kpi unsubscribe ${added.id}.`;
    }
    case "subscriptions": {
      const list = await listSubscriptions(deps.db, scope);
      if (list.length === 0)
        return "No subscriptions in this channel. Add one: /kpi subscribe campaigns daily 09:00";
      return list.map((s) => `${describe(s)} · ${nextRun(s, request.now)}`).join("\n");
    }
    case "unsubscribe": {
      const removed = await removeSubscription(deps.db, idArg(args, verb), scope);
      return `Unsubscribed #${removed.id} (${removed.areas.join(", ")}).`;
    }
    case "pause":
    case "resume": {
      const s = await setPaused(deps.db, idArg(args, verb), verb === "pause", request.now, scope);
      return verb === "pause"
        ? `Paused #${s.id}. Resume with /kpi resume ${s.id}.`
        : `Resumed #${s.id}, ${nextRun(s, request.now)}.`;
    }
    case "goal":
    case "goals":
      throw new UserError("chat_only", "Goals are set through the bot's goal commands.");
    case "status": {
      const [deliveries, subscriptions] = await Promise.all([
        recentDeliveries(deps.db, target, 10),
        listSubscriptions(deps.db, scope),
      ]);
      if (deliveries.length === 0) return "No digest deliveries in this channel yet.";
      const byId = new Map(subscriptions.map((s) => [s.id, s]));
      return [
        "Last deliveries here:",
        ...deliveries.map((d) => deliveryLine(d, byId.get(d.subscriptionId))),
      ].join("\n");
    }
  }
}
