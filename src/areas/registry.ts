/**
 * The areas, listed once, in the order help lists them. An area is a folder of its own
 * (grammar entry, data, query over its views, answer builder); adding one is that folder,
 * its view file(s) and one line here.
 */
import { adPerformance } from "./ad-performance/ad-performance-area.js";
import { ads } from "./ads/ads-area.js";
import type { AreaModule } from "./area-module.js";
import { campaigns } from "./campaigns/campaigns-area.js";
import { ctr } from "./ctr/ctr-area.js";
import { orders } from "./orders/orders-area.js";
import { products } from "./products/products-area.js";
import { roas } from "./roas/roas-area.js";
import { stock } from "./stock/stock-area.js";
import { traffic } from "./traffic/traffic-area.js";
import { users } from "./users/users-area.js";

const MODULES = [users, products, orders, campaigns, ads, adPerformance, traffic, stock, roas, ctr] as const;

export type Area = (typeof MODULES)[number]["name"];

export const AREA_NAMES: readonly Area[] = MODULES.map((m) => m.name);

/** Every word that names an area: canonical names, then aliases. */
export const AREA_WORDS: readonly string[] = [...AREA_NAMES, ...MODULES.flatMap((m) => m.aliases)];

const BY_NAME: ReadonlyMap<string, AreaModule> = new Map(MODULES.map((m) => [m.name, m as AreaModule]));

/** The module of an area. */
export function areaModule(area: Area): AreaModule {
  return BY_NAME.get(area) as AreaModule;
}

/** The canonical area for a name or alias (case-insensitive), or undefined. */
export function findArea(word: string): Area | undefined {
  const lower = word.toLowerCase();
  return MODULES.find((m) => m.name === lower || (m.aliases as readonly string[]).includes(lower))?.name;
}
