/**
 * The KPI engine: one per process, built once by the composition root and handed to chat,
 * scheduling and the CLI. It owns the reporting pool (the read-only account when configured),
 * the query cap, the clock and the report zone; everything that reads the reporting views
 * goes through it, so the cap holds for chat and digests together.
 */
import type { Answer } from "../answer/answer.js";
import type { DataFact, DataSpan } from "../answer/coverage.js";
import { FILTER_KEYS, type FilterKey, type Query } from "../answer/query.js";
import { loadFilterOptions } from "../areas/filters/filter-options.js";
import type { FilterOption } from "../areas/filters/filter-types.js";
import type { Area } from "../areas/registry.js";
import type { CacheBounds, CacheStats } from "../cache/bounded-cache.js";
import { todayInZone } from "../calendar/calendar.js";
import { helpText } from "../commands/help.js";
import { createReportingDb, guardAvailability } from "../db/reporting/reporting-db.js";
import type { ReportingDb } from "../db/reporting/reporting-views.js";
import { DataSourceTimeoutError, DataSourceUnavailableError, UserError } from "../errors.js";
import { kpiHistory } from "../explain/kpi-history.js";
import { readCommandText } from "../language/ask-text.js";
import type { Vocabulary } from "../language/vocabulary.js";
import { type AnswerCache, createAnswerCache } from "./answer-cache.js";
import { answerQuery, resolveContext } from "./answer-query.js";
import { type DataSpans, loadDataSpans } from "./data-coverage.js";
import { withDeadline } from "./deadline.js";
import { type Freshness, loadFreshness } from "./freshness.js";
import { QueryCap } from "./query-cap.js";

/**
 * Filter values change when campaigns or products are added, and the days with data when the
 * rollups are refreshed: both are looked up again after this long.
 */
export const FILTER_CACHE_MS = 5 * 60_000;

/** What the engine needs to know (the application's Config has these fields). */
export interface EngineSettings {
  readonly databaseUrl: string;
  /** The read-only account for reporting queries; the owner account (databaseUrl) when unset. */
  readonly readonlyDatabaseUrl?: string | undefined;
  readonly reportTimeZone: string;
  readonly statementTimeoutMs: number;
  readonly security: { readonly maxConcurrentQueries: number };
  /** The answer cache's bounds (ANSWER_CACHE_MB); ANSWER_CACHE_BOUNDS when absent. */
  readonly answerCache?: CacheBounds;
}

export interface EngineOptions {
  /** Sees every reporting query's SQL, parameters and duration (tests, the query profile). */
  readonly onQuery?: (sql: string, parameters: readonly unknown[], durationMs: number) => void;
  /** Monotonic milliseconds for the filter cache. */
  readonly monotonic?: () => number;
  /** The answer cache's bounds (ANSWER_CACHE_BOUNDS by default); `false` turns it off. */
  readonly answerCache?: CacheBounds | false;
}

/** "Today" for one answer when it is not the engine's: a digest's slot, in its subscription's zone. */
export interface AsOf {
  readonly now: Date;
  readonly timeZone: string;
}

export type CommandOutcome =
  | { readonly kind: "answer"; readonly answer: Answer }
  | { readonly kind: "help"; readonly text: string };

export interface Engine {
  /** The report zone (REPORT_TIMEZONE). */
  readonly timeZone: string;
  /** What "now" is (injected clock). */
  now(): Date;
  /** The Answer to a query, as of now in the report zone or as of `asOf`. */
  answer(query: Query<Area>, asOf?: AsOf): Promise<Answer>;
  /**
   * The values of a query's KPIs over earlier ranges (a digest's movers judge against them),
   * from the rollups in one read; only KPIs `explain` knows (src/explain/kpi-history.ts).
   */
  history(
    query: Query<Area>,
    kpis: readonly string[],
    ranges: readonly { from: string; to: string }[],
    asOf?: AsOf,
  ): Promise<Map<string, (number | null)[]>>;
  /**
   * Command text (the terminal's `kpi ask`): the exact grammar, else a plain question
   * (src/language/ask-text.ts); an Answer or help text; bad text, or a doubtful question
   * ("did you mean …"), is a UserError.
   */
  run(text: string): Promise<CommandOutcome>;
  /** What plain questions are read against: today in the report zone and every filter's values. */
  vocabulary(): Promise<Vocabulary>;
  /**
   * Runs a load on the reporting views under the query cap, within DB_STATEMENT_TIMEOUT_MS from
   * the call, with "cannot answer now" made one error per kind (unavailable, timed out).
   */
  read<T>(load: (db: ReportingDb) => Promise<T>): Promise<T>;
  freshness(): Promise<Freshness>;
  /** The query cap: max, peak, running, queued. */
  readonly queries: QueryCap;
  /** What the answer cache did and holds (zeros when it is off). */
  cacheStats(): CacheStats;
  close(): Promise<void>;
}

export function createEngine(
  settings: EngineSettings,
  now: () => Date = () => new Date(),
  options: EngineOptions = {},
): Engine {
  const maxQueries = settings.security.maxConcurrentQueries;
  const db = createReportingDb(settings.readonlyDatabaseUrl ?? settings.databaseUrl, {
    statementTimeoutMs: settings.statementTimeoutMs,
    connectionLimit: maxQueries,
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
  });
  const queries = new QueryCap(maxQueries);
  const monotonic = options.monotonic ?? (() => performance.now());
  // One deadline per read, from the moment it is asked: the wait for a permit, for a pooled
  // connection and every statement of the load all count against DB_STATEMENT_TIMEOUT_MS.
  const timeoutMs = settings.statementTimeoutMs;
  const timedOut = () => new DataSourceTimeoutError(timeoutMs);
  const read = <T>(load: (reporting: ReportingDb) => Promise<T>): Promise<T> =>
    withDeadline(
      timeoutMs,
      (signal) => queries.run(() => guardAvailability(() => load(db), timeoutMs), signal),
      timedOut,
    );

  const filterCache = new Map<FilterKey, { at: number; options: readonly FilterOption[] }>();
  const filterOptions = async (key: FilterKey): Promise<readonly FilterOption[]> => {
    const hit = filterCache.get(key);
    if (hit && monotonic() - hit.at < FILTER_CACHE_MS) return hit.options;
    const fresh = await read((reporting) => loadFilterOptions(reporting, key));
    filterCache.set(key, { at: monotonic(), options: fresh });
    return fresh;
  };

  let spanCache: { at: number; spans: DataSpans } | undefined;
  const dataSpan = async (fact: DataFact): Promise<DataSpan | null> => {
    if (!spanCache || monotonic() - spanCache.at >= FILTER_CACHE_MS) {
      const spans = await read(loadDataSpans);
      spanCache = { at: monotonic(), spans };
    }
    return spanCache.spans.get(fact) ?? null;
  };

  // Without the filter values (the database down) a question is still read for everything else.
  const vocabulary = async (): Promise<Vocabulary> => {
    const values: Partial<Record<FilterKey, readonly FilterOption[]>> = {};
    try {
      for (const key of FILTER_KEYS) values[key] = await filterOptions(key);
    } catch {
      // Left without values: "meta" is then an unknown word, and the reader asks back.
    }
    return { today: todayInZone(now(), settings.reportTimeZone), values };
  };

  // An answer's reads (filter values, then the area's load) share one deadline too.
  // A refresh changes the days with data and may add filter values: forget both at once.
  const onNewVersion = () => {
    filterCache.clear();
    spanCache = undefined;
  };
  const cache: AnswerCache | undefined =
    options.answerCache === false
      ? undefined
      : createAnswerCache({
          readVersion: () => readDataVersion(read),
          onNewVersion,
          ...(options.answerCache
            ? { bounds: options.answerCache }
            : settings.answerCache
              ? { bounds: settings.answerCache }
              : {}),
        });
  const cached = <T>(
    kind: "answer" | "history",
    query: Query<Area>,
    at: AsOf,
    compute: () => Promise<T>,
    extra?: unknown,
  ): Promise<T> => (cache ? cache.get(kind, query, at, compute, extra) : compute());

  // An answer's reads (the data version, filter values, then the area's load) share one deadline too.
  const answer = (query: Query<Area>, asOf?: AsOf) =>
    withDeadline(
      timeoutMs,
      () => {
        const at = { now: asOf?.now ?? now(), timeZone: asOf?.timeZone ?? settings.reportTimeZone };
        return cached("answer", query, at, () =>
          answerQuery(query, { ...at, read, filterOptions, dataSpan }),
        );
      },
      timedOut,
    );

  const history: Engine["history"] = (query, kpis, ranges, asOf) =>
    withDeadline(
      timeoutMs,
      () => {
        const at = { now: asOf?.now ?? now(), timeZone: asOf?.timeZone ?? settings.reportTimeZone };
        const deps = { ...at, read, filterOptions, dataSpan };
        return cached(
          "history",
          query,
          at,
          async () => kpiHistory(await resolveContext(query, deps), kpis, ranges, read),
          { kpis, ranges },
        );
      },
      timedOut,
    );

  return {
    timeZone: settings.reportTimeZone,
    now,
    answer,
    history,
    vocabulary,
    async run(text) {
      const read = await readCommandText(text, vocabulary);
      if (read.kind === "suggest") throw new UserError("not_sure", read.message);
      const { command, reading } = read;
      if (command.kind === "help") return { kind: "help", text: helpText(command.topic) };
      if (command.kind === "admin") {
        throw new UserError(
          "chat_only",
          `\`${command.verb}\` works in Slack and Teams, for the channel it is typed in; from a terminal use npx kpi subscriptions.`,
        );
      }
      const answered = await answer(command.query);
      return { kind: "answer", answer: reading ? { ...answered, reading } : answered };
    },
    read,
    freshness: () => read(loadFreshness),
    queries,
    cacheStats: () => cache?.stats() ?? { hits: 0, misses: 0, shared: 0, evictions: 0, entries: 0, bytes: 0 },
    close: () => db.destroy(),
  };
}

/**
 * The data version (v_data_version), or undefined when this database has none to read (a
 * reporting account granted before the view existed): answers are then not cached. A database
 * that cannot answer at all fails the answer as any other read would.
 */
async function readDataVersion(read: Engine["read"]): Promise<string | undefined> {
  try {
    const row = await read((db) => db.selectFrom("v_data_version").select("data_version").executeTakeFirst());
    return row ? String(row.data_version) : undefined;
  } catch (error) {
    if (error instanceof DataSourceTimeoutError || error instanceof DataSourceUnavailableError) throw error;
    return undefined;
  }
}
