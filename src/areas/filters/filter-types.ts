/**
 * Filters after matching against what exists: the canonical values the views use, and the
 * options a typed value is matched against (src/commands/filter-match.ts).
 */
import { FILTER_KEYS, type FilterKey } from "../../answer/query.js";

interface Named {
  readonly slug: string;
  readonly name: string;
}

/** What one stored value of each filter is, as the views store it. */
export interface FilterValues {
  readonly platform: Named;
  readonly campaign: { readonly id: number; readonly name: string };
  readonly city: string;
  readonly category: Named;
  readonly source: Named;
}

/** A typed value and every stored value it selects: one, or several (`campaign="Black Friday"`). */
export interface FilterSet<T> {
  /** The value as typed. */
  readonly typed: string;
  /** Never empty. */
  readonly values: readonly T[];
}

/** Filters resolved to what the views store: `platform=Meta` → { typed: "Meta", values: [{ slug: "meta", name: "Meta" }] }. */
export type ResolvedFilters = { readonly [K in FilterKey]?: FilterSet<FilterValues[K]> };

/** One value a filter can take: `platform=meta` or `platform=Meta` both select { slug: "meta", name: "Meta" }. */
export interface FilterOption {
  /** What the option is shown as. */
  readonly label: string;
  /** Every spelling that selects it (slug, name, id); compared case-, accent- and punctuation-insensitively. */
  readonly spellings: readonly string[];
  readonly resolved: FilterValues[FilterKey];
}

/** An example per filter key, for help and error messages. */
export const FILTER_EXAMPLES: Readonly<Record<FilterKey, string>> = {
  platform: "platform=meta",
  campaign: 'campaign="Black Friday"',
  city: "city=Berlin",
  category: "category=shoes",
  source: "source=paid_social",
};

const PLURALS: Readonly<Record<FilterKey, string>> = {
  platform: "platforms",
  campaign: "campaigns",
  city: "cities",
  category: "categories",
  source: "sources",
};

/** The slugs, ids or names a filter selects, as the views store them. */
export const slugsOf = (set: FilterSet<Named>): string[] => set.values.map((v) => v.slug);
export const campaignIdsOf = (set: FilterSet<FilterValues["campaign"]>): number[] =>
  set.values.map((v) => v.id);

function nameOf(value: FilterValues[FilterKey]): string {
  return typeof value === "string" ? value : value.name;
}

/** "campaign Black Friday · Meta" for one value, "3 campaigns matching Black Friday" for several. */
export function describeFilter(key: FilterKey, set: FilterSet<FilterValues[FilterKey]>): string {
  const [only] = set.values;
  if (set.values.length === 1 && only !== undefined) return `${key} ${nameOf(only)}`;
  return `${set.values.length} ${PLURALS[key]} matching ${set.typed.trim().replace(/\s+/gu, " ")}`;
}

/** "platform Meta · 3 campaigns matching Black Friday", or "" without filters. */
export function describeFilters(filters: ResolvedFilters): string {
  const parts: string[] = [];
  for (const key of FILTER_KEYS) {
    const set = filters[key];
    if (set) parts.push(describeFilter(key, set));
  }
  return parts.join(" · ");
}

/** Values a note names before "and N more". */
const NOTE_NAMES = 8;

/** "Campaigns matching Black Friday: A, B and C." for each filter that selects several values. */
export function filterSetNotes(filters: ResolvedFilters): string[] {
  const notes: string[] = [];
  for (const key of FILTER_KEYS) {
    const set = filters[key];
    if (!set || set.values.length < 2) continue;
    const names = set.values.slice(0, NOTE_NAMES).map(nameOf);
    const more = set.values.length - names.length;
    const list =
      more > 0
        ? `${names.join(", ")} and ${more} more`
        : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
    const plural = PLURALS[key];
    notes.push(
      `${plural[0]?.toUpperCase()}${plural.slice(1)} matching ${set.typed.trim()}, added up: ${list}.`,
    );
  }
  return notes;
}
