/**
 * Matching typed filter values (`platform=Meta`, `campaign="black friday"`, `city=berlin`)
 * against the values that exist, case-insensitively. An unknown value is a one-line error
 * naming the nearest existing values (or some known ones).
 */
import type { FilterKey, Filters } from "../answer/query.js";
import type { FilterOption, ResolvedFilters } from "../areas/filters/filter-types.js";
import { commandError, didYouMean, echo, listWords } from "./messages.js";
import { suggest } from "./suggest.js";

const KNOWN_SHOWN = 8;

export function matchFilter(key: FilterKey, value: string, options: readonly FilterOption[]): FilterOption {
  const wanted = value.trim().toLowerCase();
  const found = options.find((o) => o.spellings.some((s) => s.toLowerCase() === wanted));
  if (found) return found;
  const labels = [...new Set(options.map((o) => o.label))].sort((a, b) => a.localeCompare(b));
  const near = suggest(value, labels);
  const hint =
    near.length > 0
      ? didYouMean(near)
      : labels.length === 0
        ? ` — there is no ${key} data yet`
        : ` — known: ${listWords(labels.slice(0, KNOWN_SHOWN), "and")}${labels.length > KNOWN_SHOWN ? " …" : ""}`;
  throw commandError("unknown_filter_value", `No ${key} ${echo(value)}${hint}`);
}

/** Resolves every typed filter through `optionsFor` (which may cache). */
export async function resolveFilters(
  filters: Filters,
  optionsFor: (key: FilterKey) => Promise<readonly FilterOption[]>,
): Promise<ResolvedFilters> {
  const resolved: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters) as [FilterKey, string][]) {
    resolved[key] = matchFilter(key, value, await optionsFor(key)).resolved;
  }
  return resolved as ResolvedFilters;
}
