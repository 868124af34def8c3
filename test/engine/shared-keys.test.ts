/**
 * One key, one meaning: every area is asked on generated data, and each KPI key that more
 * than one area shows (and each stock figure) is computed once here by SQL on the base
 * tables; every area showing the key must give that same figure.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { AREA_NAMES } from "../../src/areas/registry.js";
import type { Engine } from "../../src/engine/engine.js";
import { div, expectClose } from "../helpers/expect-close.js";
import { AS_OF, createGeneratedDatabase } from "../helpers/generated-database.js";
import { adSums, orderSums, type Range } from "../helpers/independent-kpis.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { answerOf, testEngine } from "../helpers/test-engine.js";

let db: TestDatabase;
let engine: Engine;
let answers: Answer[];

beforeAll(async () => {
  db = await createGeneratedDatabase("kpi_keys");
  engine = testEngine(db.url, AS_OF);
  answers = [];
  for (const area of AREA_NAMES) answers.push(await answerOf(engine, `${area} last-30d`));
}, 240_000);

afterAll(async () => {
  await engine?.close();
  await db?.drop();
});

async function count(sql: string): Promise<number> {
  const [rows] = (await db.connection.query(sql)) as unknown as [{ n: number | string | null }[]];
  return Number(rows[0]?.n ?? 0);
}

/** Stock as of now, by the words of the metric table, straight from `products`. */
const STOCK: Record<string, string> = {
  products: "SELECT COUNT(*) AS n FROM products WHERE is_active = 1",
  stock_units: "SELECT SUM(stock_qty) AS n FROM products WHERE is_active = 1",
  stock_value: "SELECT SUM(stock_qty * unit_cost) AS n FROM products WHERE is_active = 1",
  low_stock:
    "SELECT COUNT(*) AS n FROM products WHERE is_active = 1 AND stock_qty > 0 AND stock_qty <= reorder_level",
  out_of_stock: "SELECT COUNT(*) AS n FROM products WHERE is_active = 1 AND stock_qty = 0",
  at_or_below_reorder:
    "SELECT COUNT(*) AS n FROM products WHERE is_active = 1 AND stock_qty <= reorder_level",
};

/** The figures of the period that several areas show, one computation per key. */
async function periodFigure(key: string, range: Range): Promise<number | null> {
  const ads = await adSums(db.connection, range);
  const orders = await orderSums(db.connection, range);
  const figures: Record<string, number | null> = {
    spend: ads.spend,
    impressions: ads.impressions,
    clicks: ads.clicks,
    leads: ads.leads,
    ctr: div(ads.clicks, ads.impressions),
    cvr: div(ads.conversions, ads.clicks),
    roas: div(ads.revenue, ads.spend),
    orders: orders.orders,
  };
  if (!(key in figures)) throw new Error(`no independent computation for the shared key ${key}`);
  return figures[key] ?? null;
}

/**
 * `revenue` still has two meanings: paid order revenue in products, orders and traffic, and
 * the revenue attributed to ads in the ad areas (the metric table says so). It is checked
 * per meaning until it gets a key of its own.
 */
const AD_AREAS = new Set(["campaigns", "ads", "ad-performance", "roas", "ctr"]);

async function independent(area: string, key: string, range: Range): Promise<number | null> {
  if (key in STOCK) return count(STOCK[key] as string);
  if (key === "revenue") {
    return AD_AREAS.has(area)
      ? (await adSums(db.connection, range)).revenue
      : (await orderSums(db.connection, range)).revenue;
  }
  return periodFigure(key, range);
}

function areasByKey(): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const answer of answers) {
    for (const kpi of answer.kpis) byKey.set(kpi.key, [...(byKey.get(kpi.key) ?? []), answer.area]);
  }
  return byKey;
}

describe("a KPI key means the same figure in every area that shows it", () => {
  it("asks every area", () => {
    expect(answers.map((a) => a.area)).toEqual([...AREA_NAMES]);
  });

  it("low_stock and out_of_stock are shown by products and stock alike", () => {
    const byKey = areasByKey();
    expect(byKey.get("low_stock")?.sort()).toEqual(["products", "stock"]);
    expect(byKey.get("out_of_stock")?.sort()).toEqual(["products", "stock"]);
    expect(byKey.get("at_or_below_reorder")).toEqual(["stock"]);
  });

  it("every shared key and every stock figure equals its one computation from the base tables", async () => {
    const checked: string[] = [];
    for (const [key, areas] of areasByKey()) {
      if (areas.length < 2 && !(key in STOCK)) continue;
      for (const answer of answers.filter((a) => areas.includes(a.area))) {
        const kpi = answer.kpis.find((k) => k.key === key);
        expectClose(
          kpi?.value ?? null,
          await independent(answer.area, key, answer.period),
          `${answer.area} ${key}`,
        );
        checked.push(`${answer.area}:${key}`);
      }
    }
    expect(checked).toEqual(
      expect.arrayContaining(["products:low_stock", "stock:low_stock", "stock:at_or_below_reorder"]),
    );
    expect(checked.length).toBeGreaterThan(20);
  });

  it("the stock figures add up and are not all zero on generated data", async () => {
    const stock = answers.find((a) => a.area === "stock");
    const value = (key: string) => stock?.kpis.find((k) => k.key === key)?.value ?? Number.NaN;
    expect(value("at_or_below_reorder")).toBe(value("low_stock") + value("out_of_stock"));
    expect(value("low_stock")).toBeGreaterThan(0);
    expect(value("out_of_stock")).toBeGreaterThan(0);
  });
});
