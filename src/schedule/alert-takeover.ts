/**
 * Before a check re-alerts products whose earlier alert may have been posted (its check
 * died between the platform's post and recording it), it looks for that alert by its tag in
 * the target since the post began, as a digest takeover does (deliver.ts). Found: recorded
 * as posted, no second copy. Not found: alerted again. The platform cannot tell (no
 * consent, rate limit, outage): recorded failed, so the next check looks again; never a
 * blind post.
 */
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import type { Logger } from "../log.js";
import type { AlertItem } from "./alert-message.js";
import { recordAlertFailed, recordAlertPosted } from "./alert-state-store.js";
import type { EarlierPost } from "./alert-transitions.js";
import { isDeliveryError } from "./delivery-error.js";
import { checkedResult, LOOKBACK_MARGIN_MS, type Senders, sendersFor } from "./senders.js";
import { storedTarget } from "./target.js";

export interface TakeoverDeps {
  readonly db: BotStateDb;
  readonly senders: Senders;
  readonly replicaId: string;
  readonly log: Logger;
}

export interface Settled {
  /** Products still to alert about (nothing earlier, or the earlier alert is not there). */
  readonly toPost: readonly AlertItem[];
  /** SKUs whose earlier alert was found and recorded. */
  readonly found: readonly string[];
  /** Why some products' earlier alert could not be looked for (they wait for the next check). */
  readonly lookupError?: string;
}

/** Settles the fired products that carry an earlier post; `now` is this check's claim (fired_at). */
export async function settleEarlierPosts(
  fire: readonly AlertItem[],
  earlier: ReadonlyMap<string, EarlierPost>,
  now: Date,
  deps: TakeoverDeps,
): Promise<Settled> {
  const byTag = new Map<string, { post: EarlierPost; skus: string[] }>();
  for (const item of fire) {
    const post = earlier.get(item.sku);
    if (!post) continue;
    const group = byTag.get(post.tag) ?? { post, skus: [] };
    group.skus.push(item.sku);
    byTag.set(post.tag, group);
  }
  const settled = new Set<string>();
  const found: string[] = [];
  let lookupError: string | undefined;
  for (const { post, skus } of byTag.values()) {
    const claim = { skus, firedAt: now, replicaId: deps.replicaId };
    const log = deps.log.child({ alert: post.tag, products: skus.length });
    try {
      const target = storedTarget(post.target);
      const finder = sendersFor(deps.senders, target).sent;
      if (!finder) {
        log.warn(
          "an earlier check may have posted this alert; the platform cannot be checked, posting again",
        );
        continue;
      }
      const since = new Date(post.startedAt.getTime() - LOOKBACK_MARGIN_MS);
      const hit = await finder.findSent(target, post.tag, since);
      if (!hit) continue;
      const { messageId } = checkedResult(hit);
      await recordAlertPosted(deps.db, claim, post.target, messageId, now);
      for (const sku of skus) settled.add(sku);
      found.push(...skus);
      log.info({ messageId }, "low-stock alert found already posted; recorded");
    } catch (error) {
      const code = isDeliveryError(error) ? error.code : "internal_error";
      await recordAlertFailed(deps.db, claim, code, now);
      for (const sku of skus) settled.add(sku);
      lookupError = code;
      log.error(
        { code, err: error },
        "cannot tell whether the earlier alert was posted; next check looks again",
      );
    }
  }
  return {
    toPost: fire.filter((item) => !settled.has(item.sku)),
    found,
    ...(lookupError ? { lookupError } : {}),
  };
}
