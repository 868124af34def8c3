/** Targets as the registry's platforms read them (`slack:C0123`, `teams:…`), as the CLI and chat do. */
import { loadConfig } from "../../src/config.js";
import type { BotStateDb } from "../../src/db/bot-state/bot-state-db.js";
import { parseScheduleText } from "../../src/schedule/schedule-phrase.js";
import { addSubscription } from "../../src/schedule/subscription-store.js";

export const parseTarget = loadConfig({}).chat.parseTarget;

/** A daily 09:00 UTC digest of `areas` over the last 30 days to `target`, created at `createdAt`. */
export function addDailyDigest(db: BotStateDb, target: string, areas: string, createdAt: Date) {
  return addSubscription(
    db,
    {
      target: parseTarget(target),
      areas,
      schedule: parseScheduleText("daily 09:00 UTC", "UTC"),
      period: "last-30d",
      createdBy: "test",
    },
    createdAt,
  );
}
