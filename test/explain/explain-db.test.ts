/**
 * `explain` on generated data, checked against an independent computation: each member's
 * sums come straight from the base tables (ad interactions, orders and their lines — never the
 * rollups or views), the split is recomputed here from its textbook definition, and every
 * driver row the answer shows must match it. Two areas (campaigns, orders) × two dimensions
 * each (platform and campaign; city and payment method), an additive and a ratio KPI each.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, AnswerTable } from "../../src/answer/answer.js";
import { answerSchema } from "../../src/answer/answer-schema.js";
import { codeLabel } from "../../src/answer/code-labels.js";
import type { Engine } from "../../src/engine/engine.js";
import { AS_OF, createGeneratedDatabase } from "../helpers/generated-database.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { answerOf, testEngine } from "../helpers/test-engine.js";

let db: TestDatabase;
let engine: Engine;

beforeAll(async () => {
  db = await createGeneratedDatabase("kpi_explain");
  engine = testEngine(db.url, AS_OF);
}, 180_000);

afterAll(async () => {
  await engine?.close();
  await db?.drop();
});

const CURRENT = { from: "2026-10-27", to: "2026-11-25" };
const PREVIOUS = { from: "2026-09-27", to: "2026-10-26" };
const PAID = "('paid', 'shipped', 'delivered')";
type Member = Record<string, number>;
type Members = Map<string, Member>;

async function grouped(sql: string, params: unknown[]): Promise<Members> {
  const [rows] = await db.connection.query(sql, params);
  const out: Members = new Map();
  for (const row of rows as Record<string, unknown>[]) {
    const { label, ...rest } = row;
    out.set(String(label), Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, Number(v ?? 0)])));
  }
  return out;
}

/** Spend and attributed revenue per platform name or campaign name, from interactions and order lines. */
async function adMembers(range: typeof CURRENT, by: "platform" | "campaign"): Promise<Members> {
  const label = by === "platform" ? "pl.name" : "c.name";
  const spend = await grouped(
    `SELECT ${label} AS label,
       SUM(CASE WHEN p.pricing_model = 'CPM' AND i.stage = 'impression' THEN i.event_count * p.unit_price / 1000
                WHEN p.pricing_model = 'CPC' AND i.stage = 'click' THEN p.unit_price ELSE 0 END) AS spend
     FROM ad_interactions i JOIN ads a ON a.ad_id = i.ad_id JOIN campaigns c ON c.campaign_id = a.campaign_id
     JOIN ad_pricing p ON p.pricing_id = a.pricing_id JOIN ad_platforms pl ON pl.platform_id = p.platform_id
     WHERE i.occurred_at >= ? AND i.occurred_at < DATE_ADD(?, INTERVAL 1 DAY) GROUP BY ${label}`,
    [range.from, range.to],
  );
  const revenue = await grouped(
    `SELECT ${label} AS label, SUM(d.quantity * d.unit_price - d.line_discount) AS revenue
     FROM orders o JOIN order_details d ON d.order_id = o.order_id JOIN ads a ON a.ad_id = o.ad_id
     JOIN campaigns c ON c.campaign_id = a.campaign_id JOIN ad_pricing p ON p.pricing_id = a.pricing_id
     JOIN ad_platforms pl ON pl.platform_id = p.platform_id
     WHERE o.status IN ${PAID} AND o.ordered_at >= ? AND o.ordered_at < DATE_ADD(?, INTERVAL 1 DAY) GROUP BY ${label}`,
    [range.from, range.to],
  );
  for (const [key, r] of revenue) spend.set(key, { spend: 0, ...spend.get(key), ...r });
  return spend;
}

/** Paid orders and their revenue net of discounts per shipping city or payment method. */
async function orderMembers(range: typeof CURRENT, by: "city" | "payment_method"): Promise<Members> {
  return grouped(
    `SELECT o.${by} AS label, COUNT(DISTINCT o.order_id) AS orders, SUM(d.quantity * d.unit_price - d.line_discount) AS revenue
     FROM orders o JOIN order_details d ON d.order_id = o.order_id
     WHERE o.status IN ${PAID} AND o.ordered_at >= ? AND o.ordered_at < DATE_ADD(?, INTERVAL 1 DAY) GROUP BY o.${by}`,
    [range.from, range.to],
  );
}

interface Expected {
  readonly contribution: number;
  readonly rate?: number;
  readonly mix?: number;
}

const total = (members: Members, key: string) => [...members.values()].reduce((a, m) => a + (m[key] ?? 0), 0);

/** Additive: each member's own change. */
function additive(now: Members, before: Members, key: string): Map<string, Expected> {
  const out = new Map<string, Expected>();
  for (const label of new Set([...now.keys(), ...before.keys()])) {
    out.set(label, { contribution: (now.get(label)?.[key] ?? 0) - (before.get(label)?.[key] ?? 0) });
  }
  return out;
}

/**
 * Shift-share with midpoint weights: rate = w̄·(r1 − r0) for members in both periods (else 0),
 * mix = (w1 − w0)·(r̄ − R̄) for those, and for a member in one period only its share of the
 * ratio's change less R̄·(w1 − w0), all of it mix.
 */
function shiftShare(now: Members, before: Members, num: string, den: string): Map<string, Expected> {
  const [N1, D1, N0, D0] = [total(now, num), total(now, den), total(before, num), total(before, den)];
  const Rbar = (N1 / D1 + N0 / D0) / 2;
  const out = new Map<string, Expected>();
  for (const label of new Set([...now.keys(), ...before.keys()])) {
    const [n1, d1] = [now.get(label)?.[num] ?? 0, now.get(label)?.[den] ?? 0];
    const [n0, d0] = [before.get(label)?.[num] ?? 0, before.get(label)?.[den] ?? 0];
    const [w1, w0] = [d1 / D1, d0 / D0];
    if (d1 > 0 && d0 > 0) {
      const [r1, r0] = [n1 / d1, n0 / d0];
      const rate = ((w1 + w0) / 2) * (r1 - r0);
      const mix = (w1 - w0) * ((r1 + r0) / 2 - Rbar);
      out.set(label, { contribution: rate + mix, rate, mix });
    } else {
      const contribution = n1 / D1 - n0 / D0 - Rbar * (w1 - w0);
      out.set(label, { contribution, rate: 0, mix: contribution });
    }
  }
  return out;
}

function tableOf(answer: Answer, dimension: string): AnswerTable {
  const table = answer.tables.find((t) => t.key === `drivers_by_${dimension}`);
  if (!table) throw new Error(`no drivers_by_${dimension} in ${answer.tables.map((t) => t.key).join(", ")}`);
  return table;
}

/**
 * Every named row matches its member; the "Other (n)" row is the sum of the rest; all rows add up to the change.
 * Rows name members as people read them (`bank_transfer` → "Bank transfer").
 */
function expectRows(table: AnswerTable, byKey: Map<string, Expected>, tolerance: number) {
  const expected = new Map([...byKey].map(([key, e]) => [codeLabel(key), e]));
  expect(expected.size).toBe(byKey.size);
  const col = (name: string) => table.columns.indexOf(name);
  const named = new Set<string>();
  let shown = 0;
  for (const row of table.rows) {
    const label = String(row[0]);
    const contribution = Number(row[col("contribution")]);
    shown += contribution;
    if (/^Other \(\d+\)$/u.test(label)) {
      const rest = [...expected].filter(([k]) => !named.has(k));
      expect(rest.length).toBe(Number(/\d+/u.exec(label)?.[0]));
      expect(Math.abs(contribution - rest.reduce((a, [, e]) => a + e.contribution, 0))).toBeLessThan(
        tolerance,
      );
      continue;
    }
    const e = expected.get(label);
    if (!e) throw new Error(`row ${label} is no member of the base tables`);
    named.add(label);
    expect(Math.abs(contribution - e.contribution), label).toBeLessThan(tolerance);
    if (e.rate !== undefined) {
      expect(Math.abs(Number(row[col("rate_effect")]) - e.rate), `${label} rate`).toBeLessThan(tolerance);
      expect(Math.abs(Number(row[col("mix_effect")]) - (e.mix ?? 0)), `${label} mix`).toBeLessThan(tolerance);
    }
  }
  const change = [...expected.values()].reduce((a, e) => a + e.contribution, 0);
  expect(Math.abs(shown - change)).toBeLessThan(tolerance);
  // The rows are the largest contributions, largest first.
  const sizes = [...expected.values()].map((e) => Math.abs(e.contribution)).sort((a, b) => b - a);
  const firstNamed = table.rows.find((r) => !String(r[0]).startsWith("Other"));
  expect(Math.abs(Number(firstNamed?.[col("contribution")]))).toBeCloseTo(sizes[0] ?? 0, 6);
}

describe("explain, checked against the base tables", () => {
  it.each(["platform", "campaign"] as const)("campaigns: spend and ROAS by %s", async (by) => {
    const [now, before] = await Promise.all([adMembers(CURRENT, by), adMembers(PREVIOUS, by)]);
    const spend = await answerOf(engine, `explain campaigns spend last-30d by=${by}`);
    expect(answerSchema.safeParse(spend).success).toBe(true);
    expectRows(tableOf(spend, by), additive(now, before, "spend"), 0.005);
    const roas = await answerOf(engine, `explain roas last-30d vs previous by=${by}`);
    expect(roas.area).toBe("campaigns");
    expect(roas.kpis[0]?.value).toBeCloseTo(total(now, "revenue") / total(now, "spend"), 9);
    expect(roas.kpis[0]?.previous).toBeCloseTo(total(before, "revenue") / total(before, "spend"), 9);
    expectRows(tableOf(roas, by), shiftShare(now, before, "revenue", "spend"), 1e-9);
    expect(roas.explanation?.dimension).toBe(by);
  });

  it.each(["city", "payment_method"] as const)("orders: revenue and AOV by %s", async (by) => {
    const [now, before] = await Promise.all([orderMembers(CURRENT, by), orderMembers(PREVIOUS, by)]);
    const revenue = await answerOf(engine, `explain revenue last-30d by=${by}`);
    expect(revenue.area).toBe("orders");
    expect(revenue.kpis[0]?.value).toBeCloseTo(total(now, "revenue"), 2);
    expectRows(tableOf(revenue, by), additive(now, before, "revenue"), 0.005);
    // Stored codes (`bank_transfer`, `cash_on_delivery`) are shown as words.
    expect(tableOf(revenue, by).rows.filter((r) => String(r[0]).includes("_"))).toEqual([]);
    const aov = await answerOf(engine, `explain aov last-30d by=${by}`);
    expectRows(tableOf(aov, by), shiftShare(now, before, "revenue", "orders"), 1e-9);
    expect(aov.charts[0]?.kind).toBe("waterfall");
    const values = aov.charts[0]?.series[0]?.values ?? [];
    const steps = values.slice(1, -1).reduce<number>((a, v) => a + (v ?? 0), 0);
    expect((values[0] ?? 0) + steps).toBeCloseTo(values[values.length - 1] ?? Number.NaN, 9);
  });

  it("without by= it splits by every dimension and names the chosen one first", async () => {
    const answer = await answerOf(engine, "explain revenue last-30d");
    expect(answer.tables.map((t) => t.key).sort()).toEqual(
      ["drivers_by_city", "drivers_by_payment_method", "drivers_by_source"].sort(),
    );
    expect(answer.tables[0]?.key).toBe(`drivers_by_${answer.explanation?.dimension}`);
  });

  it("refuses bad words with one line and no data read", async () => {
    await expect(engine.run("explain roas by=city")).rejects.toThrow(/cannot be split by `city`/u);
    await expect(engine.run("explain users")).rejects.toThrow(/`users` has no KPI to explain/u);
    await expect(engine.run("explain bananas")).rejects.toThrow(/Cannot explain `bananas`/u);
    await expect(engine.run("explain")).rejects.toThrow(/Name the KPI/u);
  });
});
