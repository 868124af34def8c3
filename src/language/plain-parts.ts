/**
 * What a plain text names, part by part (readPlainParts in read-parts.ts reads them): the
 * shape a whole question (read-question.ts) and a follow-up in a thread (follow-up-reader.ts)
 * decide a query from.
 */
import type { ComparisonMode, PeriodSpec } from "../answer/query.js";
import type { Area } from "../areas/registry.js";
import type { ValueHit } from "./vocabulary.js";

export type RankWord = "top" | "bottom" | "best" | "worst";
export type Intent = "why" | "chart" | "table";

export interface RankParts {
  readonly order?: RankWord;
  /** A number, or "all" (`top=all`). */
  readonly limit?: number | "all";
  /** Candidate measure keys of an explicit `by <kpi>`. */
  readonly by?: readonly string[];
  /** Index (in `kpis`) of the first KPI named after the ranking word. */
  readonly kpiAfter?: number;
}

export interface PlainParts {
  /** Weight per area from the words that name one ("campaigns" 100, "platform" 8, …). */
  readonly areaVotes: ReadonlyMap<Area, number>;
  /** An area named outright (its name or alias). */
  readonly area?: Area;
  /** Every area a word names ("stock", "traffic", "campaigns"), even where it only adds weight. */
  readonly named: readonly Area[];
  /** Each KPI named: the measure keys it may mean, most likely first. */
  readonly kpis: readonly (readonly string[])[];
  readonly period?: PeriodSpec;
  /** A period implied by "mom"/"wow"/"dod" when no other is named. */
  readonly impliedPeriod?: PeriodSpec;
  readonly comparison?: ComparisonMode;
  /** Each filter value named: the keys and values it may be. */
  readonly filters: readonly (readonly ValueHit[])[];
  readonly rank?: RankParts;
  readonly intents: readonly Intent[];
  /** Words not understood, as typed (normalized). */
  readonly unknown: readonly string[];
  /** Two periods or two comparisons named: what clashed. */
  readonly clashes: readonly string[];
  /** Misspellings corrected: "read `campains` as `campaigns`". */
  readonly guesses: readonly string[];
  /** How many words carried meaning. */
  readonly understood: number;
}
