/**
 * Which area a plain question is about, by stated rules:
 * 1. an area named outright wins ("campaigns", "funnel", "traffic");
 * 2. otherwise words add weight: things listed ("platforms" → ad performance, ROAS, CTR;
 *    "cities" → orders, users; "products" → products, orders), and each KPI its home area
 *    (+10: ROAS → roas, revenue → orders, signups → users, running out → stock) or any area that
 *    shows it (+5);
 * 3. every filter named must be one the area accepts (Meta rules out orders); a platform or
 *    campaign leans to campaigns, a source to traffic, a city to orders, a category to products;
 * 4. ties go to the first of campaigns, orders, traffic, roas, ctr, ad-performance, users,
 *    products, stock, ads.
 */
import type { FilterKey, Filters } from "../answer/query.js";
import { type Area, areaModule } from "../areas/registry.js";
import type { PlainParts } from "./plain-parts.js";
import { KPI_HOME } from "./question-words.js";

const PRIORITY: readonly Area[] = [
  "campaigns",
  "orders",
  "traffic",
  "roas",
  "ctr",
  "ad-performance",
  "users",
  "products",
  "stock",
  "ads",
];

const FILTER_LEAN: Readonly<Record<FilterKey, Area>> = {
  platform: "campaigns",
  campaign: "campaigns",
  source: "traffic",
  city: "orders",
  category: "products",
};

const accepts = (area: Area, key: FilterKey): boolean =>
  (areaModule(area).filters as readonly string[]).includes(key);

/** Whether the area shows the measure (a column it ranks by, or a KPI at home there). */
function shows(area: Area, key: string): boolean {
  return (areaModule(area).rankBy ?? []).includes(key) || KPI_HOME[key] === area;
}

/** The first of a KPI's candidate keys the area shows (ranks by, when `rankable`). */
export function kpiIn(area: Area, candidates: readonly string[], rankable: boolean): string | undefined {
  return candidates.find((key) =>
    rankable ? (areaModule(area).rankBy ?? []).includes(key) : shows(area, key),
  );
}

/** The filters the parts name, for `area`: each value's first key the area accepts; undefined when one fits no key or a key is named twice. */
export function filtersFor(area: Area, parts: PlainParts): Filters | undefined {
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const hits of parts.filters) {
    const hit = hits.find((h) => accepts(area, h.key));
    if (!hit) return undefined;
    const before = filters[hit.key];
    if (before !== undefined && before.toLowerCase() !== hit.value.toLowerCase()) return undefined;
    filters[hit.key] = hit.value;
  }
  return filters;
}

/** The areas the question may be about, most likely first; empty when nothing points to one. */
export function areaChoices(parts: PlainParts): Area[] {
  const scored = PRIORITY.map((area, order) => {
    let score = parts.areaVotes.get(area) ?? 0;
    for (const candidates of parts.kpis) {
      if (KPI_HOME[candidates[0] ?? ""] === area) score += 10;
      else if (candidates.some((key) => shows(area, key))) score += 5;
    }
    let fits = true;
    for (const hits of parts.filters) {
      if (!hits.some((h) => accepts(area, h.key))) fits = false;
      if (hits.some((h) => FILTER_LEAN[h.key] === area)) score += 2;
      else if (hits.some((h) => accepts(area, h.key))) score += 1;
    }
    return { area, score, fits, order };
  });
  const pointed = scored.filter((s) => s.score > 0);
  if (pointed.length === 0) {
    // Only a period or a comparison: the two areas asked about most.
    return parts.period || parts.comparison ? ["campaigns", "orders"] : [];
  }
  const fitting = pointed.filter((s) => s.fits);
  const ranked = (fitting.length > 0 ? fitting : pointed).sort(
    (a, b) => b.score - a.score || a.order - b.order,
  );
  return ranked.slice(0, 3).map((s) => s.area);
}
