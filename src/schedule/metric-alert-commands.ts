/**
 * The chat side of alerts on a KPI, platform-neutral, for the channel they are typed in:
 *
 *   /kpi alert <kpi> <condition> [window] [at HH:MM] [tz=Zone] [filters]    create
 *   /kpi alerts                                                              list
 *   /kpi alert pause|resume|remove <id>
 *
 * Creating one is refused for a KPI whose area the channel may not see (the access policy).
 * A channel sees and changes only its own alerts. Replies are plain text.
 */
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import { UserError } from "../errors.js";
import type { AlertSpec } from "./alert-spec.js";
import { parseAlertWords } from "./alert-words.js";
import { lastAlertDeliveries } from "./delivery-queries.js";
import type { Delivery } from "./delivery-row.js";
import { listMetricStates, type StoredMetricState } from "./metric-alert-state.js";
import {
  addMetricAlert,
  listMetricAlerts,
  type MetricAlert,
  metricAlertText,
  parseAlertId,
  removeMetricAlert,
  setMetricAlertPaused,
} from "./metric-alert-store.js";
import type { Scope } from "./subscription-store.js";
import type { Target } from "./target.js";
import { formatWallInZone } from "./zone-time.js";

export interface AlertCommandContext {
  readonly target: Target;
  readonly userId: string;
  readonly now: Date;
}

export interface AlertCommandDeps {
  readonly db: BotStateDb;
  readonly defaultTimeZone: string;
  /** KPI_ALERT_TIME. */
  readonly defaultTime: string;
  /** The access policy: a refusal when the target may not see the area. */
  readonly refusal?: (area: string, target: Target) => string | undefined;
}

const checkTime = (a: MetricAlert) => {
  const [minute, hour] = a.cron.split(" ");
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")} ${a.timeZone}`;
};

function stateText(state: StoredMetricState | undefined, alert: MetricAlert): string {
  if (alert.paused) return "muted";
  if (!state) return "not checked yet";
  if (state.state === "snoozed" && state.snoozedUntil)
    return `snoozed until ${formatWallInZone(state.snoozedUntil, alert.timeZone)}`;
  const since =
    state.state === "firing" && state.firedAt
      ? ` since ${formatWallInZone(state.firedAt, alert.timeZone)}`
      : "";
  return `${state.state}${since}${state.noDataWindows > 0 ? ` (no data for ${state.noDataWindows} window(s))` : ""}`;
}

function deliveryText(d: Delivery | undefined): string {
  if (!d) return "";
  if (d.status === "failed")
    return ` · last message (${d.event}) FAILED: ${d.errorCode} after ${d.attempts} attempt(s)`;
  if (d.status === "retrying") return ` · last message (${d.event}) retrying: ${d.errorCode}`;
  return ` · last message ${d.event} ${d.status}`;
}

/** One line per alert: `#12 roas < 1 yesterday platform=meta · firing since … · checked daily 08:00 UTC · …`. */
export async function describeAlerts(db: BotStateDb, scope: Scope): Promise<string[]> {
  const [alerts, states, deliveries] = await Promise.all([
    listMetricAlerts(db, scope),
    listMetricStates(db),
    lastAlertDeliveries(db),
  ]);
  return alerts.map(
    (a) =>
      `#${a.id} ${metricAlertText(a.spec)} · ${stateText(states.get(a.id), a)} · checked daily ${checkTime(a)}` +
      `${scope.target ? "" : ` · ${a.target.platform}:${a.target.id}`}${deliveryText(deliveries.get(a.id))}`,
  );
}

/** Creates an alert for the target, checked against the access policy. */
export async function createAlert(
  spec: AlertSpec,
  context: AlertCommandContext,
  deps: AlertCommandDeps,
): Promise<MetricAlert> {
  const created = await addMetricAlert(
    deps.db,
    {
      target: context.target,
      spec,
      createdBy: context.userId,
      defaultTimeZone: deps.defaultTimeZone,
      defaultTime: deps.defaultTime,
    },
    context.now,
  );
  const refused = deps.refusal?.(created.kpi.area, context.target);
  if (refused) {
    await removeMetricAlert(deps.db, created.id);
    throw new UserError("area_refused", refused);
  }
  return created;
}

/** `/kpi alert …` and `/kpi alerts` in a channel; returns the reply. UserErrors are for the asker. */
export async function runAlertCommand(
  verb: "alert" | "alerts",
  args: readonly string[],
  context: AlertCommandContext,
  deps: AlertCommandDeps,
): Promise<string> {
  const scope = { target: context.target };
  if (verb === "alerts") {
    const lines = await describeAlerts(deps.db, scope);
    return lines.length > 0
      ? lines.join("\n")
      : "No alerts in this channel. Add one: /kpi alert roas < 1 platform=meta — /kpi help alerts";
  }
  const [first, ...rest] = args;
  const op = first?.toLowerCase();
  if (op === "pause" || op === "mute" || op === "resume" || op === "unmute") {
    const paused = op === "pause" || op === "mute";
    const alert = await setMetricAlertPaused(deps.db, parseAlertId(rest[0], op), paused, context.now, scope);
    return paused
      ? `Paused alert #${alert.id}: no checks, no messages. Resume with /kpi alert resume ${alert.id}.`
      : `Resumed alert #${alert.id}: checked daily ${checkTime(alert)}.`;
  }
  if (op === "remove" || op === "delete") {
    const alert = await removeMetricAlert(deps.db, parseAlertId(rest[0], "remove"), scope);
    return `Removed alert #${alert.id} (${metricAlertText(alert.spec)}).`;
  }
  const created = await createAlert(parseAlertWords(args), context, deps);
  return (
    `Alert #${created.id}: ${metricAlertText(created.spec)} — checked daily ${checkTime(created)}` +
    `${created.spec.window === "today" ? "" : " and after each data refresh"}. ` +
    `Pause with /kpi alert pause ${created.id}, remove with /kpi alert remove ${created.id}.`
  );
}
