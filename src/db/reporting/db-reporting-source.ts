/**
 * The ReportingSource over the reporting views. Every call maps "cannot answer now"
 * failures (down, unreachable, timed out) to DataSourceUnavailableError; filter values are
 * cached for a few minutes (they change when campaigns or products are added).
 */
import type { FilterOption, Freshness } from "../../areas/area-data.js";
import type { ReportingSource } from "../../areas/reporting-source.js";
import type { FilterKey } from "../../commands/areas.js";
import { loadAdData } from "./ad-query.js";
import { loadAdStructureData } from "./ad-structure-query.js";
import { loadFilterOptions } from "./filter-values.js";
import { loadOrdersData } from "./orders-query.js";
import { loadLowStock, loadProductsData } from "./products-query.js";
import { guardAvailability, type ReportingDb } from "./reporting-db.js";
import { loadTrafficData } from "./traffic-query.js";
import { loadUsersData } from "./users-query.js";

export const FILTER_CACHE_MS = 5 * 60_000;

export interface DbReportingSourceOptions {
  /** Milliseconds clock for the filter cache (injected; defaults to the process clock). */
  readonly nowMs?: () => number;
}

export function createDbReportingSource(
  db: ReportingDb,
  options: DbReportingSourceOptions = {},
): ReportingSource {
  const nowMs = options.nowMs ?? (() => performance.now());
  const cache = new Map<FilterKey, { at: number; options: readonly FilterOption[] }>();
  const guard =
    <A extends unknown[], T>(load: (db: ReportingDb, ...args: A) => Promise<T>) =>
    (...args: A): Promise<T> =>
      guardAvailability(() => load(db, ...args));

  return {
    async filterOptions(key) {
      const hit = cache.get(key);
      if (hit && nowMs() - hit.at < FILTER_CACHE_MS) return hit.options;
      const fresh = await guardAvailability(() => loadFilterOptions(db, key));
      cache.set(key, { at: nowMs(), options: fresh });
      return fresh;
    },
    adData: guard(loadAdData),
    adStructure: guard(loadAdStructureData),
    orders: guard(loadOrdersData),
    users: guard(loadUsersData),
    products: guard(loadProductsData),
    lowStock: guard(loadLowStock),
    traffic: guard(loadTrafficData),
    freshness: () =>
      guardAvailability(async (): Promise<Freshness> => {
        const row = await db
          .selectFrom("v_data_freshness")
          .select(["last_refresh_at", "last_day"])
          .executeTakeFirst();
        return { lastRefreshAt: row?.last_refresh_at ?? null, lastDay: row?.last_day ?? null };
      }),
  };
}
