/**
 * The answer cache: an answer depends only on (query, data version, report zone, as-of day),
 * so within one data version identical questions (a button pressed again, 200 digests asking
 * the same thing) are computed once per process and then served from memory. The data
 * version (v_data_version, bumped by the statement that records a finished refresh) is read
 * before each answer — one primary-key lookup — so a refresh makes the next answer fresh at
 * once, on every replica; seeing a newer version forgets everything kept.
 *
 * What is kept is only what those four inputs decide: the Answer and the KPI histories movers
 * read. Goals' progress (bot_goals), the access policy (checked before asking), the currency
 * and the freshness line ("refreshed … ago") are added after, outside the cache. Areas whose
 * figures are read live from the base tables (`live`: stock on hand, ad status) are not kept.
 *
 * A computation is kept only when the version read after it equals the one read before, so
 * an answer that overlapped a finished refresh is served once and not kept.
 */
import type { Query } from "../answer/query.js";
import { type Area, areaModule } from "../areas/registry.js";
import {
  BoundedCache,
  type CacheBounds,
  type CacheStats,
  jsonBytes,
  stableKey,
} from "../cache/bounded-cache.js";
import { todayInZone } from "../calendar/calendar.js";

/** 500 answers or 32 MB (UTF-16 JSON size): a typical answer is 5–40 KB. */
export const ANSWER_CACHE_BOUNDS: CacheBounds = { maxEntries: 500, maxBytes: 32 * 1024 * 1024 };

export interface AnswerCacheOptions {
  /** The current data version, or undefined when it cannot be read (then nothing is cached). */
  readonly readVersion: () => Promise<string | undefined>;
  /** Called when a newer data version is seen, the first included (the engine forgets its filter values and coverage). */
  readonly onNewVersion?: () => void;
  readonly bounds?: CacheBounds;
}

export interface AsOfDay {
  readonly now: Date;
  readonly timeZone: string;
}

export interface AnswerCache {
  /** The value `compute` gives for (kind, query, extra) as of the day: kept for the data version, or computed once. */
  get<T>(
    kind: "answer" | "history",
    query: Query<Area>,
    asOf: AsOfDay,
    compute: () => Promise<T>,
    extra?: unknown,
  ): Promise<T>;
  stats(): CacheStats;
}

/** Freezes a value and everything in it: a kept answer is shared by every asker, so nobody may change it. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  if (value instanceof Map) {
    for (const item of value.values()) deepFreeze(item);
    return value;
  }
  for (const item of Object.values(value)) deepFreeze(item);
  return Object.freeze(value);
}

export function createAnswerCache(options: AnswerCacheOptions): AnswerCache {
  const cache = new BoundedCache<unknown>(options.bounds ?? ANSWER_CACHE_BOUNDS);
  let newest: bigint | undefined;
  const see = (version: string) => {
    const seen = BigInt(version);
    if (newest !== undefined && seen <= newest) return;
    // The first version seen too: what the engine looked up before it may be older.
    newest = seen;
    cache.clear();
    options.onNewVersion?.();
  };
  return {
    async get<T>(
      kind: "answer" | "history",
      query: Query<Area>,
      asOf: AsOfDay,
      compute: () => Promise<T>,
      extra?: unknown,
    ): Promise<T> {
      if (areaModule(query.area).live) return compute();
      const version = await options.readVersion();
      if (version === undefined) return compute();
      see(version);
      const key = stableKey({
        kind,
        query,
        extra: extra ?? null,
        version,
        zone: asOf.timeZone,
        day: todayInZone(asOf.now, asOf.timeZone),
      });
      const value = await cache.get(
        key,
        async () => deepFreeze(await compute()),
        async (computed) => ((await options.readVersion()) === version ? jsonBytes(computed) : undefined),
      );
      return value as T;
    },
    stats: () => cache.stats(),
  };
}
