/**
 * A table that shows only its top rows says so on every surface ("Top 15 of 30 cities"), its
 * shares are of the whole, and a percent column reads with one precision throughout.
 */
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { DEFAULT_PERIOD } from "../../src/answer/query.js";
import type { AreaContext } from "../../src/areas/area-module.js";
import { CITY_ROWS, users } from "../../src/areas/users/users-area.js";
import type { UsersData } from "../../src/areas/users/users-data.js";
import { answerToBlocks } from "../../src/bot/slack/answer-to-blocks.js";
import { answerToAdaptiveCard } from "../../src/bot/teams/card/adaptive-card.js";
import { answerCsvFiles } from "../../src/render/answer-csv.js";
import { answerToText } from "../../src/render/terminal-answer.js";
import { slackJson } from "../helpers/block-kit-check.js";

const CONTEXT: AreaContext = {
  query: { area: "users", period: DEFAULT_PERIOD, comparison: "previous", filters: {} },
  period: { from: "2026-11-01", to: "2026-11-30", timezone: "UTC", label: "November 2026" },
  comparison: null,
  filters: {},
  notes: [],
};

// 30 cities: the largest holds 200 of 1,000 users (20%), the rest 40 down to 12 (4% to 1.2%).
const CITIES = Array.from({ length: 30 }, (_, i) => ({
  key: `City ${String(i + 1).padStart(2, "0")}`,
  count: i === 0 ? 200 : 0,
  amount: 0,
}));
{
  let rest = 800;
  for (let i = 1; i < 30; i++) {
    const n = i === 29 ? rest : Math.max(12, 41 - i);
    CITIES[i] = { ...(CITIES[i] as (typeof CITIES)[number]), count: n };
    rest -= n;
  }
}
const TOTAL = CITIES.reduce((n, c) => n + c.count, 0);

const DATA: UsersData = {
  totalUsers: TOTAL,
  newUsers: 10,
  activeUsers: 100,
  byDay: [],
  byGender: [
    { key: "female", count: TOTAL - 91, amount: 0 },
    { key: "male", count: 91, amount: 0 },
  ],
  byBirthYear: [],
  byBirthDate: [],
  byDevice: [{ key: "mobile", count: TOTAL, amount: 0 }],
  byPlatform: [{ key: "web", count: TOTAL, amount: 0 }],
  byCity: CITIES,
};

const answer: Answer = users.answerFrom(CONTEXT, DATA, null);
const CAP_TEXT = `Top ${CITY_ROWS} of 30 cities`;

/** The decimals of every "12.34%" in a text. */
const percentDecimals = (text: string) =>
  [...text.matchAll(/(?<![▲▼=] )\b\d[\d,]*(?:\.(\d+))?%/g)].map((m) => m[1]?.length ?? 0);

describe("capped tables", () => {
  it("the users-by-city table keeps the top cities, shares of all users, and says how many it shows", () => {
    const table = answer.tables.find((t) => t.key === "by_city");
    expect(table?.rows).toHaveLength(CITY_ROWS);
    expect(table?.title).toBe(CAP_TEXT);
    expect(table?.rows[0]?.[2]).toBeCloseTo(200 / TOTAL, 12);
  });

  it("a table that is not capped has no cap in its title", () => {
    const table = answer.tables.find((t) => t.key === "by_gender");
    expect(table?.title ?? "").not.toMatch(/Top/);
  });

  it("terminal text states the cap; every share has the same decimals", () => {
    const text = answerToText(answer, { currency: "EUR", maxRows: 40 });
    expect(text).toContain(CAP_TEXT);
    expect(new Set(percentDecimals(text)).size).toBe(1);
  });

  it("Slack blocks state the cap; every share has the same decimals", () => {
    const text = slackJson(answerToBlocks(answer, { currency: "EUR" }));
    expect(text).toContain(CAP_TEXT);
    expect(percentDecimals(text).length).toBeGreaterThan(CITY_ROWS - 1);
    expect(new Set(percentDecimals(text)).size).toBe(1);
  });

  it("the Teams card states the cap; every share has the same decimals", () => {
    const images = answer.charts.map((c) => ({
      url: `https://charts.example.test/${c.key}.png`,
      altText: c.key,
    }));
    const text = JSON.stringify(answerToAdaptiveCard(answer, { currency: "EUR", images, maxTableRows: 40 }));
    expect(text).toContain(CAP_TEXT);
    expect(percentDecimals(text).length).toBeGreaterThan(CITY_ROWS - 1);
    expect(new Set(percentDecimals(text)).size).toBe(1);
  });

  it("the CSV file is titled with the cap", () => {
    const csv = answerCsvFiles(answer, ["by_city"])[0];
    expect(csv?.title).toContain(CAP_TEXT);
    expect(csv?.content.split("\r\n").filter(Boolean)).toHaveLength(CITY_ROWS + 1);
  });
});
