/** How fresh the reporting data is: the last refresh and the last day covered (v_data_freshness). */
import type { ReportingDb } from "../db/reporting/reporting-views.js";

export interface Freshness {
  readonly lastRefreshAt: string | null;
  readonly lastDay: string | null;
}

export async function loadFreshness(db: ReportingDb): Promise<Freshness> {
  const row = await db
    .selectFrom("v_data_freshness")
    .select(["last_refresh_at", "last_day"])
    .executeTakeFirst();
  return { lastRefreshAt: row?.last_refresh_at ?? null, lastDay: row?.last_day ?? null };
}
