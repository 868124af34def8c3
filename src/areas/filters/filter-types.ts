/**
 * Filters after matching against what exists: the canonical values the views use, and the
 * options a typed value is matched against (src/commands/filter-match.ts).
 */
import type { FilterKey } from "../../answer/query.js";

/** Filters resolved to what the views store: `platform=Meta` → { slug: "meta", name: "Meta" }. */
export interface ResolvedFilters {
  readonly platform?: { readonly slug: string; readonly name: string };
  readonly campaign?: { readonly id: number; readonly name: string };
  readonly city?: string;
  readonly category?: { readonly slug: string; readonly name: string };
  readonly source?: { readonly slug: string; readonly name: string };
}

/** One value a filter can take: `platform=meta` or `platform=Meta` both select { slug: "meta", name: "Meta" }. */
export interface FilterOption {
  /** What the option is shown as. */
  readonly label: string;
  /** Every spelling that selects it (slug, name, id), compared case-insensitively. */
  readonly spellings: readonly string[];
  readonly resolved: ResolvedFilters[keyof ResolvedFilters];
}

/** An example per filter key, for help and error messages. */
export const FILTER_EXAMPLES: Readonly<Record<FilterKey, string>> = {
  platform: "platform=meta",
  campaign: 'campaign="Black Friday"',
  city: "city=Berlin",
  category: "category=shoes",
  source: "source=paid_social",
};

/** "platform Meta · campaign Black Friday", or "" without filters. */
export function describeFilters(filters: ResolvedFilters): string {
  const parts: string[] = [];
  if (filters.platform) parts.push(`platform ${filters.platform.name}`);
  if (filters.campaign) parts.push(`campaign ${filters.campaign.name}`);
  if (filters.city) parts.push(`city ${filters.city}`);
  if (filters.category) parts.push(`category ${filters.category.name}`);
  if (filters.source) parts.push(`source ${filters.source.name}`);
  return parts.join(" · ");
}
