/**
 * The low-stock check (every ALERT_CHECK_MINUTES): read the low-stock list, decide the
 * state changes with every state row locked (alert-transitions.ts), commit, then post —
 * one alert listing every product that went low, and one recovery note per product back
 * above its level, in its alert's thread. Running it on several replicas at once, or
 * more often than planned, never pings twice. The alert's tag is recorded before it is
 * posted; a check that takes over products whose alert may have been posted looks for it
 * first (alert-takeover.ts), so a crash between the post and its record never pings twice.
 */
import { loadLowStock } from "../areas/stock/stock-query.js";
import { todayInZone } from "../calendar/calendar.js";
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import type { Engine } from "../engine/engine.js";
import type { Logger } from "../log.js";
import { type AlertItem, alertItem, lowStockAlert, recoveryNote } from "./alert-message.js";
import {
  type AlertClaim,
  ensureAlertRows,
  markFiring,
  markPosting,
  markRecovered,
  recordAlertFailed,
  recordAlertPosted,
  withLockedStates,
} from "./alert-state-store.js";
import { settleEarlierPosts } from "./alert-takeover.js";
import { decideAlerts, type EarlierPost, earlierPost } from "./alert-transitions.js";
import { isDeliveryError } from "./delivery-error.js";
import { checkedResult, deliveryTag, type Senders, sendersFor } from "./senders.js";
import { storedTarget, type Target, targetToText } from "./target.js";

export interface AlertDeps {
  readonly db: BotStateDb;
  /** The engine: the low-stock list is read under its query cap. */
  readonly engine: Pick<Engine, "read">;
  readonly senders: Senders;
  /** ALERT_CHANNEL. */
  readonly target: Target;
  /** ALERT_MENTION. */
  readonly mention: string | undefined;
  /** The report zone: which day's 30-day sales rate the days of cover use. */
  readonly timeZone: string;
  /** A claimed alert not posted after this long is claimed again. */
  readonly staleMs: number;
  readonly replicaId: string;
  readonly log: Logger;
  /** Test seam: runs while this check holds the state locks. */
  readonly afterLock?: () => Promise<void>;
}

export interface AlertCheckReport {
  /** Products this check alerted about (in one message), lowest cover first. */
  readonly fired: readonly AlertItem[];
  readonly alertMessageId?: string;
  readonly alertError?: string;
  /** SKUs whose alert an earlier check posted but never recorded: found and recorded now. */
  readonly found: readonly string[];
  /** SKUs that got a recovery note. */
  readonly recovered: readonly string[];
}

interface Recovery {
  readonly sku: string;
  readonly product: string;
  readonly target: string | null;
  readonly threadId: string | null;
}

export async function checkLowStock(now: Date, deps: AlertDeps): Promise<AlertCheckReport> {
  const { db, replicaId } = deps;
  const day = todayInZone(now, deps.timeZone);
  const low = (await deps.engine.read((db) => loadLowStock(db, day, {}))).map(alertItem);
  await ensureAlertRows(db, low, now);
  const { fire, earlier, recoveries } = await withLockedStates(
    db,
    async (states, trx) => {
      const decided = decideAlerts(states, low, now, deps.staleMs);
      const bySku = new Map(states.map((s) => [s.sku, s]));
      const earlier = new Map<string, EarlierPost>();
      for (const item of decided.fire) {
        const post = earlierPost(bySku.get(item.sku));
        if (post) earlier.set(item.sku, post);
        await markFiring(trx, item, replicaId, now, post !== undefined);
      }
      const recoveries: Recovery[] = [];
      for (const { state, next } of decided.recover) {
        await markRecovered(trx, state.sku, next, now);
        recoveries.push({
          sku: state.sku,
          product: state.productName,
          target: state.alertTarget,
          threadId: state.alertMessageId,
        });
      }
      return { fire: decided.fire, earlier, recoveries };
    },
    deps.afterLock,
  );

  const report: { -readonly [K in keyof AlertCheckReport]: AlertCheckReport[K] } = {
    fired: [],
    found: [],
    recovered: [],
  };
  const settled = await settleEarlierPosts(fire, earlier, now, deps);
  report.found = settled.found;
  if (settled.lookupError) report.alertError = settled.lookupError;
  if (settled.toPost.length > 0) {
    const claim: AlertClaim = { skus: settled.toPost.map((i) => i.sku), firedAt: now, replicaId };
    const alert = lowStockAlert(settled.toPost, deps.mention, now);
    const target = targetToText(deps.target);
    report.fired = alert.items;
    try {
      const tag = deliveryTag("alert", now.toISOString());
      if ((await markPosting(db, claim, target, tag, now)) < claim.skus.length) {
        deps.log.warn(
          { products: claim.skus.length },
          "another check took these products over before the post",
        );
      } else {
        const sender = sendersFor(deps.senders, deps.target).alerts;
        const { messageId } = checkedResult(await sender.sendAlert(deps.target, alert, tag));
        await recordAlertPosted(db, claim, target, messageId, now);
        report.alertMessageId = messageId;
        deps.log.info({ products: claim.skus.length, messageId }, "low-stock alert posted");
      }
    } catch (error) {
      const code = isDeliveryError(error) ? error.code : "internal_error";
      await recordAlertFailed(db, claim, code, now);
      report.alertError = code;
      deps.log.error(
        { code, products: claim.skus.length, err: error },
        "low-stock alert not posted; next check retries",
      );
    }
  }
  const recovered: string[] = [];
  for (const r of recoveries) {
    if (!r.threadId || !r.target) continue;
    try {
      const target = storedTarget(r.target);
      const sender = sendersFor(deps.senders, target).alerts;
      const tag = deliveryTag("recovery", `${r.sku}@${now.toISOString()}`);
      checkedResult(await sender.sendRecovery(target, r.threadId, recoveryNote(r.sku, r.product), tag));
      recovered.push(r.sku);
    } catch (error) {
      deps.log.warn({ sku: r.sku, err: error }, "recovery note not posted");
    }
  }
  report.recovered = recovered;
  return report;
}
