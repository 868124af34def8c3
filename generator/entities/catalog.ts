/**
 * Categories and products: prices around each category's median with shop-style endings,
 * unit costs from the category margin, and a long-tailed popularity that orders sample.
 */
import type { DayWindow } from "../calendar.js";
import type { NamePools } from "../name-pools.js";
import { Random } from "../random.js";
import { CATEGORIES } from "../reference/catalog-data.js";
import { money, tsvText } from "../tsv.js";
import { WeightedTable } from "../weighted.js";

export interface Catalog {
  readonly count: number;
  /** Per product (product id - 1): index into CATEGORIES. */
  readonly category: Uint8Array;
  readonly priceCents: Int32Array;
  readonly costCents: Int32Array;
  readonly createdDay: Int32Array;
  readonly active: Uint8Array;
  /** Relative demand (0 for inactive products). */
  readonly popularity: Float64Array;
  readonly names: readonly string[];
  /** Samples a product index by popularity, over all products or within one category. */
  readonly all: WeightedTable;
  readonly byCategory: readonly (CategoryTable | undefined)[];
}

export interface CategoryTable {
  readonly table: WeightedTable;
  readonly products: Int32Array;
}

/** Shop-style price: x.99 below 100, ending in 4.99/9.99 above. */
function shopPrice(raw: number): number {
  if (raw < 10) return Math.max(199, Math.round(raw * 2) * 50 - 1);
  if (raw < 100) return Math.round(raw) * 100 - 1;
  return Math.round(raw / 5) * 500 - 1;
}

export function planCatalog(count: number, window: DayWindow, pools: NamePools, seed: number): Catalog {
  const rng = Random.stream(seed, "products");
  const categoryTable = new WeightedTable(CATEGORIES.map((c) => c.weight));
  const category = new Uint8Array(count);
  const priceCents = new Int32Array(count);
  const costCents = new Int32Array(count);
  const createdDay = new Int32Array(count);
  const active = new Uint8Array(count);
  const popularity = new Float64Array(count);
  const names: string[] = [];
  for (let p = 0; p < count; p++) {
    const c = p < CATEGORIES.length ? p : categoryTable.sample(rng);
    const spec = CATEGORIES[c] as (typeof CATEGORIES)[number];
    category[p] = c;
    priceCents[p] = shopPrice(spec.medianPrice * rng.logNormal(0, 0.45));
    costCents[p] = Math.round((priceCents[p] as number) * spec.costShare * rng.uniform(0.82, 1.18));
    const launchedInWindow = p >= CATEGORIES.length && rng.chance(0.08) && window.days > 60;
    createdDay[p] = launchedInWindow
      ? window.firstDay + rng.int(window.days - 30)
      : window.firstDay - 1 - rng.int(900);
    active[p] = p < CATEGORIES.length || rng.chance(0.98) ? 1 : 0;
    popularity[p] = active[p] === 1 ? rng.logNormal(0, 1.0) : 0;
    names.push(`${rng.pick(pools.brands)} ${rng.pick(spec.adjectives)} ${rng.pick(spec.nouns)}`);
  }
  const byCategory = CATEGORIES.map((_, c) => {
    const members = [...Array(count).keys()].filter((p) => category[p] === c && active[p] === 1);
    if (members.length === 0) return undefined;
    return {
      table: new WeightedTable(members.map((p) => popularity[p] as number)),
      products: Int32Array.from(members),
    };
  });
  return {
    count,
    category,
    priceCents,
    costCents,
    createdDay,
    active,
    popularity,
    names,
    all: new WeightedTable(popularity),
    byCategory,
  };
}

export const CATEGORY_COLUMNS = ["category_id", "name", "slug"] as const;

export function* categoryLines(): Generator<string> {
  for (const [i, c] of CATEGORIES.entries()) yield `${i + 1}\t${tsvText(c.name)}\t${c.slug}\n`;
}

export const PRODUCT_COLUMNS = [
  "product_id",
  "category_id",
  "sku",
  "name",
  "price",
  "unit_cost",
  "stock_qty",
  "reorder_level",
  "is_active",
  "created_date",
] as const;

/** The products table with the stock on hand at the end of the window. */
export function* productLines(
  catalog: Catalog,
  window: DayWindow,
  stock: Int32Array,
  reorderLevel: Int32Array,
): Generator<string> {
  for (let p = 0; p < catalog.count; p++) {
    const spec = CATEGORIES[catalog.category[p] as number] as (typeof CATEGORIES)[number];
    const sku = `${spec.code}-${String(p + 1).padStart(6, "0")}`;
    yield `${p + 1}\t${(catalog.category[p] as number) + 1}\t${sku}\t${tsvText(catalog.names[p] as string)}\t${money(catalog.priceCents[p] as number)}\t${money(catalog.costCents[p] as number)}\t${stock[p]}\t${reorderLevel[p]}\t${catalog.active[p]}\t${window.date(catalog.createdDay[p] as number)}\n`;
  }
}
