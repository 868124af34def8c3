/**
 * Ranking words of the exact grammar: `top=5 by=roas`, `bottom=3 by=cpa`, `top=all by=ctr`,
 * `by=roas` (= top=all). `best=N`/`worst=N` are `top`/`bottom` by the KPI's good direction
 * (the best CPA is the lowest). The KPI must be a number column of the area's tables
 * (the area's `rankBy`); without `by` the area's first one is used.
 */
import { MAX_RANK_ROWS, type Ranking, type RankOrder } from "../answer/query.js";
import { type Area, areaModule } from "../areas/registry.js";
import { higherIsBetter } from "../metrics/measures.js";
import { commandError, didYouMean, echo, listWords } from "./messages.js";
import { suggest } from "./suggest.js";

export const RANK_KEYS = ["top", "bottom", "best", "worst", "by"] as const;

export const isRankKey = (key: string): boolean => (RANK_KEYS as readonly string[]).includes(key);

export interface RankWords {
  order?: "top" | "bottom" | "best" | "worst";
  limit?: number;
  by?: string;
}

/** Reads one `key=value` ranking word into `words`; throws a one-line UserError when bad. */
export function readRankWord(key: string, value: string, words: RankWords): void {
  const lower = value.trim().toLowerCase();
  if (key === "by") {
    if (words.by !== undefined) throw commandError("duplicate_rank", "Give `by=` once.");
    if (!/^[a-z0-9_]+$/u.test(lower))
      throw commandError("unknown_rank", `Rank by a KPI, e.g. by=roas — not ${echo(value)}.`);
    words.by = lower;
    return;
  }
  if (words.order !== undefined)
    throw commandError("duplicate_rank", "Rank once: `top=N` or `bottom=N`, not both.");
  words.order = key as RankWords["order"];
  if (lower === "all") return;
  const count = /^\d{1,3}$/u.test(lower) ? Number(lower) : Number.NaN;
  if (!(count >= 1 && count <= MAX_RANK_ROWS)) {
    throw commandError(
      "bad_rank",
      `${echo(`${key}=${value}`)} needs a number of rows from 1 to ${MAX_RANK_ROWS}, or all.`,
    );
  }
  words.limit = count;
}

/** The ranking the words ask for in `area`, checked: a KPI the area ranks by, best/worst made top/bottom. */
export function rankingOf(area: Area, words: RankWords): Ranking {
  const rankBy = areaModule(area).rankBy ?? [];
  if (rankBy.length === 0) throw commandError("no_rank", `${echo(area)} has no list to rank.`);
  const by = words.by ?? (rankBy[0] as string);
  if (!rankBy.includes(by)) {
    const hint = didYouMean(suggest(by, rankBy));
    throw commandError(
      "unknown_rank",
      `${echo(area)} cannot rank by ${echo(by)}${hint || ` — it ranks by ${listWords(rankBy)}`}`,
    );
  }
  const word = words.order ?? "top";
  const order: RankOrder =
    word === "top" || word === "bottom" ? word : (word === "best") === higherIsBetter(by) ? "top" : "bottom";
  return { by, order, ...(words.limit !== undefined ? { limit: words.limit } : {}) };
}

/** A ranking given as data (a button, a stored query), checked as typed words are. */
export function checkRanking(area: Area, rank: Ranking): Ranking {
  return rankingOf(area, {
    by: rank.by,
    order: rank.order,
    ...(rank.limit !== undefined ? { limit: rank.limit } : {}),
  });
}

/** `top=5 by=roas`, `bottom=all by=cpa`, `by=roas` (top, every row). */
export function rankToText(rank: Ranking): string {
  if (rank.order === "top" && rank.limit === undefined) return `by=${rank.by}`;
  return `${rank.order}=${rank.limit ?? "all"} by=${rank.by}`;
}
