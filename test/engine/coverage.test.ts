/**
 * Coverage and calendar comparisons on generated data: the data's first and last day come
 * from the base tables (SQL here), and every answer that reaches outside them says so in one
 * line, shows "—" for its changes and carries `coverage` in its JSON; calendar periods carry
 * the previous period of their kind, with its figures.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { answerSchema } from "../../src/answer/answer-schema.js";
import { answerToBlocks } from "../../src/bot/slack/answer-to-blocks.js";
import { digestToBlocks } from "../../src/bot/slack/digest-blocks.js";
import { answerToAdaptiveCard } from "../../src/bot/teams/card/adaptive-card.js";
import { formatDateRange } from "../../src/calendar/date-format.js";
import type { Engine } from "../../src/engine/engine.js";
import { answerToText } from "../../src/render/terminal-answer.js";
import { buildDigest } from "../../src/schedule/digest.js";
import { slackJson } from "../helpers/block-kit-check.js";
import { expectClose } from "../helpers/expect-close.js";
import { AS_OF, createGeneratedDatabase } from "../helpers/generated-database.js";
import { adSums, orderSums } from "../helpers/independent-kpis.js";
import type { TestDatabase } from "../helpers/test-database.js";
import { answerOf, testEngine } from "../helpers/test-engine.js";

let db: TestDatabase;
let engine: Engine;
/** The first and last day with orders, from the base table. */
let first: string;
let last: string;
const day = (iso: string) => formatDateRange(iso, iso);

beforeAll(async () => {
  db = await createGeneratedDatabase("kpi_coverage");
  engine = testEngine(db.url, AS_OF);
  const [rows] = await db.connection.query(
    "SELECT DATE_FORMAT(MIN(ordered_at), '%Y-%m-%d') AS first, DATE_FORMAT(MAX(ordered_at), '%Y-%m-%d') AS last FROM orders",
  );
  ({ first, last } = (rows as { first: string; last: string }[])[0] as { first: string; last: string });
}, 180_000);

afterAll(async () => {
  await engine?.close();
  await db?.drop();
});

const ask = (text: string): Promise<Answer> => answerOf(engine, text);
const json = (answer: Answer) => answerSchema.parse(JSON.parse(JSON.stringify(answer)));

/** Every surface shows the note and a "—" for each change. */
function expectShownEverywhere(answer: Answer, note: string): void {
  expect(answerToText(answer, { currency: "EUR" })).toContain(`Note: ${note}`);
  expect(answerToText(answer, { currency: "EUR" })).toMatch(/Orders\s+[^\n]*—/u);
  const slack = slackJson(answerToBlocks(answer, { currency: "EUR" }));
  expect(slack).toContain(JSON.stringify(note).slice(1, -1));
  const card = answerToAdaptiveCard(answer, {
    currency: "EUR",
    images: answer.charts.map((c) => ({ url: `https://example.test/${c.key}.png`, altText: c.title })),
  });
  expect(JSON.stringify(card)).toContain(JSON.stringify(note).slice(1, -1));
}

describe("the generated data", () => {
  it("starts months before the as-of day and ends the day before it", () => {
    expect(first > "2026-01-01" && first < "2026-07-01").toBe(true);
    expect(last).toBe("2026-11-25");
  });
});

describe("coverage: vs last-year before the data starts", () => {
  it("says last year has no data, shows no previous value and no change", async () => {
    const answer = await ask("orders last-30d vs last-year");
    expect(answer.comparison).toEqual({ from: "2025-10-27", to: "2025-11-25" });
    expect(json(answer).coverage).toEqual({
      firstDay: first,
      lastDay: last,
      period: "full",
      comparison: "empty",
    });
    const note = `No data for last year (Oct 27 – Nov 25, 2025); data starts on ${day(first)}, so no change is shown.`;
    expect(answer.notes).toContain(note);
    for (const kpi of answer.kpis) {
      expect(kpi.change).toBeNull();
      expect(kpi.previous).toBeNull();
    }
    expect(answer.kpis.find((k) => k.key === "orders")?.value).toBe(
      Number((await orderSums(db.connection, answer.period)).orders),
    );
    expectShownEverywhere(answer, note);
  });
});

describe("coverage: a year to date reaching before the data", () => {
  it("says which days the period covers and shows no change", async () => {
    const answer = await ask("orders ytd");
    expect(answer.period).toMatchObject({ from: "2026-01-01", to: AS_OF });
    expect(json(answer).coverage).toEqual({
      firstDay: first,
      lastDay: last,
      period: "partial",
      comparison: "empty",
    });
    const note = `This period's figures cover only ${formatDateRange(first, last)}.`;
    expect(answer.notes).toContain(note);
    expect(answer.kpis.every((k) => k.change === null)).toBe(true);
    expectShownEverywhere(answer, note);
  });

  it("a comparison that starts before the data is partial: its days are named, no change", async () => {
    // 2026-06 is compared with May 2026, during which the data starts.
    const answer = await ask("orders 2026-06");
    expect(answer.comparison).toEqual({ from: "2026-05-01", to: "2026-05-31" });
    expect(json(answer).coverage).toEqual({
      firstDay: first,
      lastDay: last,
      period: "full",
      comparison: "partial",
    });
    const note = `The previous period's figures cover only ${formatDateRange(first, "2026-05-31")}, so no change is shown.`;
    expect(answer.notes).toContain(note);
    const orders = answer.kpis.find((k) => k.key === "orders");
    expect(orders?.change).toBeNull();
    expect(orders?.previous).toBe(
      Number((await orderSums(db.connection, { from: first, to: "2026-05-31" })).orders),
    );
    expectShownEverywhere(answer, note);
  });
});

describe("coverage: a month before the data", () => {
  it("says there is no data and where it starts, instead of zeros", async () => {
    const answer = await ask("orders 2025-01");
    expect(json(answer).coverage).toEqual({
      firstDay: first,
      lastDay: last,
      period: "empty",
      comparison: "empty",
    });
    const note = `No data for January 2025; data starts on ${day(first)}.`;
    expect(answer.notes[0]).toBe(note);
    expect(answer.kpis.length).toBeGreaterThan(0);
    expect(answer.kpis.every((k) => k.value === null && k.previous === null && k.change === null)).toBe(true);
    expect(answer.tables).toEqual([]);
    expect(answer.charts).toEqual([]);
    expect(answerToText(answer, { currency: "EUR" })).not.toContain("€0.00");
    expectShownEverywhere(answer, note);
  });

  it("a covered answer says nothing and keeps its changes", async () => {
    const answer = await ask("orders 2026-10");
    expect(answer.coverage).toEqual({ firstDay: first, lastDay: last, period: "full", comparison: "full" });
    expect(answer.notes.some((n) => n.includes("cover") || n.startsWith("No data"))).toBe(false);
    expect(answer.kpis.find((k) => k.key === "orders")?.change).not.toBeNull();
  });
});

describe("coverage in digests", () => {
  it("a digest's area says what its data does not cover", async () => {
    const slot = new Date(`${AS_OF}T09:00:00Z`);
    const subscription = {
      id: 1,
      target: { platform: "slack", id: "C1" },
      areas: ["orders" as const],
      period: { kind: "relative" as const, word: "ytd" as const },
      filters: {},
      schedule: { kind: "daily" as const, cron: "0 9 * * *", timeZone: "UTC" },
      createdBy: "U1",
      createdAt: slot,
      activeSince: slot,
      paused: false,
      quiet: false,
    };
    const digest = await buildDigest(subscription, slot, engine);
    const blocks = JSON.stringify(digestToBlocks(digest, "EUR").blocks);
    expect(blocks).toContain(`This period's figures cover only ${formatDateRange(first, last)}.`);
    expect(blocks).toContain("—");
  });
});

describe("calendar comparisons carry the previous period of their kind", () => {
  it.each([
    ["roas last-quarter", { from: "2026-07-01", to: "2026-09-30" }, { from: "2026-04-01", to: "2026-06-30" }],
    ["funnel last-month", { from: "2026-10-01", to: "2026-10-31" }, { from: "2026-09-01", to: "2026-09-30" }],
    ["orders 2026-11", { from: "2026-11-01", to: AS_OF }, { from: "2026-10-01", to: "2026-10-26" }],
    ["orders mtd", { from: "2026-11-01", to: AS_OF }, { from: "2026-10-01", to: "2026-10-26" }],
    [
      "orders 2026-09-01..2026-09-30",
      { from: "2026-09-01", to: "2026-09-30" },
      { from: "2026-08-02", to: "2026-08-31" },
    ],
  ])("%s", async (text, period, comparison) => {
    const answer = await ask(text);
    expect(answer.period).toMatchObject(period);
    expect(answer.comparison).toEqual(comparison);
  });

  it("the previous month's figures are September's", async () => {
    const answer = await ask("orders 2026-10");
    expect(answer.comparison).toEqual({ from: "2026-09-01", to: "2026-09-30" });
    const september = await orderSums(db.connection, { from: "2026-09-01", to: "2026-09-30" });
    expect(answer.kpis.find((k) => k.key === "orders")?.previous).toBe(Number(september.orders));
    const funnel = await ask("funnel last-month");
    const clicks = (await adSums(db.connection, { from: "2026-09-01", to: "2026-09-30" })).clicks;
    expectClose(
      funnel.kpis.find((k) => k.key === "clicks")?.previous ?? null,
      Number(clicks),
      "clicks previous",
    );
  });
});
