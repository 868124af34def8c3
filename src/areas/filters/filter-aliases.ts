/**
 * Other names people type for filter values, in one place: the local and English names of
 * the cities the generator draws from (generator/reference/people-data.ts), and nicknames
 * of ad platforms and traffic sources. Keys are the values the data stores (a city, a
 * platform or source slug); matching is case-, accent- and punctuation-insensitive
 * (src/commands/filter-match.ts), so "Zürich", "zurich" and "ZÜRICH" need one entry. Aliases
 * are tried after the words of stored values: "organic" already selects both organic sources.
 */
import type { FilterKey } from "../../answer/query.js";

/** Stored value → other names for it. */
export type AliasTable = Readonly<Record<string, readonly string[]>>;

const CITY_ALIASES: AliasTable = {
  Munich: ["München", "Muenchen", "Monaco di Baviera"],
  Cologne: ["Köln", "Koeln"],
  Frankfurt: ["Frankfurt am Main", "Frankfurt a.M."],
  Düsseldorf: ["Duesseldorf"],
  Hanover: ["Hannover"],
  Nuremberg: ["Nürnberg", "Nuernberg"],
  Vienna: ["Wien"],
  Zurich: ["Zürich", "Zuerich"],
  Geneva: ["Genf", "Genève", "Ginevra"],
  Basel: ["Bâle", "Basle"],
  Bern: ["Berne"],
  "The Hague": ["Den Haag", "'s-Gravenhage", "s-Gravenhage"],
};

const PLATFORM_ALIASES: AliasTable = {
  meta: ["fb", "facebook", "instagram", "ig", "facebook ads", "meta ads"],
  google: ["adwords", "google ads", "gads", "youtube"],
  microsoft: ["bing", "bing ads", "microsoft ads", "msft"],
  tiktok: ["tik tok", "tiktok ads"],
};

const SOURCE_ALIASES: AliasTable = {
  organic_search: ["seo"],
  paid_search: ["sea", "ppc", "cpc", "sem"],
  paid_social: ["social ads"],
  email: ["newsletter", "mail", "e-mail"],
  display: ["banner", "banners"],
  direct: ["type-in"],
  referral: ["referrer", "referrals"],
};

export const FILTER_ALIASES: Readonly<Record<FilterKey, AliasTable>> = {
  platform: PLATFORM_ALIASES,
  campaign: {},
  city: CITY_ALIASES,
  category: {},
  source: SOURCE_ALIASES,
};
