/**
 * What an area is: its words in the command language, how it loads its data over its views,
 * and how it builds its Answer. Each area lives in its own folder (src/areas/<area>/) and is
 * listed once in registry.ts; the compiler makes every area complete.
 */
import type { Answer, AnswerPeriod, AnswerTable, ChartSpec, Coverage, Kpi } from "../answer/answer.js";
import type { DataFact } from "../answer/coverage.js";
import type { FilterKey, Query } from "../answer/query.js";
import type { ReportingDb } from "../db/reporting/reporting-views.js";
import type { ResolvedFilters } from "./filters/filter-types.js";

/** A closed range of days, YYYY-MM-DD. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** What a builder knows besides its data: the query, its resolved period, comparison and filters. */
export interface AreaContext {
  readonly query: Query;
  readonly period: AnswerPeriod;
  readonly comparison: DateRange | null;
  readonly filters: ResolvedFilters;
  /** Notes from resolving the query (a period cut back to today, days without data). */
  readonly notes: readonly string[];
  /** The days with data behind the answer (absent for answers "as of now"). */
  readonly coverage?: Coverage;
}

/** What a builder adds to the Answer's frame. */
export interface AnswerParts {
  readonly kpis: readonly Kpi[];
  readonly tables: readonly AnswerTable[];
  readonly charts: readonly ChartSpec[];
  readonly notes?: readonly string[];
}

/** Runs a load on the reporting database (under the engine's query cap and timeouts). */
export type Reader = <T>(load: (db: ReportingDb) => Promise<T>) => Promise<T>;

/**
 * `Prior` is what `build` reads of the comparison period (by default the whole `Data`): an
 * area whose comparison only feeds its KPIs loads just those figures with `loadPrior`
 * instead of every breakdown a second time (defineArea requires `Data` to contain `Prior`,
 * so `load` serves when `loadPrior` is absent).
 */
export interface AreaDefinition<Data, Name extends string = string, Prior = Data> {
  /** The command word (`ad-performance`), also the Answer's `area`. */
  readonly name: Name;
  /** The first word of the Answer's title ("Ad performance"). */
  readonly title: string;
  readonly aliases: readonly string[];
  /** One line for help and the App Home. */
  readonly description: string;
  /** The filter keys this area accepts; any other key is an error. */
  readonly filters: readonly FilterKey[];
  readonly examples: readonly string[];
  /**
   * The number columns of the area's tables a ranking may order by (`top=5 by=roas`), the
   * default first; none: the area cannot be ranked.
   */
  readonly rankBy?: readonly string[];
  /**
   * The answer is "as of now" (stock levels): it has no comparison and no other periods to
   * switch to; its data is read as of the period's last day.
   */
  readonly asOfNow?: boolean;
  /**
   * Some figures are read from the base tables as they are now (stock on hand, an ad's status
   * and budget), which change without a refresh: the answer is not cached (src/engine/answer-cache.ts).
   */
  readonly live?: boolean;
  /** The daily facts the area's figures come from: their first and last day bound its coverage. */
  readonly fact?: DataFact;
  /** The area's sums and breakdowns for one range, already filtered. */
  load(db: ReportingDb, range: DateRange, filters: ResolvedFilters): Promise<Data>;
  /** The comparison period's figures, already filtered; `load` when absent. */
  loadPrior?(db: ReportingDb, range: DateRange, filters: ResolvedFilters): Promise<Prior>;
  build(context: AreaContext, current: Data, previous: Prior | null): AnswerParts;
}

export interface AreaModule<Data = unknown, Name extends string = string, Prior = Data>
  extends AreaDefinition<Data, Name, Prior> {
  /** Loads the period's (and the comparison's) data through `read` and builds the Answer. */
  answer(context: AreaContext, read: Reader): Promise<Answer>;
  /** The Answer of data already loaded. */
  answerFrom(context: AreaContext, current: Data, previous: Prior | null): Answer;
}
