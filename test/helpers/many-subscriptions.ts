/**
 * Many subscriptions at once (fan-out tests and the bench): one per kind through the real
 * store (addSubscription: parsed and checked), then copies of those rows into other targets
 * with INSERT … SELECT, 200 per statement — a row per commit takes minutes on a busy server.
 * Subscription i is kind i % kinds.length, in target targetOf(i).
 */
import { sql } from "kysely";
import type { BotStateDb } from "../../src/db/bot-state/bot-state-db.js";
import { addSubscription, type NewSubscription } from "../../src/schedule/subscription-store.js";
import { type Target, targetToText } from "../../src/schedule/target.js";

const CHUNK = 200;

export async function addManySubscriptions(
  db: BotStateDb,
  kinds: readonly Omit<NewSubscription, "target">[],
  count: number,
  targetOf: (i: number) => Target,
  now: Date,
): Promise<number[]> {
  const templates: number[] = [];
  for (const [i, kind] of kinds.slice(0, count).entries()) {
    templates.push((await addSubscription(db, { ...kind, target: targetOf(i) }, now)).id);
  }
  const columns = (
    await sql<{ name: string }>`SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'bot_subscriptions'
        AND COLUMN_NAME NOT IN ('subscription_id', 'target') ORDER BY ORDINAL_POSITION`.execute(db)
  ).rows.map((r) => r.name);
  const copied = columns.map((c) => sql.ref(`t.${c}`));
  for (let start = templates.length; start < count; start += CHUNK) {
    const copies = Array.from({ length: Math.min(CHUNK, count - start) }, (_, k) => start + k);
    const rows = copies.map(
      (i) =>
        sql`SELECT ${targetToText(targetOf(i))} AS target, ${templates[i % templates.length]} AS template, ${i} AS ord`,
    );
    await sql`INSERT INTO bot_subscriptions (target, ${sql.join(columns.map((c) => sql.ref(c)))})
      SELECT x.target, ${sql.join(copied)}
      FROM (${sql.join(rows, sql` UNION ALL `)}) x
      JOIN bot_subscriptions t ON t.subscription_id = x.template
      ORDER BY x.ord`.execute(db);
  }
  const ids = await db
    .selectFrom("bot_subscriptions")
    .select("subscription_id")
    .where("created_by", "=", kinds[0]?.createdBy ?? "")
    .orderBy("subscription_id")
    .execute();
  return ids.map((r) => Number(r.subscription_id));
}
