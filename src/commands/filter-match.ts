/**
 * The one matcher for every filter (`platform=Meta`, `campaign="black friday"`, `city=München`).
 * Values are compared case-, accent- and punctuation-insensitively, in three steps:
 * 1. exact: the value equals a spelling of a stored value (slug, name, id);
 * 2. words: every stored value whose spelling contains all the words typed (several may
 *    match: the query then adds them up);
 * 3. aliases: another name for a stored value (src/areas/filters/filter-aliases.ts).
 * An unknown value is a one-line error that repeats it whole and names the nearest values.
 */
import type { FilterKey, Filters } from "../answer/query.js";
import { type AliasTable, FILTER_ALIASES } from "../areas/filters/filter-aliases.js";
import type {
  FilterOption,
  FilterSet,
  FilterValues,
  ResolvedFilters,
} from "../areas/filters/filter-types.js";
import { commandError, didYouMean, echoValue, listWords } from "./messages.js";
import { suggest } from "./suggest.js";

/** Nearest values named when nothing is close enough for "did you mean". */
const NEAREST_SHOWN = 3;

/** "Zürich", "zurich", "ZURICH!" → "zurich"; "paid_social", "Paid social" → "paid social". */
export function normalizeValue(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ß/gu, "ss")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const wordsOf = (normalized: string): string[] => (normalized === "" ? [] : normalized.split(" "));

function exactMatches(wanted: string, options: readonly FilterOption[]): FilterOption[] {
  return options.filter((o) => o.spellings.some((s) => normalizeValue(s) === wanted));
}

function wordMatches(wanted: string, options: readonly FilterOption[]): FilterOption[] {
  const typed = wordsOf(wanted);
  if (typed.length === 0) return [];
  return options.filter((o) =>
    o.spellings.some((s) => {
      const words = new Set(wordsOf(normalizeValue(s)));
      return typed.every((w) => words.has(w));
    }),
  );
}

function aliasMatches(wanted: string, options: readonly FilterOption[], aliases: AliasTable): FilterOption[] {
  const stored = Object.entries(aliases)
    .filter(([, names]) => names.some((name) => normalizeValue(name) === wanted))
    .map(([value]) => normalizeValue(value));
  return options.filter((o) => o.spellings.some((s) => stored.includes(normalizeValue(s))));
}

/** Every option the typed value selects, in the options' order; a UserError when none does. */
export function matchFilter(key: FilterKey, value: string, options: readonly FilterOption[]): FilterOption[] {
  const wanted = normalizeValue(value);
  const aliases = FILTER_ALIASES[key];
  for (const step of [
    () => exactMatches(wanted, options),
    () => wordMatches(wanted, options),
    () => aliasMatches(wanted, options, aliases),
  ]) {
    const found = step();
    if (found.length > 0) return found;
  }
  throw commandError(
    "unknown_filter_value",
    `No ${key} ${echoValue(value)}${nearestHint(key, value, options)}`,
  );
}

function nearestHint(key: FilterKey, value: string, options: readonly FilterOption[]): string {
  const labels = [...new Set(options.map((o) => o.label))].sort((a, b) => a.localeCompare(b));
  if (labels.length === 0) return ` — there is no ${key} data yet`;
  // Candidates are compared normalized; an alias stands for its stored value.
  const candidates: { text: string; label: string }[] = labels.map((label) => ({
    text: normalizeValue(label),
    label,
  }));
  for (const [stored, names] of Object.entries(FILTER_ALIASES[key])) {
    const label = options.find((o) =>
      o.spellings.some((s) => normalizeValue(s) === normalizeValue(stored)),
    )?.label;
    if (label !== undefined) for (const name of names) candidates.push({ text: normalizeValue(name), label });
  }
  const texts = candidates.map((c) => c.text);
  const labelOf = (text: string) => candidates.find((c) => c.text === text)?.label ?? text;
  const wanted = normalizeValue(value);
  const near = [...new Set(suggest(wanted, texts, { max: NEAREST_SHOWN * 2 }).map(labelOf))];
  if (near.length > 0) return didYouMean(near.slice(0, NEAREST_SHOWN));
  const nearest = [
    ...new Set(
      suggest(wanted, texts, { max: candidates.length, maxDistance: Number.POSITIVE_INFINITY }).map(labelOf),
    ),
  ];
  return ` — nearest: ${listWords(nearest.slice(0, NEAREST_SHOWN))}`;
}

/** Resolves every typed filter through `optionsFor` (which may cache). */
export async function resolveFilters(
  filters: Filters,
  optionsFor: (key: FilterKey) => Promise<readonly FilterOption[]>,
): Promise<ResolvedFilters> {
  const resolved: Partial<Record<FilterKey, FilterSet<FilterValues[FilterKey]>>> = {};
  for (const [key, value] of Object.entries(filters) as [FilterKey, string][]) {
    resolved[key] = {
      typed: value,
      values: matchFilter(key, value, await optionsFor(key)).map((o) => o.resolved),
    };
  }
  return resolved as ResolvedFilters;
}
