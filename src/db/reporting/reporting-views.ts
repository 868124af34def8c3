/**
 * The reporting database as the query code sees it: Kysely typed with the views it may read.
 * The views every part of the query path reads are here; each area adds its own (withViews),
 * so an area's views are typed in its folder. Types only: no driver is loaded from here.
 */
import type { Kysely } from "kysely";

/** Last refresh, first and last day covered, days waiting for a refresh (v_data_freshness). */
export interface DataFreshnessRow {
  last_refresh_at: string | null;
  last_full_refresh_at: string | null;
  first_day: string | null;
  last_day: string | null;
  pending_days: number;
}

/** First and last day with data per fact (v_data_coverage). */
export interface DataCoverageRow {
  fact: string;
  first_day: string | null;
  last_day: string | null;
}

/** The data version, bumped by every refresh (v_data_version; BIGINT, so mysql2 may give a string). */
export interface DataVersionRow {
  data_version: number | string;
}

/** The views every part of the query path may read; each area adds its own (see withViews). */
export interface CoreViews {
  v_data_freshness: DataFreshnessRow;
  v_data_coverage: DataCoverageRow;
  v_data_version: DataVersionRow;
}

export type ReportingDb = Kysely<CoreViews>;

/** The reporting database typed with an area's views as well. */
export type ViewsDb<Views> = Kysely<CoreViews & Views>;

/** The same database handle, typed with an area's views as well (the views are the read-only account's whole world). */
export function withViews<Views>(db: ReportingDb): ViewsDb<Views> {
  return db as unknown as ViewsDb<Views>;
}
