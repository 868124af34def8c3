/** Wiring the KPI engine from configuration: the query database, the reporting source, the clock. */

import type { EngineDeps } from "../commands/run-command.js";
import type { Config } from "../config.js";
import { createDbReportingSource } from "../db/reporting/db-reporting-source.js";
import { createReportingDb, type ReportingDb } from "../db/reporting/reporting-db.js";

export interface Engine {
  readonly deps: EngineDeps;
  readonly db: ReportingDb;
  close(): Promise<void>;
}

/** The query path uses DATABASE_URL_READONLY when it is set, DATABASE_URL otherwise. */
export function createEngine(config: Config, now: () => Date = () => new Date()): Engine {
  const db = createReportingDb(config.readonlyDatabaseUrl ?? config.databaseUrl, {
    statementTimeoutMs: config.statementTimeoutMs,
  });
  return {
    db,
    deps: { source: createDbReportingSource(db), now, timeZone: config.reportTimeZone },
    close: () => db.destroy(),
  };
}
