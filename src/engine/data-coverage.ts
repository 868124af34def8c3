/** The first and last day with data of each fact the areas read (v_data_coverage). */
import { DATA_FACTS, type DataFact, type DataSpan } from "../answer/coverage.js";
import type { ReportingDb } from "../db/reporting/reporting-views.js";

export type DataSpans = ReadonlyMap<DataFact, DataSpan>;

export async function loadDataSpans(db: ReportingDb): Promise<DataSpans> {
  const rows = await db.selectFrom("v_data_coverage").select(["fact", "first_day", "last_day"]).execute();
  const spans = new Map<DataFact, DataSpan>();
  for (const row of rows) {
    const fact = DATA_FACTS.find((known) => known === row.fact);
    if (fact && row.first_day && row.last_day)
      spans.set(fact, { firstDay: row.first_day, lastDay: row.last_day });
  }
  return spans;
}
