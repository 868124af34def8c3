/**
 * The vocabulary the language tests read against: "today" is the generated data's AS_OF day,
 * and the filter values are those the generator's seed 7 produces (the names a real
 * database returns through loadFilterOptions).
 */
import type { FilterOption } from "../../src/areas/filters/filter-types.js";
import type { Vocabulary } from "../../src/language/vocabulary.js";

const named = (pairs: readonly (readonly [string, string])[]): FilterOption[] =>
  pairs.map(([slug, name]) => ({ label: slug, spellings: [slug, name], resolved: { slug, name } }));

export const CAMPAIGN_NAMES = [
  "Always-on · Meta · All Products",
  "Black Friday 2026 · All Products",
  "Black Friday 2026 · Electronics",
  "Brand Awareness · Garden · Jun 2026",
  "Prospecting · Pet Supplies · Jul 2026",
] as const;

export const CITIES =
  "Amsterdam,Basel,Berlin,Bern,Bremen,Cologne,Dortmund,Dresden,Düsseldorf,Eindhoven,Essen,Frankfurt,Geneva,Graz,Groningen,Hamburg,Hanover,Lausanne,Leipzig,Linz,Munich,Nuremberg,Rotterdam,Salzburg,Stuttgart,The Hague,Tilburg,Utrecht,Vienna,Zurich".split(
    ",",
  );

export const TEST_VOCABULARY: Vocabulary = {
  today: "2026-11-26",
  values: {
    platform: named([
      ["meta", "Meta"],
      ["pinterest", "Pinterest"],
      ["tiktok", "TikTok"],
      ["google", "Google Ads"],
      ["microsoft", "Microsoft Advertising"],
    ]),
    campaign: CAMPAIGN_NAMES.map((name, i) => ({
      label: name,
      spellings: [name, String(i + 1)],
      resolved: { id: i + 1, name },
    })),
    city: CITIES.map((city) => ({ label: city, spellings: [city], resolved: city })),
    category: named([
      ["shoes", "Shoes"],
      ["apparel", "Apparel"],
      ["accessories", "Accessories"],
      ["bags", "Bags"],
      ["electronics", "Electronics"],
      ["home-kitchen", "Home & Kitchen"],
      ["beauty", "Beauty"],
      ["sports-outdoors", "Sports & Outdoors"],
      ["toys-games", "Toys & Games"],
      ["books", "Books"],
      ["garden", "Garden"],
      ["pet-supplies", "Pet Supplies"],
      ["jewelry", "Jewelry"],
      ["health", "Health"],
      ["office", "Office"],
      ["baby", "Baby"],
    ]),
    source: named([
      ["direct", "Direct"],
      ["display", "Display & video"],
      ["email", "Email"],
      ["organic_search", "Organic search"],
      ["organic_social", "Organic social"],
      ["paid_social", "Paid social"],
      ["referral", "Referral"],
      ["paid_search", "Paid search"],
    ]),
  },
};
